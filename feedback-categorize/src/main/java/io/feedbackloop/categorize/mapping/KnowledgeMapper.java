package io.feedbackloop.categorize.mapping;

import io.feedbackloop.categorize.api.KnowledgeViews;
import io.feedbackloop.categorize.model.KnowledgeEdit;
import io.feedbackloop.categorize.model.KnowledgeVersion;

/** Versions of the taxonomy and lexicons in and out of the knowledge API. */
public final class KnowledgeMapper {

    private KnowledgeMapper() {
    }

    /** One version; listings leave the document out. */
    public static KnowledgeViews.Version toView(KnowledgeVersion version, boolean withDocument) {
        return new KnowledgeViews.Version(version.version, version.createdAt, version.createdBy, version.comment,
                withDocument ? version.document : null);
    }

    /** The edit as {@code author} (the signed-in person) made it. */
    public static KnowledgeEdit toEdit(KnowledgeViews.Edit edit, String author) {
        return new KnowledgeEdit(edit.basedOnVersion(), author, edit.comment());
    }
}
