package io.feedbackloop.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

/** A real SMTP server (GreenMail) that keeps every message it receives, for tests and the local run. */
public final class MailServer implements AutoCloseable {

    private final GreenMail greenMail;
    private final int port;

    private MailServer(GreenMail greenMail, int port) {
        this.greenMail = greenMail;
        this.port = port;
    }

    public static MailServer start(int port) {
        int chosen = port == 0 ? FreePorts.find() : port;
        GreenMail greenMail = new GreenMail(new ServerSetup(chosen, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return new MailServer(greenMail, chosen);
    }

    public int port() {
        return port;
    }

    /**
     * For load runs: calls {@code listener} with each recipient's address the moment a message is
     * delivered to them, and files every message in one mailbox. By default GreenMail makes a
     * mailbox per recipient, and with tens of thousands of them each delivery and purge slows down.
     */
    public void countDeliveries(Consumer<String> listener) {
        GreenMailUser sink = greenMail.setUser("load-sink@loop.test", "load-sink", "load-sink");
        greenMail.getUserManager().setMessageDeliveryHandler((message, address) -> {
            listener.accept(address.getEmail());
            return sink;
        });
    }

    public List<MimeMessage> received() {
        return Arrays.asList(greenMail.getReceivedMessages());
    }

    /** Waits until at least {@code count} received messages match, and returns all that match. */
    public List<MimeMessage> await(Predicate<MailMessage> match, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<MimeMessage> matching = received().stream().filter(m -> match.test(new MailMessage(m)))
                    .collect(Collectors.toList());
            if (matching.size() >= count || Instant.now().isAfter(deadline)) {
                return matching;
            }
            Sleep.millis(100);
        }
    }

    public void purge() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("cannot purge mailboxes", e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
