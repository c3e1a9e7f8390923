package io.feedbackloop.console.web;

import io.feedbackloop.console.i18n.Msg;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The message bundle in this visitor's language, for texts made in Java (notices, errors). */
final class Msgs {

    private Msgs() {
    }

    static Msg of(Visit visit) {
        return "en".equals(visit.lang()) ? MessageBundles.get(Msg.class)
                : MessageBundles.get(Msg.class, Localized.Literal.of(visit.lang()));
    }
}
