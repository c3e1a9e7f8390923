package io.feedbackloop.categorize.mapping;

import io.feedbackloop.categorize.api.CategorizationSearchViews;
import io.feedbackloop.categorize.service.CategorizationSearch;
import io.feedbackloop.kit.listing.KeysetPage;

/** A page of the categorization search as the API shows it. */
public final class CategorizationSearchMapper {

    private CategorizationSearchMapper() {
    }

    public static CategorizationSearchViews.Page toView(KeysetPage<CategorizationSearch.Found> page) {
        return new CategorizationSearchViews.Page(page.items().stream().map(CategorizationSearchMapper::toView).toList(),
                page.nextCursor());
    }

    private static CategorizationSearchViews.Item toView(CategorizationSearch.Found found) {
        return new CategorizationSearchViews.Item(found.feedbackId(), found.respondedAt(), found.channel(),
                found.touchpoint(), found.language(), found.text(),
                found.sentiment() == null ? null
                        : new CategorizationSearchViews.Sentiment(found.sentiment(), found.sentimentConfidence()),
                found.type(), found.themes(), found.npsScore(), found.npsClass(), found.urgency());
    }
}
