package io.feedbackloop.categorize.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.feedbackloop.categorize.text.KnowledgeDocument;
import io.feedbackloop.categorize.text.Lexicons;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;

/** Checks an edited knowledge document before it becomes a version; every broken rule is reported with its path. */
final class KnowledgeValidator {

    static final Pattern THEME_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    static final int MAX_DEPTH = 3;
    static final int MAX_TERM_LENGTH = 100;
    static final int MAX_TERMS = 50_000;

    private final List<Problem.Violation> violations = new ArrayList<>();
    private int terms;

    private KnowledgeValidator() {
    }

    static void check(KnowledgeDocument document) {
        KnowledgeValidator validator = new KnowledgeValidator();
        validator.validate(document);
        if (!validator.violations.isEmpty()) {
            throw new ProblemException(Problem.invalid(validator.violations));
        }
    }

    static void checkTheme(String field, KnowledgeDocument.Theme theme, int depth) {
        KnowledgeValidator validator = new KnowledgeValidator();
        validator.theme(field, theme, depth);
        if (!validator.violations.isEmpty()) {
            throw new ProblemException(Problem.invalid(validator.violations));
        }
    }

    static void checkLexicon(String name, Map<String, List<String>> lexicon) {
        KnowledgeValidator validator = new KnowledgeValidator();
        validator.lexicon("lexicons." + name, name, lexicon);
        if (!validator.violations.isEmpty()) {
            throw new ProblemException(Problem.invalid(validator.violations));
        }
    }

    private void validate(KnowledgeDocument document) {
        if (document.themes() == null || document.themes().isEmpty()) {
            violation("themes", "required", "the taxonomy needs at least one theme");
        } else {
            themes("themes", document.themes(), 1);
        }
        if (document.lexicons() != null) {
            document.lexicons().forEach((name, lexicon) -> lexicon("lexicons." + name, name, lexicon));
        }
        if (terms > MAX_TERMS) {
            violation("lexicons", "max-terms", "at most " + MAX_TERMS + " terms in all, not " + terms);
        }
    }

    private void themes(String field, List<KnowledgeDocument.Theme> themes, int depth) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < themes.size(); i++) {
            KnowledgeDocument.Theme theme = themes.get(i);
            String at = field + "[" + i + "]";
            if (theme == null) {
                violation(at, "required", "must be a theme");
                continue;
            }
            if (theme.id() != null && !ids.add(theme.id())) {
                violation(at + ".id", "unique", "'" + theme.id() + "' is already a sibling theme");
            }
            theme(at, theme, depth);
        }
    }

    private void theme(String at, KnowledgeDocument.Theme theme, int depth) {
        if (theme.id() == null || !THEME_ID.matcher(theme.id()).matches()) {
            violation(at + ".id", "pattern", "must be 1–40 lower-case letters, digits or '-', starting with a letter or digit");
        }
        if (depth > MAX_DEPTH) {
            violation(at, "max-depth", "themes nest at most " + MAX_DEPTH + " levels");
        }
        if (theme.label() != null) {
            theme.label().forEach((language, label) -> {
                if (!Lexicons.LANGUAGES.contains(language)) {
                    violation(at + ".label." + language, "language", "must be one of " + Lexicons.LANGUAGES);
                }
                if (label == null || label.isBlank() || label.length() > 100) {
                    violation(at + ".label." + language, "length", "must be 1–100 characters");
                }
            });
        }
        terms(at + ".terms", theme.termsOrEmpty());
        themes(at + ".children", theme.childrenOrEmpty(), depth + 1);
    }

    private void lexicon(String at, String name, Map<String, List<String>> lexicon) {
        if (!Lexicons.NAMES.contains(name)) {
            violation(at, "known-lexicon", "must be one of " + Lexicons.NAMES);
        }
        terms(at, lexicon == null ? Map.of() : lexicon);
    }

    private void terms(String at, Map<String, List<String>> byLanguage) {
        byLanguage.forEach((language, list) -> {
            if (!Lexicons.LANGUAGES.contains(language)) {
                violation(at + "." + language, "language", "must be one of " + Lexicons.LANGUAGES);
                return;
            }
            if (list == null) {
                violation(at + "." + language, "required", "must be a list of terms");
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                String term = list.get(i);
                terms++;
                if (term == null || term.isBlank() || term.strip().equals("*") || term.length() > MAX_TERM_LENGTH) {
                    violation(at + "." + language + "[" + i + "]", "term",
                            "must be a word or phrase of 1–" + MAX_TERM_LENGTH + " characters");
                } else if (term.strip().startsWith("*")) {
                    violation(at + "." + language + "[" + i + "]", "term", "'*' may only end a word");
                }
            }
        });
    }

    private void violation(String field, String rule, String message) {
        violations.add(new Problem.Violation(field, rule, message));
    }
}
