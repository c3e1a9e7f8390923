package io.feedbackloop.action.cases;

/**
 * What the other services learn about cases: {@code action.opened.v1}, {@code action.updated.v1}
 * and {@code action.resolved.v1}, written in the transaction of the change they describe. The
 * messaging side says how they look on the wire.
 */
public interface CaseEvents {

    void opened(SupportCase opened);

    /**
     * @param change        the change's audit entry: when, who, what
     * @param customerReply the words for the customer, for {@code replied}; otherwise null
     */
    void changed(SupportCase changed, CaseAudit change, String customerReply);

    /** The case was closed with a resolution the customer is to be told. */
    void resolved(SupportCase resolved, String closedBy);
}
