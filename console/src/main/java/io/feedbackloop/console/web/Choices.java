package io.feedbackloop.console.web;

import java.util.List;

import io.quarkus.qute.TemplateExtension;

/** The closed vocabularies of the services' APIs, offered in the pages' selects as {@code choices:...}. */
@TemplateExtension(namespace = "choices")
public final class Choices {

    private Choices() {
    }

    static List<String> statuses() {
        return List.of("open", "in_progress", "waiting_customer", "closed");
    }

    static List<String> openStatuses() {
        return List.of("open", "in_progress", "waiting_customer");
    }

    static List<String> priorities() {
        return List.of("critical", "high", "normal", "low");
    }

    static List<String> channels() {
        return List.of("email", "web", "in-app", "phone", "sms", "chat", "in-person", "social", "review-site",
                "support-ticket");
    }

    static List<String> sentiments() {
        return List.of("negative", "neutral", "positive");
    }

    static List<String> types() {
        return List.of("complaint", "problem", "idea", "question", "praise");
    }

    static List<String> urgencies() {
        return List.of("churn", "legal", "safety");
    }

    static List<String> scoreClasses() {
        return List.of("promoter", "passive", "detractor", "good", "neutral", "bad", "agree", "disagree");
    }

    static List<String> npsClasses() {
        return List.of("promoter", "passive", "detractor");
    }

    static List<String> languages() {
        return List.of("en", "ru");
    }

    /** The languages routing rules match: the categorizer's language of the text. */
    static List<String> textLanguages() {
        return List.of("en", "ru", "other");
    }

    static List<String> improvementStatuses() {
        return List.of("draft", "published");
    }

    static List<String> buckets() {
        return List.of("day", "week", "month");
    }

    static List<String> weekDays() {
        return List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
    }
}
