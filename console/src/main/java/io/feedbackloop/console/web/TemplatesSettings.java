package io.feedbackloop.console.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.feedbackloop.console.backend.Backend;
import io.feedbackloop.console.backend.Query;
import io.feedbackloop.console.backend.Service;
import io.feedbackloop.console.backend.views.SettingsViews.TemplateInfo;
import io.feedbackloop.console.backend.views.SettingsViews.TemplatePreview;
import io.feedbackloop.console.session.Person;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The messages closeloop-notifier sends, and each one previewed in English and Russian with the
 * notifier's sample content (administrators). A preview changes nothing, so it is a plain link.
 */
@RolesAllowed(Person.ADMIN)
@Path("/settings/templates")
@Produces(MediaType.TEXT_HTML)
public class TemplatesSettings {

    static final List<String> PREVIEW_CHANNELS = List.of("email", "sms", "webhook");

    @CheckedTemplate(basePath = "SettingsPage")
    static class Templates {
        static native TemplateInstance templates(List<TemplateInfo> templates, String kind, String channel,
                                                 List<TemplatePreview> previews, List<String> previewChannels);
    }

    @Inject
    Visit visit;
    @Inject
    Backend backend;

    @GET
    public TemplateInstance templates(@QueryParam("kind") String kind, @QueryParam("channel") String channel) {
        String bearer = visit.bearer();
        List<TemplateInfo> templates = Forms.list(backend, backend.get(bearer, Service.NOTIFIER, "/api/v1/templates",
                Query.of()), TemplateInfo[].class);
        String wanted = InboxPage.blankToNull(kind);
        String on = channel != null && PREVIEW_CHANNELS.contains(channel) ? channel : "email";
        List<TemplatePreview> previews = wanted == null ? List.of()
                : Choices.languages().stream().map(locale -> preview(bearer, wanted, on, locale)).toList();
        return Pages.page(Templates.templates(templates, wanted, on, previews, PREVIEW_CHANNELS), visit);
    }

    private TemplatePreview preview(String bearer, String kind, String channel, String locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("channel", channel);
        body.put("locale", locale);
        return backend.convert(backend.send(bearer, "POST", Service.NOTIFIER, "/api/v1/templates/preview", body, null),
                TemplatePreview.class);
    }
}
