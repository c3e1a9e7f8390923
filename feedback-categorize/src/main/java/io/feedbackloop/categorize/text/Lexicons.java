package io.feedbackloop.categorize.text;

import java.util.List;

/** The lexicons a knowledge document may hold, and what each means to the categorizer. */
public final class Lexicons {

    /** Positive words (+1 each). */
    public static final String POSITIVE = "positive";
    /** Strongly positive words (+2 each). */
    public static final String STRONG_POSITIVE = "strong-positive";
    /** Negative words, including the words of things going wrong ("late", «сломан*») (−1 each). */
    public static final String NEGATIVE = "negative";
    /** Strongly negative words (−2 each). */
    public static final String STRONG_NEGATIVE = "strong-negative";
    /** Words that flip the polarity of the next few words of the clause ("not", «не»). */
    public static final String NEGATORS = "negators";
    /** Words that strengthen the next sentiment word ("very", «очень»). */
    public static final String INTENSIFIERS = "intensifiers";
    /** Words after which the rest of the text weighs more ("but", «но»). */
    public static final String CONTRAST = "contrast";
    /** Cues of a question ("how do I", «подскажите»); a question mark is a cue too. */
    public static final String QUESTION = "question";
    /** Cues of an idea or suggestion ("please add", «было бы удобно»). */
    public static final String IDEA = "idea";
    /** Cues of an open problem someone must resolve ("still not", «не могу»). */
    public static final String PROBLEM = "problem";
    /** Threats to leave ("cancel my account", «уйду к конкурентам»). */
    public static final String CHURN = "churn";
    /** Legal threats ("lawyer", «суд»). */
    public static final String LEGAL = "legal";
    /** Harm to people ("burned", «ожог»). */
    public static final String SAFETY = "safety";

    public static final List<String> NAMES = List.of(POSITIVE, STRONG_POSITIVE, NEGATIVE, STRONG_NEGATIVE, NEGATORS,
            INTENSIFIERS, CONTRAST, QUESTION, IDEA, PROBLEM, CHURN, LEGAL, SAFETY);

    /** The urgency flags, each raised by the lexicon of the same name. */
    public static final List<String> URGENCY = List.of(CHURN, LEGAL, SAFETY);

    /** Languages a term list may be given for. */
    public static final List<String> LANGUAGES = List.of("en", "ru", "any");

    private Lexicons() {
    }
}
