package io.feedbackloop.categorize.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.feedbackloop.categorize.text.KnowledgeDocument;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Requests and answers of the knowledge (taxonomy and lexicons) API. */
public final class KnowledgeViews {

    private KnowledgeViews() {
    }

    /** One version of the knowledge; {@code document} is left out of version listings. */
    public record Version(int version, Instant createdAt, String createdBy, String comment,
                          KnowledgeDocument document) {
    }

    /** Who edits and why, common to every edit. */
    public interface Edit {

        /** The version the edit started from; refused with 409 if another edit came first. */
        Integer basedOnVersion();

        /** Ignored (kept so that older clients' bodies stay valid): the signed-in person is the author. */
        String changedBy();

        String comment();
    }

    /** A whole new document. */
    public record Replace(@NotNull KnowledgeDocument document, Integer basedOnVersion,
                          @Size(max = 100) String changedBy, @Size(max = 500) String comment) implements Edit {
    }

    /** One theme, created or replaced at its path; {@code children} null keeps the existing children. */
    public record ThemeEdit(Map<String, String> label, Map<String, List<String>> terms,
                            List<KnowledgeDocument.Theme> children, Integer basedOnVersion,
                            @Size(max = 100) String changedBy, @Size(max = 500) String comment) implements Edit {
    }

    /** One lexicon's terms by language. */
    public record LexiconEdit(@NotNull Map<String, List<String>> terms, Integer basedOnVersion,
                              @Size(max = 100) String changedBy, @Size(max = 500) String comment) implements Edit {
    }
}
