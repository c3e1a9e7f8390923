package io.feedbackloop.notifier.rest;

import io.feedbackloop.kit.security.Roles;
import io.feedbackloop.notifier.api.PreferenceViews;
import io.feedbackloop.notifier.mapping.PreferenceMapper;
import io.feedbackloop.notifier.service.PreferenceService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A customer's consent and time zone, for admins (e.g. a customer asked by phone). Nobody else
 * changes them: the customer's own way is the signed link in every message ({@link UnsubscribeResource}).
 */
@Path("/api/v1/customers/{customerId}/preferences")
@Tag(name = "Customer preferences")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class PreferenceResource {

    @Inject
    PreferenceService service;

    @GET
    @Operation(summary = "A customer's consent per channel and the time zone their quiet hours are counted in")
    public PreferenceViews.Preferences get(@PathParam("customerId") String customerId) {
        return PreferenceMapper.toView(service.view(customerId));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a customer's choice: subscribe or unsubscribe a channel, set their time zone")
    public PreferenceViews.Preferences put(@PathParam("customerId") String customerId,
                                           @NotNull @Valid PreferenceViews.Change change) {
        return PreferenceMapper.toView(service.update(customerId, PreferenceMapper.toChange(change)));
    }
}
