package io.feedbackloop.categorize.text;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Categorizes one feedback from its words and scores: language, sentiment with a confidence,
 * type, themes with the words that matched, urgency and priority. Rules come from a knowledge
 * version (lexicons and taxonomy); a model learned from people's corrections, when there is one,
 * overrides a rule where it is confident. Immutable and thread-safe.
 */
public final class TextCategorizer {

    /** Words after a negator that it still reaches, within the clause: "not at all good". */
    static final int NEGATION_REACH = 3;
    static final double POSITIVE_AT = 0.75;
    static final double NEGATIVE_AT = -0.75;
    public static final List<String> TYPES = List.of("problem", "question", "idea", "complaint", "praise");
    public static final List<String> SENTIMENTS = List.of("negative", "neutral", "positive");

    private final CompiledKnowledge knowledge;
    private final LearnedModel model;

    public TextCategorizer(CompiledKnowledge knowledge, LearnedModel model) {
        this.knowledge = knowledge;
        this.model = model;
    }

    public CompiledKnowledge knowledge() {
        return knowledge;
    }

    public LearnedModel model() {
        return model;
    }

    public TextCategorizer withModel(LearnedModel other) {
        return new TextCategorizer(knowledge, other);
    }

    public Understanding categorize(FeedbackText feedback) {
        Analysis analysis = analyse(feedback.text());
        Understanding byRules = categorizeByRules(feedback, analysis);
        return model == null ? byRules : model.refine(byRules, features(feedback, analysis), feedback.scores());
    }

    /** The tokens of a text and where negation reaches: what both the rules and a learned model read. */
    private record Analysis(List<Token> tokens, List<PhraseMatcher.Match<String>> negators,
                            List<PhraseMatcher.Match<String>> contrasts, BitSet negated) {
    }

    private Analysis analyse(String text) {
        List<Token> tokens = knowledge.analyzer.analyze(text);
        List<PhraseMatcher.Match<String>> negators = knowledge.negators.find(tokens);
        List<PhraseMatcher.Match<String>> contrasts = knowledge.contrast.find(tokens);
        return new Analysis(tokens, negators, contrasts, negatedTokens(tokens, negators, contrasts));
    }

    /** What a learned model sees: stems (marked when negated), emoji, a question mark, the class of each score. */
    public List<String> features(FeedbackText feedback) {
        return features(feedback, analyse(feedback.text()));
    }

    private static List<String> features(FeedbackText feedback, Analysis analysis) {
        List<Token> tokens = analysis.tokens();
        List<String> features = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            features.add(analysis.negated().get(i) ? "!" + tokens.get(i).stem() : tokens.get(i).stem());
        }
        if (feedback.text() != null && feedback.text().indexOf('?') >= 0) {
            features.add("<?>");
        }
        for (FeedbackText.Score score : feedback.scores()) {
            features.add("<" + score.metric() + ":" + ScoreClasses.of(score) + ">");
        }
        return features;
    }

    public Understanding categorizeByRules(FeedbackText feedback) {
        return categorizeByRules(feedback, analyse(feedback.text()));
    }

    private Understanding categorizeByRules(FeedbackText feedback, Analysis analysis) {
        String text = feedback.text();
        List<Token> tokens = analysis.tokens();
        List<PhraseMatcher.Match<String>> contrasts = analysis.contrasts();
        BitSet negated = analysis.negated();
        BitSet negatorTokens = covered(analysis.negators());

        List<PhraseMatcher.Match<Double>> sentimentWords = knowledge.sentiment.find(tokens);
        List<PhraseMatcher.Match<String>> themeWords = knowledge.themes.find(tokens);
        String language = LanguageDetector.detect(text, tokens, latinMatches(tokens, sentimentWords, themeWords),
                feedback.declaredLanguage());

        double textScore = textSentiment(tokens, sentimentWords, negated, negatorTokens,
                covered(knowledge.intensifiers.find(tokens)), contrasts.isEmpty() ? -1 : contrasts.get(contrasts.size() - 1).end());
        double prior = feedback.scores().stream().mapToDouble(ScoreClasses::sentimentPrior).average().orElse(0);
        Understanding.Sentiment sentiment = sentiment(textScore, prior, !sentimentWords.isEmpty(),
                !feedback.scores().isEmpty());
        Understanding.Classified type = type(text, sentiment.score(), prior,
                knowledge.question.find(tokens).size(), knowledge.idea.find(tokens).size(),
                knowledge.problem.find(tokens).size(), !themeWords.isEmpty());
        List<Understanding.ThemeMatch> themes = themes(themeWords, negated);
        List<Understanding.UrgencyMatch> urgency = urgency(knowledge.urgency.find(tokens), negated, negatorTokens);
        return new Understanding(language, sentiment, type, themes, urgency,
                priority(sentiment.label(), type.label(), urgency, feedback.scores()));
    }

    private static int latinMatches(List<Token> tokens, List<PhraseMatcher.Match<Double>> sentiment,
                                    List<PhraseMatcher.Match<String>> themes) {
        int hits = 0;
        for (PhraseMatcher.Match<?> match : sentiment) {
            hits += TextAnalyzer.isLatin(tokens.get(match.start()).stem().charAt(0)) ? 1 : 0;
        }
        for (PhraseMatcher.Match<?> match : themes) {
            hits += TextAnalyzer.isLatin(tokens.get(match.start()).stem().charAt(0)) ? 1 : 0;
        }
        return hits;
    }

    /** Tokens within reach of a negator: up to {@link #NEGATION_REACH} words, not across punctuation or "but". */
    private static BitSet negatedTokens(List<Token> tokens, List<PhraseMatcher.Match<String>> negators,
                                        List<PhraseMatcher.Match<String>> contrasts) {
        BitSet contrastStarts = new BitSet();
        contrasts.forEach(c -> contrastStarts.set(c.start()));
        BitSet negated = new BitSet();
        for (PhraseMatcher.Match<String> negator : negators) {
            for (int i = negator.end(); i < Math.min(tokens.size(), negator.end() + NEGATION_REACH); i++) {
                if (tokens.get(i).clauseStart() || contrastStarts.get(i)) {
                    break;
                }
                negated.set(i);
            }
        }
        return negated;
    }

    private static BitSet covered(List<? extends PhraseMatcher.Match<?>> matches) {
        BitSet covered = new BitSet();
        matches.forEach(m -> covered.set(m.start(), m.end()));
        return covered;
    }

    private static double textSentiment(List<Token> tokens, List<PhraseMatcher.Match<Double>> words, BitSet negated,
                                        BitSet negatorTokens, BitSet intensifiers, int afterContrast) {
        double score = 0;
        for (PhraseMatcher.Match<Double> word : words) {
            double weight = word.value();
            boolean phraseHasNegation = negatorTokens.get(word.start(), word.end()).cardinality() > 0;
            if (!phraseHasNegation && negated.get(word.start())) {
                // "not good" is clearly negative; "not bad" is only mildly positive
                weight = weight > 0 ? -0.8 * weight : -0.5 * weight;
            }
            if (word.start() > 0 && intensifiers.get(word.start() - 1)) {
                weight *= 1.5;
            }
            if (afterContrast >= 0 && word.start() >= afterContrast) {
                weight *= 1.5;   // what follows "but" is what the customer means
            }
            score += weight;
        }
        return score;
    }

    private static Understanding.Sentiment sentiment(double textScore, double prior, boolean textEvidence,
                                                     boolean scored) {
        if (!textEvidence && !scored) {
            return new Understanding.Sentiment("neutral", 0, 0.34);
        }
        double combined = textScore + prior;
        String label = combined >= POSITIVE_AT ? "positive" : combined <= NEGATIVE_AT ? "negative" : "neutral";
        double confidence = label.equals("neutral")
                ? 0.45 + 0.25 * (1 - Math.abs(combined) / POSITIVE_AT)
                : Math.min(0.99, 0.55 + 0.15 * (Math.abs(combined) - POSITIVE_AT));
        if (textEvidence && scored && textScore * prior < 0) {
            confidence *= 0.8;   // words and score disagree
        }
        return new Understanding.Sentiment(label, round(combined), round(confidence));
    }

    private static Understanding.Classified type(String text, double sentiment, double prior, int questionCues,
                                                 int ideaCues, int problemCues, boolean aboutSomething) {
        boolean questionMark = text != null && text.indexOf('?') >= 0;
        double[] scores = {
                // "How do I swap it?" after a wrong delivery is a problem to resolve, not a question
                2.0 * problemCues + (problemCues > 0 && sentiment < 0 ? 0.5 : 0),
                1.2 * questionCues + (questionMark ? 1.5 : 0),
                2.0 * ideaCues,
                sentiment < 0 ? Math.min(2.5, -0.8 * sentiment) : 0,
                sentiment > 0 ? Math.min(2.5, 0.8 * sentiment) : 0};
        int best = -1;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > 0 && (best < 0 || scores[i] > scores[best])) {
                best = i;
            }
        }
        if (best < 0) {
            // no cue and no feeling: a plain statement about something specific ("paid by QR, order still
            // says awaiting payment") is usually a problem to look into; otherwise the score decides
            String fallback = prior < 0 ? "complaint" : prior > 0 ? "praise" : aboutSomething ? "problem" : "praise";
            return new Understanding.Classified(fallback, 0.4);
        }
        double total = 0;
        for (double s : scores) {
            total += Math.exp(s);
        }
        return new Understanding.Classified(TYPES.get(best), round(Math.exp(scores[best]) / total));
    }

    /**
     * The most specific themes that matched. A negated leaf word ("was not late") still says what
     * the feedback is about, so it counts for the leaf's group rather than the leaf.
     */
    private List<Understanding.ThemeMatch> themes(List<PhraseMatcher.Match<String>> words, BitSet negated) {
        Map<String, Set<String>> matched = new LinkedHashMap<>();
        for (PhraseMatcher.Match<String> word : words) {
            String theme = word.value();
            String parent = knowledge.parentOf.get(theme);
            if (parent != null && negated.get(word.start())) {
                theme = parent;
            }
            matched.computeIfAbsent(theme, k -> new LinkedHashSet<>()).add(word.surface());
        }
        List<Understanding.ThemeMatch> themes = new ArrayList<>();
        for (Map.Entry<String, Set<String>> entry : matched.entrySet()) {
            String theme = entry.getKey();
            boolean hasMatchedChild = matched.keySet().stream().anyMatch(other -> theme.equals(knowledge.parentOf.get(other)));
            if (!hasMatchedChild) {
                List<String> words2 = new ArrayList<>(entry.getValue());
                // the group's own words also explain its leaf
                String parent = knowledge.parentOf.get(theme);
                if (parent != null && matched.containsKey(parent)) {
                    words2.addAll(matched.get(parent));
                }
                themes.add(new Understanding.ThemeMatch(theme, List.copyOf(words2), "rules"));
            }
        }
        return themes;
    }

    private static List<Understanding.UrgencyMatch> urgency(List<PhraseMatcher.Match<String>> words, BitSet negated,
                                                           BitSet negatorTokens) {
        Map<String, List<String>> flags = new LinkedHashMap<>();
        for (PhraseMatcher.Match<String> word : words) {
            boolean phraseHasNegation = negatorTokens.get(word.start(), word.end()).cardinality() > 0;
            if (phraseHasNegation || !negated.get(word.start())) {   // "I will not sue" raises nothing
                flags.computeIfAbsent(word.value(), k -> new ArrayList<>()).add(word.surface());
            }
        }
        List<Understanding.UrgencyMatch> urgency = new ArrayList<>();
        for (String flag : Lexicons.URGENCY) {
            if (flags.containsKey(flag)) {
                urgency.add(new Understanding.UrgencyMatch(flag, List.copyOf(new LinkedHashSet<>(flags.get(flag)))));
            }
        }
        return urgency;
    }

    /**
     * critical: legal or safety; high: a churn threat, or an unhappy customer with an open problem
     * or a very low score; normal: unhappy or an open problem; low: the rest.
     */
    public static String priority(String sentiment, String type, List<Understanding.UrgencyMatch> urgency,
                           List<FeedbackText.Score> scores) {
        Set<String> flags = new LinkedHashSet<>();
        urgency.forEach(u -> flags.add(u.flag()));
        if (flags.contains(Lexicons.LEGAL) || flags.contains(Lexicons.SAFETY)) {
            return "critical";
        }
        boolean veryLowScore = scores.stream().anyMatch(s -> ScoreClasses.sentimentPrior(s) <= -2.0);
        boolean negative = sentiment.equals("negative");
        if (flags.contains(Lexicons.CHURN) || (negative && (type.equals("problem") || veryLowScore))) {
            return "high";
        }
        boolean unhappyScore = scores.stream().anyMatch(s -> ScoreClasses.sentimentPrior(s) < 0);
        return negative || type.equals("problem") || unhappyScore ? "normal" : "low";
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
