package io.feedbackloop.looptests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

import io.feedbackloop.stack.LoopStack;
import io.feedbackloop.stack.MailMessage;
import io.feedbackloop.stack.ServiceProcess;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost, nothing doubled: while feedback streams in, the Kafka broker is killed (SIGKILL)
 * and later restarted, and so is the categorizer. Every feedback that feedback-ingest accepted
 * must still reach its customer as exactly one email.
 */
class NoLossIT {

    private static final Logger LOG = Logger.getLogger(NoLossIT.class);
    private static final int FEEDBACK_COUNT = 150;
    private static LoopStack stack;

    @BeforeAll
    static void startLoop() throws Exception {
        stack = LoopStack.start(LoopStack.repositoryRoot(), Files.createTempDirectory("loop-noloss"), false, false);
    }

    @AfterAll
    static void stopLoop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyAcceptedFeedbackReachesItsCustomerExactlyOnceThroughBrokerAndServiceCrashes() throws Exception {
        LoopClient client = new LoopClient(stack.service("feedback-ingest").baseUrl(), stack.webChannelKey());
        Map<String, String> acceptedEmailById = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService channel = Executors.newSingleThreadExecutor();
        Future<?> posting = channel.submit(() -> {
            for (int i = 0; i < FEEDBACK_COUNT; i++) {
                String email = "noloss-" + i + "@example.com";
                try {
                    HttpResponse<String> answer = client.submit(email, "Customer " + i, i % 2 == 0 ? "en" : "ru",
                            i % 7, "Problem number " + i);
                    if (answer.statusCode() == 201) {
                        acceptedEmailById.put(LoopClient.JSON.readTree(answer.body()).get("id").asText(), email);
                    } else {
                        refused.incrementAndGet();
                    }
                    Thread.sleep(40);
                } catch (Exception e) {
                    refused.incrementAndGet();
                }
            }
            return null;
        });

        IntSupplier accepted = acceptedEmailById::size;
        awaitAtLeast(accepted, 25);
        stack.broker().kill();
        int atBrokerDeath = accepted.getAsInt();
        LOG.infof("Kafka broker killed after %d accepted feedback", atBrokerDeath);
        awaitAtLeast(accepted, atBrokerDeath + 40);
        int acceptedWhileBrokerDown = accepted.getAsInt() - atBrokerDeath;
        stack.broker().start();
        LOG.infof("Kafka broker restarted; %d feedback were accepted while it was down", acceptedWhileBrokerDown);

        awaitAtLeast(accepted, atBrokerDeath + 60);
        ServiceProcess categorizer = stack.service("feedback-categorize");
        categorizer.kill();
        LOG.info("feedback-categorize killed");
        Thread.sleep(1500);
        categorizer.start().awaitReady(Duration.ofSeconds(120));
        LOG.info("feedback-categorize restarted");

        posting.get();
        channel.shutdown();
        long drainStarted = System.nanoTime();
        Set<String> expectedRecipients = Set.copyOf(acceptedEmailById.values());
        List<MailMessage> mails = stack.mail()
                .await(m -> expectedRecipients.containsAll(m.recipients()), expectedRecipients.size(), Duration.ofMinutes(4))
                .stream().map(MailMessage::new).toList();
        LOG.infof("all %d emails in the inbox %d ms after the last POST", mails.size(),
                (System.nanoTime() - drainStarted) / 1_000_000);
        Thread.sleep(3000); // a late duplicate would arrive now
        Map<String, Long> mailsPerRecipient = stack.mail().received().stream().map(MailMessage::new)
                .flatMap(m -> m.recipients().stream())
                .collect(Collectors.groupingBy(r -> r, Collectors.counting()));

        assertEquals(0, refused.get(), "ingest kept accepting feedback while Kafka and the categorizer were down");
        assertEquals(FEEDBACK_COUNT, acceptedEmailById.size());
        for (Map.Entry<String, String> feedback : acceptedEmailById.entrySet()) {
            assertEquals(1L, mailsPerRecipient.getOrDefault(feedback.getValue(), 0L),
                    "exactly one email for feedback " + feedback.getKey() + " to " + feedback.getValue());
            assertEquals("followed_up", client.awaitStage(feedback.getKey(), "followed_up", Duration.ofSeconds(30))
                    .at("/loop/stage").asText(), "loop status of " + feedback.getKey());
        }
        assertEquals(acceptedEmailById.size(), mailsPerRecipient.size(), "no email to anybody else");
    }

    private static void awaitAtLeast(IntSupplier count, int target) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (count.getAsInt() < target) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + count.getAsInt() + " of " + target + " feedback accepted in time");
            }
            Thread.sleep(20);
        }
    }
}
