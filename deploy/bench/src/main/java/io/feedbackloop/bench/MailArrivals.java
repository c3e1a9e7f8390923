package io.feedbackloop.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.feedbackloop.stack.MailServer;

/**
 * Every message the SMTP server receives, by recipient: when the first came and how many came.
 * The messages themselves are purged every few seconds, so that a long run does not keep
 * hundreds of thousands of emails in memory.
 */
final class MailArrivals implements AutoCloseable {

    private final Map<String, Long> firstArrivalNanos = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();
    private final ScheduledExecutorService purger = Executors.newSingleThreadScheduledExecutor(FeedbackLoad.daemon("mail-purge"));

    MailArrivals(MailServer mail) {
        mail.countDeliveries(recipient -> {
            String address = recipient.toLowerCase(java.util.Locale.ROOT);
            firstArrivalNanos.putIfAbsent(address, System.nanoTime());
            counts.computeIfAbsent(address, a -> new LongAdder()).increment();
            total.increment();
        });
        purger.scheduleWithFixedDelay(mail::purge, 5, 5, TimeUnit.SECONDS);
    }

    Long firstArrival(String address) {
        return firstArrivalNanos.get(address);
    }

    long count(String address) {
        LongAdder count = counts.get(address);
        return count == null ? 0 : count.sum();
    }

    long total() {
        return total.sum();
    }

    int recipients() {
        return counts.size();
    }

    @Override
    public void close() {
        purger.shutdownNow();
    }
}
