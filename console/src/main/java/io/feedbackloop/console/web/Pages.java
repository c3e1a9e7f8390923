package io.feedbackloop.console.web;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.qute.TemplateInstance;

/** What every page does before it renders. */
final class Pages {

    private Pages() {
    }

    /** Renders in the person's language (message bundles read the locale from the instance). */
    static TemplateInstance page(TemplateInstance instance, Visit visit) {
        return instance.setLocale(visit.locale());
    }

    /** Values given repeated or comma-separated, blanks dropped. */
    static List<String> split(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    if (!part.isBlank() && !out.contains(part.trim())) {
                        out.add(part.trim());
                    }
                }
            }
        }
        return out;
    }
}
