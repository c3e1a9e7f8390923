package io.feedbackloop.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.feedbackloop.categorize.text.FeedbackText;
import io.feedbackloop.categorize.text.LabelledFeedback;
import org.jboss.logging.Logger;

/**
 * The texts to categorize: the labelled evaluation set (feedback-categorize/evaluation/feedback-eval.jsonl),
 * from the path in the system property {@value #PROPERTY}, or found relative to the working directory;
 * a few built-in texts when there is none.
 */
record EvalTexts(String source, List<Item> items) {

    private static final Logger LOG = Logger.getLogger(EvalTexts.class);

    static final String PROPERTY = "bench.eval";
    static final List<Path> RELATIVE = List.of(Path.of("feedback-categorize/evaluation/feedback-eval.jsonl"),
            Path.of("../feedback-categorize/evaluation/feedback-eval.jsonl"),
            Path.of("../../feedback-categorize/evaluation/feedback-eval.jsonl"));

    record Item(String language, String split, LabelledFeedback labelled) {
    }

    static EvalTexts load() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return read(Path.of(configured));
        }
        for (Path path : RELATIVE) {
            if (Files.isRegularFile(path)) {
                return read(path);
            }
        }
        LOG.warnf("categorizer-bench: no evaluation set (set -D%s=path/to/feedback-eval.jsonl); using %d built-in texts",
                PROPERTY, BUILT_IN.size());
        return new EvalTexts("built-in", BUILT_IN);
    }

    /** The texts of one language ("all": every language); the built-in ones when the set has none. */
    List<FeedbackText> texts(String language) {
        List<FeedbackText> texts = texts(items, language);
        return texts.isEmpty() ? texts(BUILT_IN, language) : texts;
    }

    private static List<FeedbackText> texts(List<Item> items, String language) {
        return items.stream().filter(i -> language.equals("all") || i.language().equals(language))
                .map(i -> i.labelled().feedback()).toList();
    }

    List<LabelledFeedback> labelled(String split) {
        return items.stream().filter(i -> i.split().equals(split)).map(Item::labelled).toList();
    }

    private static EvalTexts read(Path path) {
        ObjectMapper json = new ObjectMapper();
        List<Item> items = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                List<FeedbackText.Score> scores = new ArrayList<>();
                for (Map.Entry<String, JsonNode> score : node.path("scores").properties()) {
                    scores.add(score(score.getKey(), score.getValue().asInt()));
                }
                Set<String> themes = new LinkedHashSet<>();
                node.path("themes").forEach(t -> themes.add(t.asText()));
                items.add(new Item(node.path("language").asText(), node.path("split").asText(),
                        new LabelledFeedback(new FeedbackText(node.path("text").asText(), null, scores),
                                node.path("sentiment").asText(), node.path("type").asText(), themes)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": " + e.getMessage(), e);
        }
        return new EvalTexts(path.toAbsolutePath().normalize().toString(), items);
    }

    private static FeedbackText.Score score(String metric, int value) {
        return switch (metric) {
            case "nps" -> new FeedbackText.Score(FeedbackText.Metric.NPS, value, 0, 10);
            case "csat" -> new FeedbackText.Score(FeedbackText.Metric.CSAT, value, 1, 5);
            case "ces" -> new FeedbackText.Score(FeedbackText.Metric.CES, value, 1, 7);
            default -> throw new IllegalArgumentException("unknown score " + metric);
        };
    }

    private static Item builtIn(String language, String split, String text, int nps, String sentiment, String type,
                                String... themes) {
        List<FeedbackText.Score> scores = nps < 0 ? List.of()
                : List.of(new FeedbackText.Score(FeedbackText.Metric.NPS, nps, 0, 10));
        return new Item(language, split, new LabelledFeedback(new FeedbackText(text, null, scores), sentiment, type,
                Set.of(themes)));
    }

    static final List<Item> BUILT_IN = List.of(
            builtIn("en", "dev", "Order was supposed to come Tuesday, it's now Friday and still nothing. Where is it??", 2,
                    "negative", "problem", "delivery/late", "delivery/tracking"),
            builtIn("en", "test", "super fast delivery, ordered at night and got it next morning 👍", 10,
                    "positive", "praise", "delivery"),
            builtIn("en", "dev", "I was charged twice for the same order, please refund the second payment", -1,
                    "negative", "problem", "billing/double-charge"),
            builtIn("en", "test", "It would be great if you added a dark mode to the app", 8,
                    "neutral", "idea", "website/usability"),
            builtIn("en", "dev", "Support kept me on hold for 40 minutes and then hung up. Cancelling my account.", 0,
                    "negative", "complaint", "support/wait-time"),
            builtIn("ru", "dev", "Курьер опоздал на три часа и даже не позвонил", 3,
                    "negative", "complaint", "delivery/late", "delivery/courier"),
            builtIn("ru", "test", "Всё понравилось, доставили быстро, спасибо!", 10,
                    "positive", "praise", "delivery"),
            builtIn("ru", "dev", "Деньги списали дважды, верните пожалуйста лишнее", -1,
                    "negative", "problem", "billing/double-charge"),
            builtIn("ru", "test", "Подскажите, как оформить возврат товара?", -1,
                    "neutral", "question", "returns/process"),
            builtIn("ru", "dev", "Было бы удобно, если бы в приложении можно было сохранить корзину", 7,
                    "neutral", "idea", "website/usability"));
}
