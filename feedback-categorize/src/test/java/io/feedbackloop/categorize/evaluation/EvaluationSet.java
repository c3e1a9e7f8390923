package io.feedbackloop.categorize.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.feedbackloop.categorize.text.CompiledKnowledge;
import io.feedbackloop.categorize.text.FeedbackText;
import io.feedbackloop.categorize.text.KnowledgeDocument;
import io.feedbackloop.categorize.text.LabelledFeedback;
import io.feedbackloop.categorize.text.TextAnalyzer;
import io.feedbackloop.categorize.text.TextCategorizer;

/**
 * The labelled evaluation set {@code evaluation/feedback-eval.jsonl}: one JSON object a line with
 * {@code id}, {@code split} (dev|test), {@code language} (en|ru|other), {@code text},
 * {@code scores} ({@code nps} 0–10, {@code csat} 1–5, {@code ces} 1–7, each optional),
 * {@code sentiment}, {@code type}, {@code themes} (taxonomy paths) and {@code urgency} (flags).
 * The feedback carries no declared language, so language detection is graded on the text alone.
 */
public record EvaluationSet(List<Item> items) {

    /** Where the set lives, relative to the module (surefire's working directory) or to the repository root. */
    public static final List<Path> SHIPPED = List.of(Path.of("evaluation/feedback-eval.jsonl"),
            Path.of("feedback-categorize/evaluation/feedback-eval.jsonl"));

    public static final String KNOWLEDGE = "/knowledge/default-knowledge.json";

    /** One labelled feedback with what the engine's {@link LabelledFeedback} does not hold. */
    public record Item(String id, String split, String language, LabelledFeedback labelled, Set<String> urgency) {

        public FeedbackText feedback() {
            return labelled.feedback();
        }

        public String text() {
            return labelled.feedback().text();
        }
    }

    public EvaluationSet {
        items = List.copyOf(items);
    }

    public static EvaluationSet shipped() {
        for (Path path : SHIPPED) {
            if (Files.isRegularFile(path)) {
                return load(path);
            }
        }
        throw new IllegalStateException("no evaluation set at " + SHIPPED + " (working directory "
                + Path.of("").toAbsolutePath() + ")");
    }

    public static EvaluationSet load(Path path) {
        ObjectMapper json = new ObjectMapper();
        List<Item> items = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty()) {
                    continue;
                }
                try {
                    items.add(item(json.readTree(line)));
                } catch (IOException | RuntimeException e) {
                    throw new IllegalArgumentException(path + ":" + (i + 1) + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EvaluationSet(items);
    }

    private static Item item(JsonNode node) {
        List<FeedbackText.Score> scores = new ArrayList<>();
        JsonNode scoreNode = node.path("scores");
        for (Map.Entry<String, JsonNode> score : scoreNode.properties()) {
            if (!score.getValue().canConvertToInt()) {
                throw new IllegalArgumentException("score " + score.getKey() + " is not a number");
            }
            scores.add(score(score.getKey(), score.getValue().intValue()));
        }
        FeedbackText feedback = new FeedbackText(required(node, "text"), null, List.copyOf(scores));
        LabelledFeedback labelled = new LabelledFeedback(feedback, required(node, "sentiment"), required(node, "type"),
                strings(node.path("themes")));
        return new Item(required(node, "id"), required(node, "split"), required(node, "language"), labelled,
                strings(node.path("urgency")));
    }

    private static FeedbackText.Score score(String metric, int value) {
        FeedbackText.Score score = switch (metric) {
            case "nps" -> new FeedbackText.Score(FeedbackText.Metric.NPS, value, 0, 10);
            case "csat" -> new FeedbackText.Score(FeedbackText.Metric.CSAT, value, 1, 5);
            case "ces" -> new FeedbackText.Score(FeedbackText.Metric.CES, value, 1, 7);
            default -> throw new IllegalArgumentException("unknown score " + metric);
        };
        if (value < score.scaleMin() || value > score.scaleMax()) {
            throw new IllegalArgumentException(metric + " " + value + " is outside " + score.scaleMin() + "–"
                    + score.scaleMax());
        }
        return score;
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("missing text field " + field);
        }
        return value.asText();
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        if (array.isMissingNode() || array.isNull()) {
            return values;
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException("expected an array, got " + array);
        }
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    public EvaluationSet where(Predicate<Item> filter) {
        return new EvaluationSet(items.stream().filter(filter).toList());
    }

    /** The items of one split; "all" keeps every item. */
    public EvaluationSet split(String split) {
        return split.equals("all") ? this : where(i -> i.split().equals(split));
    }

    /** The items of one language; "all" keeps every item. */
    public EvaluationSet language(String language) {
        return language.equals("all") ? this : where(i -> i.language().equals(language));
    }

    public List<LabelledFeedback> labelled() {
        return items.stream().map(Item::labelled).toList();
    }

    public int size() {
        return items.size();
    }

    /** The shipped knowledge, compiled as version 1, with no learned model. */
    public static TextCategorizer shippedRules() {
        try (InputStream in = EvaluationSet.class.getResourceAsStream(KNOWLEDGE)) {
            if (in == null) {
                throw new IllegalStateException(KNOWLEDGE + " is not on the classpath");
            }
            KnowledgeDocument document = new ObjectMapper().readValue(in, KnowledgeDocument.class);
            return new TextCategorizer(new CompiledKnowledge(document, 1, new TextAnalyzer()), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
