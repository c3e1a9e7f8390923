package io.feedbackloop.categorize.service;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import io.feedbackloop.categorize.model.Categorization;
import io.feedbackloop.kit.privacy.ErasureLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * What every effect that would store or announce a customer's data asks first, in its own
 * transaction. Topics are not ordered with each other: a feedback or a comment of a customer may
 * arrive after their {@code customer.erased.v1}, and must then change nothing.
 *
 * <p>Asking the ledger alone leaves a gap: a feedback stored while the erasure runs is not yet
 * in the rows the eraser updates, and the erasure is not yet in the ledger the feedback reads.
 * So both take the customer's lock (a transaction-scoped advisory lock): either the feedback
 * commits first and the eraser, waiting, then finds its row, or the erasure commits first and the
 * feedback, waiting, then finds it in the ledger.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ErasedCustomers {

    // key spaces of this service's two-key advisory locks (the kit's and training's one-key locks are another space)
    private static final int CUSTOMER_LOCKS = 1;
    private static final int FEEDBACK_LOCKS = 2;

    @Inject
    ErasureLedger ledger;

    @Inject
    EntityManager entityManager;

    /** Whether the customer was erased here; holds the customer's lock until the transaction ends. */
    public boolean isErased(String customerId) {
        lockCustomer(customerId);
        return ledger.isErased(customerId);
    }

    /** Whether the categorization's customer was erased, by its pseudonym or by the ledger. */
    public boolean isErased(Categorization categorization) {
        return categorization.isErased() || isErased(categorization.customerId);
    }

    /**
     * The erased ones among a batch's customers, in one query. Without the customers' locks: a batch
     * holding many would queue behind every erasure; a row erased after this answer has a new row
     * version, so writing it back fails instead of restoring what it held.
     */
    public Set<String> erasedAmong(Collection<String> customerIds) {
        return ledger.erasedAmong(customerIds);
    }

    /** Taken by the eraser before it erases, and by {@link #isErased(String)} before it asks. */
    void lockCustomer(String customerId) {
        lock(CUSTOMER_LOCKS, customerId);
    }

    /**
     * One feedback's events one at a time: its score and its comment come on two topics, perhaps at
     * once, and each must see what the other did (a comment pending, a feedback dropped as erased).
     */
    void lockFeedback(UUID feedbackId) {
        lock(FEEDBACK_LOCKS, feedbackId.toString());
    }

    private void lock(int keySpace, String key) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(?1, hashtext(?2))")
                .setParameter(1, keySpace).setParameter(2, key).getSingleResult();
    }
}
