package io.feedbackloop.console.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackloop.console.backend.Backend;
import io.feedbackloop.console.backend.BackendException;
import io.feedbackloop.console.backend.Query;
import io.feedbackloop.console.backend.Service;
import io.feedbackloop.console.backend.views.SettingsViews.KnowledgeVersion;
import io.feedbackloop.console.backend.views.SettingsViews.Replay;
import io.feedbackloop.console.backend.views.SettingsViews.Theme;
import io.feedbackloop.console.session.Person;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The taxonomy and lexicons feedback-categorize works from, their versions, and the replays that
 * categorize stored feedback again. Everyone reads the knowledge; analysts and administrators see
 * the replays; only an administrator starts one that stores and announces changes (analysts start
 * dry runs).
 */
@RolesAllowed({Person.LEAD, Person.ANALYST, Person.ADMIN})
@Path("/settings/taxonomy")
@Produces(MediaType.TEXT_HTML)
public class TaxonomySettings {

    /** One theme of the tree, by its path, with its label in the person's language. */
    public record ThemeRow(String path, int depth, String label, List<Terms> terms) {
        public boolean group() {
            return depth == 0;
        }
    }

    /** Words of one language. */
    public record Terms(String language, String words) {
    }

    public record Lexicon(String name, List<Terms> terms) {
    }

    /** The latest replays; the page polls them while one runs. */
    public record Replays(List<Replay> items) {
        public boolean anyRunning() {
            return items.stream().anyMatch(Replay::running);
        }
    }

    @CheckedTemplate(basePath = "SettingsPage")
    static class Templates {
        static native TemplateInstance taxonomy(KnowledgeVersion current, List<ThemeRow> themes, List<Lexicon> lexicons,
                                                List<KnowledgeVersion> versions, Replays replays);

        static native TemplateInstance taxonomy$replays(Replays replays);
    }

    @Inject
    Visit visit;
    @Inject
    Backend backend;

    @GET
    public TemplateInstance taxonomy() {
        String bearer = visit.bearer();
        CompletableFuture<JsonNode> versions = backend.getAsync(bearer, Service.CATEGORIZE,
                "/api/v1/knowledge/versions", Query.of());
        CompletableFuture<JsonNode> replays = seesReplays() ? backend.getAsync(bearer, Service.CATEGORIZE,
                "/api/v1/recategorizations", Query.of()) : CompletableFuture.completedFuture(null);
        KnowledgeVersion current = backend.get(bearer, Service.CATEGORIZE, "/api/v1/knowledge", Query.of(),
                KnowledgeVersion.class);
        List<ThemeRow> themes = new ArrayList<>();
        if (current.document() != null && current.document().themes() != null) {
            current.document().themes().forEach(t -> flatten(t, "", 0, themes));
        }
        List<Lexicon> lexicons = new ArrayList<>();
        if (current.document() != null && current.document().lexicons() != null) {
            current.document().lexicons().forEach((name, byLanguage) -> lexicons.add(new Lexicon(name, terms(byLanguage))));
        }
        return Pages.page(Templates.taxonomy(current, themes, lexicons,
                Forms.list(backend, Backend.await(versions), KnowledgeVersion[].class),
                new Replays(Forms.list(backend, Backend.await(replays), Replay[].class))), visit);
    }

    /** The replays again, for the poll that shows a running one's progress. */
    @GET
    @Path("replays")
    public TemplateInstance replays() {
        List<Replay> replays = seesReplays() ? Forms.list(backend, backend.get(visit.bearer(), Service.CATEGORIZE,
                "/api/v1/recategorizations", Query.of()), Replay[].class) : List.of();
        return Pages.page(Templates.taxonomy$replays(new Replays(replays)), visit);
    }

    @POST
    @Path("replay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replay(@FormParam("csrf") String csrf, @FormParam("from") String from,
                           @FormParam("to") String to, @FormParam("dryRun") String dryRun) {
        visit.verifyCsrf(csrf);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dryRun", dryRun != null);
        body.put("from", Forms.dayStart(from, visit.zone(), 0));
        body.put("to", Forms.dayStart(to, visit.zone(), 1));
        try {
            Replay started = backend.convert(backend.send(visit.bearer(), "POST", Service.CATEGORIZE,
                    "/api/v1/recategorizations", body, null), Replay.class);
            visit.tell(Msgs.of(visit).done_replay_started(started.dryRun()));
        } catch (BackendException e) {
            Forms.warn(visit, e);
        }
        return Response.seeOther(URI.create("/settings/taxonomy#replays")).build();
    }

    private boolean seesReplays() {
        return SettingsRights.seesReplays(visit.person());
    }

    private void flatten(Theme theme, String parent, int depth, List<ThemeRow> out) {
        String path = parent.isEmpty() ? theme.id() : parent + "/" + theme.id();
        out.add(new ThemeRow(path, depth, label(theme), terms(theme.terms())));
        if (theme.children() != null) {
            theme.children().forEach(child -> flatten(child, path, depth + 1, out));
        }
    }

    private String label(Theme theme) {
        if (theme.label() == null) {
            return theme.id();
        }
        String label = theme.label().get(visit.lang());
        return label != null ? label : theme.label().getOrDefault("en", theme.id());
    }

    private static List<Terms> terms(Map<String, List<String>> byLanguage) {
        List<Terms> out = new ArrayList<>();
        if (byLanguage != null) {
            new LinkedHashMap<>(byLanguage).forEach((language, words) ->
                    out.add(new Terms(language, words == null ? "" : String.join(", ", words))));
        }
        return out;
    }
}
