package io.feedbackloop.notifier.mapping;

import io.feedbackloop.notifier.api.PreferenceViews;
import io.feedbackloop.notifier.model.ContactPreferences;
import io.feedbackloop.notifier.model.PreferenceChange;

/** A customer's preferences as the API shows and changes them. */
public final class PreferenceMapper {

    private PreferenceMapper() {
    }

    public static PreferenceChange toChange(PreferenceViews.Change change) {
        return new PreferenceChange(change.timeZone(), change.email(), change.sms(), change.changedBy());
    }

    public static PreferenceViews.Preferences toView(ContactPreferences p) {
        return new PreferenceViews.Preferences(p.customerId(), p.timeZone(), p.effectiveTimeZone(), p.email(), p.sms(),
                p.updatedAt(), p.updatedBy());
    }
}
