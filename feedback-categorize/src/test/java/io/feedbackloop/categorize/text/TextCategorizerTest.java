package io.feedbackloop.categorize.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped knowledge base on texts a person can judge at a glance. */
class TextCategorizerTest {

    static TextCategorizer categorizer;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = TextCategorizerTest.class.getResourceAsStream("/knowledge/default-knowledge.json")) {
            KnowledgeDocument document = new ObjectMapper().readValue(in, KnowledgeDocument.class);
            categorizer = new TextCategorizer(new CompiledKnowledge(document, 1, new TextAnalyzer()), null);
        }
    }

    static Understanding understand(String text, FeedbackText.Score... scores) {
        return categorizer.categorize(new FeedbackText(text, null, List.of(scores)));
    }

    static FeedbackText.Score nps(int value) {
        return new FeedbackText.Score(FeedbackText.Metric.NPS, value, 0, 10);
    }

    @Test
    void stemsRussianAndEnglishWordsByTheirScript() {
        List<Token> tokens = new TextAnalyzer().analyze("Доставкой Ozon’s deliveries, ёлки 😡");
        assertEquals(List.of("доставк", "ozon", "deliveri", "елк", "😡"), tokens.stream().map(Token::stem).toList());
        assertTrue(tokens.get(4).emoji());
        assertEquals("Ozon’s", tokens.get(1).surface());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Мне не понравилось, курьер нахамил|negative",
            "Всё понравилось, спасибо!|positive",
            "not good at all|negative",
            "The food was not bad|positive",
            "Fast delivery, thank you 😍|positive",
            "😡😡😡|negative",
            "I ordered a table on Monday.|neutral",
            "Great product but the delivery was terrible and late|negative",
            "Доставка неплохая, но упаковка ужасная|negative"})
    void sentimentReadsNegationContrastAndEmoji(String text, String expected) {
        assertEquals(expected, understand(text).sentiment().label(), text);
    }

    @Test
    void scoreAndTextTogetherDecideSentiment() {
        assertEquals("negative", understand(null, nps(2)).sentiment().label());
        assertEquals("positive", understand("ok", nps(10)).sentiment().label());
        Understanding disagree = understand("Great service", nps(3));
        Understanding agree = understand("Terrible service", nps(3));
        assertTrue(agree.sentiment().confidence() > disagree.sentiment().confidence());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Курьер опоздал на три часа|delivery/courier delivery/late",
            "The courier was two days late|delivery/courier delivery/late",
            "Списали деньги дважды за один заказ|billing/double-charge",
            "My package arrived crushed|delivery/damaged",
            "Can't log in, the password reset link never comes|website/login",
            "Waited 40 minutes on hold|support/wait-time",
            "Delivery was not late this time|delivery"})
    void themesAreTheMostSpecificMatch(String text, String expected) {
        assertEquals(List.of(expected.split(" ")), understand(text).themeIds(), text);
    }

    @Test
    void matchedWordsAreReportedAsWritten() {
        Understanding u = understand("Посылка опоздала на неделю");
        assertEquals("delivery/late", u.themes().get(0).theme());
        assertTrue(u.themes().get(0).matched().contains("опоздала"), u.themes().toString());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "When will my refund arrive?|question",
            "It would be great if you added Apple Pay|idea",
            "Добавьте, пожалуйста, выбор времени доставки|idea",
            "I still haven't received my order, please help|problem",
            "Не могу войти в личный кабинет|problem",
            "Thank you, everything was perfect|praise",
            "The courier was rude and unpleasant|complaint"})
    void typeFollowsTheCues(String text, String expected) {
        assertEquals(expected, understand(text).type().label(), text);
    }

    @Test
    void urgencyRaisesPriorityAndIgnoresNegatedThreats() {
        Understanding legal = understand("I will contact my lawyer about this");
        assertEquals(List.of("legal"), legal.urgencyFlags());
        assertEquals("critical", legal.priority());
        assertEquals(List.of("safety"), understand("Зарядка загорелась, ребёнок получил ожог").urgencyFlags());
        assertEquals(List.of("churn"), understand("Ухожу к конкурентам").urgencyFlags());
        assertEquals(List.of(), understand("I will not sue you, just fix it").urgencyFlags());
        assertEquals("low", understand("Thanks, all good").priority());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Курьер опоздал|ru", "The courier was late|en", "Great service!|en",
            "Der Kurier war sehr spät und das Paket ist kaputt|other", "Курьер привёз не тот iPhone|ru",
            "Кур'єр запізнився на два дні|other"})
    void languageIsDetected(String text, String expected) {
        assertEquals(expected, understand(text).language(), text);
    }
}
