package io.feedbackloop.categorize.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import io.feedbackloop.categorize.text.TextCategorizer;
import io.feedbackloop.kit.listing.KeysetCursor;
import io.feedbackloop.kit.listing.KeysetPage;
import io.feedbackloop.kit.listing.SqlConditions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;

/**
 * Finds categorized feedback: by the words of its text (PostgreSQL full-text search, stemmed in
 * the feedback's language: the generated {@code search_vector} of V6), its theme (a group matches
 * its leaves), sentiment, NPS class, language, channel and answer time. Newest first by answer
 * time, then id, by keyset: a page neither repeats nor skips a feedback because others arrived
 * meanwhile. One statement per page, the themes of each row included.
 */
@ApplicationScoped
public class CategorizationSearch {

    public static final List<String> SENTIMENTS = TextCategorizer.SENTIMENTS;
    public static final List<String> NPS_CLASSES = List.of("promoter", "passive", "detractor");
    /** What the categorizer's language detector answers. */
    public static final List<String> LANGUAGES = List.of("ru", "en", "other");
    /** A taxonomy path: a group ({@code delivery}) or a theme below it ({@code delivery/late}). */
    public static final Pattern THEME_PATH = Pattern.compile(KnowledgeValidator.THEME_ID.pattern()
            + "(/" + KnowledgeValidator.THEME_ID.pattern() + "){0," + (KnowledgeValidator.MAX_DEPTH - 1) + "}");

    /**
     * What to look for; a null field does not narrow.
     *
     * @param words    words of the text, as a person types them into a search box
     *                 ({@code websearch_to_tsquery}: {@code "exact phrase"}, {@code or}, {@code -not})
     * @param theme    a taxonomy path; a group matches itself and everything below it
     * @param npsClass promoter, passive or detractor
     * @param from     answer time, included
     * @param to       answer time, excluded
     */
    public record Filter(String words, String theme, String sentiment, String npsClass, String language,
                         String channel, Instant from, Instant to) {
    }

    /** One feedback found, with what the categorizer (or a person) made of it. */
    public record Found(UUID feedbackId, Instant respondedAt, String channel, String touchpoint, String language,
                        String text, String sentiment, Double sentimentConfidence, String type, List<String> themes,
                        Integer npsScore, String npsClass, List<String> urgency) {
    }

    // Each language's rows are matched with that language's configuration, as V6 indexed them; each
    // branch compares with a constant query, so the GIN index serves all three.
    private static final String WORDS = "((c.language = 'ru' AND c.search_vector @@ websearch_to_tsquery('russian', :words))"
            + " OR (c.language = 'en' AND c.search_vector @@ websearch_to_tsquery('english', :words))"
            + " OR ((c.language IS NULL OR c.language NOT IN ('ru', 'en'))"
            + " AND c.search_vector @@ websearch_to_tsquery('simple', :words)))";

    private static final String COLUMNS = "SELECT c.feedback_id, c.responded_at, c.channel, c.touchpoint, c.language,"
            + " c.text, c.sentiment, c.sentiment_confidence, c.feedback_type, c.nps_score, c.nps_class, c.urgency,"
            + " ARRAY(SELECT ct.theme FROM categorization_theme ct WHERE ct.feedback_id = c.feedback_id"
            + " ORDER BY ct.position) AS themes"
            + " FROM categorization c";

    @Inject
    EntityManager entityManager;

    /**
     * @param after the last feedback of the page before; null for the first page
     * @param limit how many feedback a page holds at most
     */
    @Transactional
    public KeysetPage<Found> search(Filter filter, KeysetCursor after, int limit) {
        SqlConditions where = new SqlConditions()
                .addIfPresent(WORDS, "words", filter.words())
                .addIfPresent("c.sentiment = :sentiment", "sentiment", filter.sentiment())
                .addIfPresent("c.nps_class = :npsClass", "npsClass", filter.npsClass())
                .addIfPresent("c.language = :language", "language", filter.language())
                .addIfPresent("c.channel = :channel", "channel", filter.channel())
                .addIfPresent("c.responded_at >= :from", "from", filter.from())
                .addIfPresent("c.responded_at < :to", "to", filter.to());
        if (filter.theme() != null) {
            // the theme itself or anything below it: "delivery" finds "delivery/late", not "delivery-fees";
            // LIKE's wildcards in the path are taken literally (backslash is PostgreSQL's default escape)
            where.add("EXISTS (SELECT 1 FROM categorization_theme ft WHERE ft.feedback_id = c.feedback_id"
                            + " AND (ft.theme = :theme OR ft.theme LIKE :themePrefix))", "theme", filter.theme())
                    .parameter("themePrefix", likeEscaped(filter.theme()) + "/%");
        }
        if (after != null) {
            // newest first: what follows the last row is older, or as old with a smaller id; rows
            // without an answer time come last
            if (after.sortKey() != null) {
                where.add("(c.responded_at < :afterAt OR (c.responded_at = :afterAt AND c.feedback_id < :afterId)"
                        + " OR c.responded_at IS NULL)", "afterAt", after.sortKey());
            } else {
                where.add("c.responded_at IS NULL AND c.feedback_id < :afterId");
            }
            where.parameter("afterId", after.id());
        }

        @SuppressWarnings("unchecked")
        NativeQuery<Object[]> query = entityManager.createNativeQuery(COLUMNS + where.where()
                        + " ORDER BY c.responded_at DESC NULLS LAST, c.feedback_id DESC")
                .unwrap(NativeQuery.class);
        query.addScalar("feedback_id", UUID.class).addScalar("responded_at", Instant.class)
                .addScalar("channel", String.class).addScalar("touchpoint", String.class)
                .addScalar("language", String.class).addScalar("text", String.class)
                .addScalar("sentiment", String.class).addScalar("sentiment_confidence", Double.class)
                .addScalar("feedback_type", String.class).addScalar("nps_score", Integer.class)
                .addScalar("nps_class", String.class).addScalar("urgency", String[].class)
                .addScalar("themes", String[].class)
                .setMaxResults(KeysetPage.rowsToFetch(limit));
        List<Found> rows = where.bind(query).getResultList().stream().map(CategorizationSearch::found).toList();
        return KeysetPage.of(rows, limit, found -> new KeysetCursor(found.respondedAt(), found.feedbackId()));
    }

    private static Found found(Object[] row) {
        return new Found((UUID) row[0], (Instant) row[1], (String) row[2], (String) row[3], (String) row[4],
                (String) row[5], (String) row[6], (Double) row[7], (String) row[8], list(row[12]),
                (Integer) row[9], (String) row[10], list(row[11]));
    }

    private static List<String> list(Object array) {
        return array == null ? List.of() : List.of((String[]) array);
    }

    private static String likeEscaped(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
