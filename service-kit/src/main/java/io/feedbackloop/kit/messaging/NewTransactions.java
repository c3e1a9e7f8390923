package io.feedbackloop.kit.messaging;

import java.util.concurrent.Callable;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs work in a transaction of its own, committed when the work returns and rolled back when it
 * throws. Apart from the relay and the consumer so that their delivery rules can be tested with
 * an in-memory store instead of a transaction manager.
 */
@ApplicationScoped
class NewTransactions {

    <T> T call(Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }

    void run(Runnable work) {
        QuarkusTransaction.requiringNew().run(work);
    }
}
