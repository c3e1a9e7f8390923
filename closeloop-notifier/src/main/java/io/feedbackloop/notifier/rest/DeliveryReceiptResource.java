package io.feedbackloop.notifier.rest;

import java.util.List;

import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.feedbackloop.kit.problem.RequestIds;
import io.feedbackloop.kit.security.Secrets;
import io.feedbackloop.notifier.api.DeliveryReceipt;
import io.feedbackloop.notifier.api.FollowUpView;
import io.feedbackloop.notifier.config.FollowUpConfig;
import io.feedbackloop.notifier.mapping.FollowUpMapper;
import io.feedbackloop.notifier.service.DeliveryReceipts;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The SMS gateway reports what became of a message it accepted. The gateway is no person of ours
 * and holds no token of our issuer: it proves itself with the shared receipt token instead.
 */
// public to the security layer by design: the receipt token is checked below, in constant time
@PermitAll
@Path("/api/v1/providers/sms/receipts")
@Tag(name = "Provider callbacks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeliveryReceiptResource {

    @Inject
    FollowUpConfig config;

    @Inject
    DeliveryReceipts receipts;

    @POST
    @Operation(summary = "Delivery receipt from the SMS gateway (Authorization: Bearer <followup.sms.receipt-token>)")
    public FollowUpView receive(@HeaderParam("Authorization") String authorization, @NotNull @Valid DeliveryReceipt receipt) {
        String expected = config.sms().receiptToken().orElse(null);
        String given = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
        if (expected == null || given == null || !Secrets.same(expected, given)) {
            throw new ProblemException(Problem.of(401, "unauthorized", "Unauthorized",
                    "a delivery receipt needs the gateway's bearer token"));
        }
        if (!List.of("delivered", "failed").contains(receipt.status())) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.Violation("status", "one-of",
                    "must be one of [delivered, failed]"))));
        }
        return FollowUpMapper.toView(receipts.record(RequestIds.parse("reference", receipt.reference()), receipt.status(),
                receipt.error()));
    }
}
