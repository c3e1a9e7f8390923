package io.feedbackloop.categorize.rest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.feedbackloop.categorize.metrics.rest.SliceParameters;
import io.feedbackloop.categorize.service.CategorizationSearch;
import io.feedbackloop.kit.listing.KeysetCursor;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query of {@code GET /api/v1/categorizations} as a client spells it. Every parameter is
 * optional; blank counts as not given. Each bad one is a violation naming it, all reported at once.
 */
public class CategorizationSearchParameters {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    static final int MAX_WORDS_LENGTH = 500;
    static final int MAX_FILTER_LENGTH = 100;

    @QueryParam("q")
    @Parameter(description = "Words of the text, stemmed in the feedback's language (Russian and English; other "
            + "languages word for word): «доставка» finds «доставку», \"delivery\" finds \"deliveries\". Every "
            + "word must occur; \"quoted words\" are a phrase, or separates alternatives, -word leaves out "
            + "(PostgreSQL websearch_to_tsquery). At most 500 characters.", example = "доставка")
    public String q;

    @QueryParam("theme")
    @Parameter(description = "A taxonomy path; a group matches its leaves (delivery matches delivery/late, "
            + "delivery/damaged, ...)", example = "delivery")
    public String theme;

    @QueryParam("sentiment")
    @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"negative", "neutral", "positive"}))
    public String sentiment;

    @QueryParam("scoreClass")
    @Parameter(description = "The NPS class; feedback without an NPS answer have none",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"promoter", "passive", "detractor"}))
    public String scoreClass;

    @QueryParam("language")
    @Parameter(description = "The language the categorizer read the text in",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"ru", "en", "other"}))
    public String language;

    @QueryParam("channel")
    @Parameter(description = "Only this channel", example = "web")
    public String channel;

    @QueryParam("from")
    @Parameter(description = "Answer time from, included: an ISO instant (2026-11-01T00:00:00Z) or a date "
            + "(2026-11-01, its start in UTC)", example = "2026-11-01")
    public String from;

    @QueryParam("to")
    @Parameter(description = "Answer time to, excluded: [from, to). A date means its start in UTC",
            example = "2026-12-01")
    public String to;

    @QueryParam("cursor")
    @Parameter(description = "next of the page before, unchanged; absent for the first page")
    public String cursor;

    @QueryParam("limit")
    @Parameter(description = "Feedback per page: 1 to 200, default 50", schema = @Schema(type = SchemaType.INTEGER,
            minimum = "1", maximum = "200", defaultValue = "50"))
    public String limit;

    /** What the parameters ask for, checked: every bad parameter is named in one 400 problem. */
    record Query(CategorizationSearch.Filter filter, KeysetCursor after, int limit) {
    }

    Query toQuery() {
        List<Problem.Violation> violations = new ArrayList<>();
        String words = text("q", q, MAX_WORDS_LENGTH, violations);
        String themePath = text("theme", theme, MAX_FILTER_LENGTH, violations);
        if (themePath != null && !CategorizationSearch.THEME_PATH.matcher(themePath).matches()) {
            violations.add(new Problem.Violation("theme", "theme-path",
                    "must be a taxonomy path such as delivery or delivery/late"));
            themePath = null;
        }
        Instant start = SliceParameters.instant("from", from, ZoneOffset.UTC, violations);
        Instant end = SliceParameters.instant("to", to, ZoneOffset.UTC, violations);
        if (start != null && end != null && !start.isBefore(end)) {
            violations.add(new Problem.Violation("to", "after-from", "must be later than from (the range is [from, to))"));
        }
        CategorizationSearch.Filter filter = new CategorizationSearch.Filter(words, themePath,
                oneOf("sentiment", sentiment, CategorizationSearch.SENTIMENTS, violations),
                oneOf("scoreClass", scoreClass, CategorizationSearch.NPS_CLASSES, violations),
                oneOf("language", language, CategorizationSearch.LANGUAGES, violations),
                text("channel", channel, MAX_FILTER_LENGTH, violations), start, end);
        int pageSize = pageSize(violations);
        KeysetCursor after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = KeysetCursor.decode(cursor.strip());
            } catch (ProblemException e) {
                violations.addAll(e.problem().violations());
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid(violations));
        }
        return new Query(filter, after, pageSize);
    }

    private static String text(String name, String value, int maxLength, List<Problem.Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            violations.add(new Problem.Violation(name, "max-length", "must be at most " + maxLength + " characters"));
            return null;
        }
        return value.strip();
    }

    private static String oneOf(String name, String value, List<String> choices, List<Problem.Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (choices.contains(value.strip())) {
            return value.strip();
        }
        violations.add(new Problem.Violation(name, "enum", "must be one of " + choices));
        return null;
    }

    private int pageSize(List<Problem.Violation> violations) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        violations.add(new Problem.Violation("limit", "range", "must be a whole number from 1 to " + MAX_LIMIT));
        return DEFAULT_LIMIT;
    }
}
