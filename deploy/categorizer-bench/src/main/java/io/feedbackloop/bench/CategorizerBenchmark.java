package io.feedbackloop.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.feedbackloop.categorize.text.CompiledKnowledge;
import io.feedbackloop.categorize.text.Evaluation;
import io.feedbackloop.categorize.text.FeedbackText;
import io.feedbackloop.categorize.text.KnowledgeDocument;
import io.feedbackloop.categorize.text.TextAnalyzer;
import io.feedbackloop.categorize.text.TextCategorizer;
import io.feedbackloop.categorize.text.Token;
import io.feedbackloop.categorize.text.Understanding;
import org.jboss.logging.Logger;

/**
 * Feedback categorized per second by the text engine alone (no Quarkus, database or Kafka), with
 * the shipped knowledge. Each benchmark cycles through the evaluation set's texts, so the figure
 * is an average over real feedback of mixed length. Run with {@code deploy/categorizer-bench/run}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class CategorizerBenchmark {

    private static final Logger LOG = Logger.getLogger(CategorizerBenchmark.class);

    static final String KNOWLEDGE = "/knowledge/default-knowledge.json";

    TextAnalyzer analyzer;
    TextCategorizer rules;
    TextCategorizer withModel;
    FeedbackText[] english;
    FeedbackText[] russian;
    FeedbackText[] all;
    String[] allTexts;

    @Setup(Level.Trial)
    public void load() throws IOException {
        KnowledgeDocument document;
        try (InputStream in = CategorizerBenchmark.class.getResourceAsStream(KNOWLEDGE)) {
            if (in == null) {
                throw new IllegalStateException(KNOWLEDGE + " is not on the classpath (feedback-categorize's jar)");
            }
            document = new ObjectMapper().readValue(in, KnowledgeDocument.class);
        }
        analyzer = new TextAnalyzer();
        rules = new TextCategorizer(new CompiledKnowledge(document, 1, analyzer), null);
        EvalTexts texts = EvalTexts.load();
        english = texts.texts("en").toArray(FeedbackText[]::new);
        russian = texts.texts("ru").toArray(FeedbackText[]::new);
        all = texts.texts("all").toArray(FeedbackText[]::new);
        allTexts = texts.texts("all").stream().map(FeedbackText::text).toArray(String[]::new);
        withModel = rules.withModel(Evaluation.train(rules, texts.labelled("dev"), 1));
        LOG.infof("categorizer-bench: %s: %d en, %d ru, %d in all; model trained on %d dev examples",
                texts.source(), english.length, russian.length, all.length, texts.labelled("dev").size());
    }

    /** Each thread's position in the texts. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int next(int length) {
            int i = next;
            next = i + 1 == length ? 0 : i + 1;
            return i;
        }
    }

    @Benchmark
    public Understanding categorizeEnglish(Cursor cursor) {
        return rules.categorize(english[cursor.next(english.length)]);
    }

    @Benchmark
    public Understanding categorizeRussian(Cursor cursor) {
        return rules.categorize(russian[cursor.next(russian.length)]);
    }

    /** Every language, through the rules and a model trained on the dev split's labels. */
    @Benchmark
    public Understanding categorizeWithModel(Cursor cursor) {
        return withModel.categorize(all[cursor.next(all.length)]);
    }

    /** Tokenizing and stemming only, every language: the floor under the categorizer's cost. */
    @Benchmark
    public List<Token> analyzeOnly(Cursor cursor) {
        return analyzer.analyze(allTexts[cursor.next(allTexts.length)]);
    }
}
