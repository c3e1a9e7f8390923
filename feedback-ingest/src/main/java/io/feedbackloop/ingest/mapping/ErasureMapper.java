package io.feedbackloop.ingest.mapping;

import io.feedbackloop.ingest.api.ErasureViews;
import io.feedbackloop.ingest.repository.CustomerErasureRecord;
import io.feedbackloop.ingest.service.ErasureProgress;

/** Erasures as the admin API shows them. */
public final class ErasureMapper {

    private ErasureMapper() {
    }

    public static ErasureViews.Erasure toView(ErasureProgress progress) {
        CustomerErasureRecord e = progress.erasure();
        return new ErasureViews.Erasure(e.id, e.customerRef, e.eraseText, e.requestedBy, e.requestedAt,
                progress.completed() ? "completed" : "pending", e.completedAt,
                progress.confirmations().stream().map(c -> new ErasureViews.Confirmation(c.service(), c.rowsAffected(),
                        c.confirmedAt())).toList(),
                progress.waitingFor());
    }
}
