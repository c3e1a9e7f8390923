package io.feedbackloop.action.privacy;

import io.feedbackloop.kit.privacy.ErasureLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Asked by every effect of an incoming event that would store or publish a customer's personal
 * data: was the customer erased? Topics are not ordered with each other, so a
 * {@code feedback.categorized.v1} about a customer may arrive after their {@code customer.erased.v1};
 * such an event must change nothing.
 *
 * <p>Asking the {@link ErasureLedger} alone is not enough under READ COMMITTED: an erasure running at
 * the same moment has not committed its ledger entry yet, and its updates do not see the rows the
 * effect is inserting. So the effect and the erasure of one customer take the same transaction-scoped
 * lock first, and run one after the other: either the effect commits first and the erasure then
 * erases what it stored, or the erasure commits first and the effect then finds the customer in
 * the ledger.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ErasureGuard {

    /** Arbitrary constant naming "one customer's erasure" among this database's two-key advisory locks. */
    private static final int CUSTOMER_ERASURE_LOCKS = 0x45524153;

    @Inject
    ErasureLedger ledger;

    @Inject
    EntityManager entityManager;

    /**
     * @return true if the customer was erased: the caller stores and publishes nothing about them.
     *         Until the caller's transaction ends, the customer is not erased by anyone else either.
     */
    public boolean isErased(String customerId) {
        if (customerId == null) {
            return false;
        }
        holdOffOthers(customerId);
        return ledger.isErased(customerId);
    }

    /**
     * Waits for any effect or erasure about this customer still running, and keeps new ones waiting
     * until the caller's transaction ends.
     */
    void holdOffOthers(String customerId) {
        entityManager.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(?1, hashtext(?2))")
                .setParameter(1, CUSTOMER_ERASURE_LOCKS).setParameter(2, customerId).getSingleResult();
    }
}
