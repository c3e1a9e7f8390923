package io.feedbackloop.ingest.rest;

import java.util.List;

import io.feedbackloop.ingest.api.ApiKeyView;
import io.feedbackloop.ingest.api.KeyRequest;
import io.feedbackloop.ingest.mapping.ApiKeyMapper;
import io.feedbackloop.ingest.service.ApiKeyService;
import io.feedbackloop.kit.problem.RequestIds;
import io.feedbackloop.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin API: each support channel gets its own API keys. Administrators only. */
@Path("/api/v1/admin/channels")
@Tag(name = "Channel keys (admin)", description = "Issue and revoke the API keys of support channels")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
public class ChannelAdminResource {

    @Inject
    ApiKeyService keys;

    @POST
    @Path("/{channel}/keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue an API key for a channel", description = "The key is in this answer only; store it.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ApiKeyView.class)))
    public Response issue(@PathParam("channel") String channel, @Valid KeyRequest request) {
        ApiKeyService.Issued issued = keys.issue(Channels.parse(channel), request == null ? null : request.label());
        return Response.status(201).entity(ApiKeyMapper.toView(issued.apiKey(), issued.key())).build();
    }

    @GET
    @Path("/{channel}/keys")
    @Operation(summary = "List a channel's API keys (without the keys themselves)")
    public List<ApiKeyView> list(@PathParam("channel") String channel) {
        return keys.list(Channels.parse(channel)).stream().map(key -> ApiKeyMapper.toView(key, null)).toList();
    }

    @DELETE
    @Path("/{channel}/keys/{id}")
    @Operation(summary = "Revoke an API key; it stops working at once")
    public ApiKeyView revoke(@PathParam("channel") String channel, @PathParam("id") String id) {
        Channels.parse(channel);
        return ApiKeyMapper.toView(keys.revoke(RequestIds.parse("id", id)), null);
    }
}
