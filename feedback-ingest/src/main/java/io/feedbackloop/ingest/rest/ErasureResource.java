package io.feedbackloop.ingest.rest;

import java.net.URI;

import io.feedbackloop.ingest.api.ErasureViews;
import io.feedbackloop.ingest.mapping.ErasureMapper;
import io.feedbackloop.ingest.service.ErasureService;
import io.feedbackloop.kit.problem.RequestIds;
import io.feedbackloop.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin API: forget a customer in every service, and follow each service's confirmation. Administrators only. */
@Path("/api/v1")
@Tag(name = "Privacy (admin)", description = "Erase a customer's personal data everywhere")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
public class ErasureResource {

    @Inject
    ErasureService erasures;

    @POST
    @Path("/customers/{customerId}/erasure")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Erase a customer: contact data always, what they wrote unless eraseText is false",
            description = "Answers 202 with the erasure, pending until every service confirmed (GET its Location).")
    public Response erase(@PathParam("customerId") String customerId, @Valid ErasureViews.Request request) {
        ErasureViews.Erasure erasure = ErasureMapper.toView(erasures.request(customerId,
                request == null ? null : request.eraseText(), request == null ? null : request.requestedBy()));
        return Response.accepted(erasure).location(URI.create("/api/v1/erasures/" + erasure.id())).build();
    }

    @GET
    @Path("/erasures/{id}")
    @Operation(summary = "An erasure and which services confirmed it")
    public ErasureViews.Erasure find(@PathParam("id") String id) {
        return ErasureMapper.toView(erasures.find(RequestIds.parse("id", id)));
    }
}
