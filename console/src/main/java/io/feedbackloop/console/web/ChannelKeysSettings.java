package io.feedbackloop.console.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackloop.console.backend.Backend;
import io.feedbackloop.console.backend.BackendException;
import io.feedbackloop.console.backend.Query;
import io.feedbackloop.console.backend.Service;
import io.feedbackloop.console.backend.views.SettingsViews.ApiKey;
import io.feedbackloop.console.session.Person;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The API keys each support channel posts feedback with (feedback-ingest, administrators). A new
 * key is shown once, in the next page's notice: the service keeps only its hash.
 */
@RolesAllowed(Person.ADMIN)
@Path("/settings/channels")
@Produces(MediaType.TEXT_HTML)
public class ChannelKeysSettings {

    public record ChannelKeys(String channel, List<ApiKey> keys) {
    }

    @CheckedTemplate(basePath = "SettingsPage")
    static class Templates {
        static native TemplateInstance channels(List<ChannelKeys> channels);
    }

    @Inject
    Visit visit;
    @Inject
    Backend backend;

    @GET
    public TemplateInstance channels() {
        String bearer = visit.bearer();
        Map<String, CompletableFuture<JsonNode>> pending = new LinkedHashMap<>();
        Choices.channels().forEach(channel -> pending.put(channel, backend.getAsync(bearer, Service.INGEST,
                keysPath(channel), Query.of())));
        List<ChannelKeys> channels = pending.entrySet().stream().map(e -> new ChannelKeys(e.getKey(),
                Forms.list(backend, Backend.await(e.getValue()), ApiKey[].class))).toList();
        return Pages.page(Templates.channels(channels), visit);
    }

    @POST
    @Path("keys")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response issue(@FormParam("csrf") String csrf, @FormParam("channel") String channel,
                          @FormParam("label") String label) {
        visit.verifyCsrf(csrf);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("label", InboxPage.blankToNull(label));
        try {
            ApiKey issued = backend.convert(backend.send(visit.bearer(), "POST", Service.INGEST, keysPath(channel),
                    body, null), ApiKey.class);
            visit.tell(Msgs.of(visit).done_key_issued(issued.channel(), issued.key()));
        } catch (BackendException e) {
            Forms.warn(visit, e);
        }
        return SettingsPage.toTab("channels");
    }

    @POST
    @Path("{channel}/keys/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("channel") String channel, @PathParam("id") UUID id,
                           @FormParam("csrf") String csrf) {
        visit.verifyCsrf(csrf);
        try {
            ApiKey revoked = backend.convert(backend.send(visit.bearer(), "DELETE", Service.INGEST,
                    keysPath(channel) + "/" + id, null, null), ApiKey.class);
            visit.tell(Msgs.of(visit).done_key_revoked(revoked.keyPrefix() == null ? "" : revoked.keyPrefix()));
        } catch (BackendException e) {
            Forms.warn(visit, e);
        }
        return SettingsPage.toTab("channels");
    }

    private static String keysPath(String channel) {
        return "/api/v1/admin/channels/" + Forms.segment(channel) + "/keys";
    }
}
