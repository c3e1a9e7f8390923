package io.feedbackloop.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Feedback as customers write it, half in Russian and half in English, each from its own
 * customer with its own address, so that every follow-up email can be told apart.
 */
final class Feedbacks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String[] ENGLISH = {
            "The parcel arrived three days late and nobody told me why",
            "Checkout kept failing on the payment page, I almost gave up",
            "I was charged twice for one order and still wait for my refund",
            "Great support, Anna solved my problem in five minutes!",
            "The product broke after a week, the quality is not good",
            "Please add a dark mode to the app",
            "Waited 40 minutes on the phone before anyone answered",
            "Everything was fine, fast delivery, thank you"};

    private static final String[] RUSSIAN = {
            "Посылка пришла на три дня позже, и никто не объяснил почему",
            "Оплата на сайте не проходила, пришлось звонить в поддержку",
            "Списали деньги дважды, возврат до сих пор не пришёл",
            "Отличная поддержка, всё решили за пять минут! 👍",
            "Товар сломался через неделю, качество не понравилось",
            "Добавьте, пожалуйста, тёмную тему в приложение",
            "Ждал ответа оператора сорок минут",
            "Всё хорошо, быстрая доставка, спасибо"};

    private final String run;

    /** @param run distinguishes this run's customers from an earlier run's */
    Feedbacks(String run) {
        this.run = run;
    }

    /** The n-th customer's feedback with this NPS score. */
    FeedbackLoad.Submission feedback(long n, int nps, boolean withIdempotencyKey) {
        boolean russian = n % 2 == 1;
        String[] texts = russian ? RUSSIAN : ENGLISH;
        String email = "bench-" + run + "-" + n + "@example.com";
        ObjectNode body = JSON.createObjectNode();
        body.putObject("customer").put("id", "c-" + run + "-" + n).put("email", email)
                .put("name", (russian ? "Клиент " : "Customer ") + n).put("locale", russian ? "ru" : "en");
        body.put("channel", "web").put("npsScore", nps).put("text", texts[(int) ((n / 2) % texts.length)])
                .put("touchpoint", "delivery");
        return new FeedbackLoad.Submission(email, body.toString(), withIdempotencyKey ? run + "-" + n : null);
    }

    /** A detractor (0–6): the whole loop, a case and its acknowledgement, for every one. */
    static int detractorScore(long n) {
        return (int) (n % 7);
    }

    /** A plausible mix: half promoters, a quarter passives, a quarter detractors. */
    static int mixedScore(long n) {
        int slot = (int) (n % 8);
        return slot < 4 ? 9 + slot % 2 : slot < 6 ? 7 + slot % 2 : (int) (n % 7);
    }
}
