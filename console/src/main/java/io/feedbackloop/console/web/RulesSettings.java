package io.feedbackloop.console.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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
import io.feedbackloop.console.backend.views.CaseViews.Team;
import io.feedbackloop.console.backend.views.SettingsViews.Conditions;
import io.feedbackloop.console.backend.views.SettingsViews.Rule;
import io.feedbackloop.console.session.Person;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Case rules (which feedback opens a case) and routing rules (which team owns it), in the order
 * feedback-action tries them: the first enabled match wins. A rule is edited in a form with one
 * field per condition and sent whole, since the service replaces a rule's conditions on every change.
 */
@RolesAllowed({Person.LEAD, Person.ANALYST, Person.ADMIN})
@Path("/settings/rules")
@Produces(MediaType.TEXT_HTML)
public class RulesSettings {

    /** The two rule lists: where each lives in feedback-action and which conditions it takes. */
    enum Kind {
        CASE("/api/v1/case-rules"), ROUTING("/api/v1/routing-rules");

        final String api;

        Kind(String api) {
            this.api = api;
        }

        static Kind of(String name) {
            return "routing".equals(name) ? ROUTING : CASE;
        }

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Room left between rules when they are numbered afresh. */
    private static final int POSITION_STEP = 10;
    private static final String UUID_PATTERN = "[0-9a-fA-F-]{36}";

    /**
     * A rule as its form holds it: what the person typed (kept when the service refuses it) or the
     * rule as stored. Lists come from checkboxes; themes and segments are typed comma-separated.
     */
    public static class RuleForm {
        @FormParam("name")
        public String name;
        @FormParam("position")
        public String position;
        @FormParam("enabled")
        public String enabled;
        @FormParam("scoreClasses")
        public List<String> scoreClasses;
        @FormParam("npsMax")
        public String npsMax;
        @FormParam("csatMax")
        public String csatMax;
        @FormParam("cesMax")
        public String cesMax;
        @FormParam("sentiments")
        public List<String> sentiments;
        @FormParam("types")
        public List<String> types;
        @FormParam("themes")
        public String themes;
        @FormParam("urgency")
        public List<String> urgency;
        @FormParam("channels")
        public List<String> channels;
        @FormParam("segments")
        public String segments;
        @FormParam("languages")
        public List<String> languages;
        @FormParam("priorities")
        public List<String> priorities;
        @FormParam("casePriority")
        public String casePriority;
        @FormParam("teamId")
        public String teamId;
        @FormParam("assignee")
        public String assignee;

        /** case or routing */
        public String kind;
        /** null for a new rule */
        public String id;
        public List<String> errors = List.of();

        static RuleForm blank(Kind kind) {
            RuleForm form = new RuleForm();
            form.kind = kind.id();
            form.enabled = "true";
            return form;
        }

        static RuleForm of(Kind kind, Rule rule) {
            RuleForm form = blank(kind);
            Conditions c = rule.conditions() == null ? new Conditions(null, null, null, null, null, null, null, null,
                    null, null, null, null) : rule.conditions();
            form.id = rule.id().toString();
            form.name = rule.name();
            form.position = String.valueOf(rule.position());
            form.enabled = rule.enabled() ? "true" : null;
            form.scoreClasses = c.scoreClasses();
            form.npsMax = text(c.npsMax());
            form.csatMax = text(c.csatMax());
            form.cesMax = text(c.cesMax());
            form.sentiments = c.sentiments();
            form.types = c.types();
            form.themes = c.themes() == null ? null : String.join(", ", c.themes());
            form.urgency = c.urgency();
            form.channels = c.channels();
            form.segments = c.segments() == null ? null : String.join(", ", c.segments());
            form.languages = c.languages();
            form.priorities = c.priorities();
            form.casePriority = rule.casePriority();
            form.teamId = rule.teamId();
            form.assignee = rule.assignee();
            return form;
        }

        private static String text(Integer value) {
            return value == null ? null : value.toString();
        }

        public boolean isNew() {
            return id == null;
        }

        public boolean routing() {
            return "routing".equals(kind);
        }

        public boolean isEnabled() {
            return enabled != null;
        }

        /** Whether a checkbox of a list condition is ticked. */
        public boolean has(String field, String value) {
            List<String> values = switch (field) {
                case "scoreClasses" -> scoreClasses;
                case "sentiments" -> sentiments;
                case "types" -> types;
                case "urgency" -> urgency;
                case "channels" -> channels;
                case "languages" -> languages;
                case "priorities" -> priorities;
                default -> null;
            };
            return values != null && values.contains(value);
        }

        /** The request feedback-action takes: every condition the form names, nothing else. */
        Map<String, Object> body(Kind kind) {
            Map<String, Object> conditions = new LinkedHashMap<>();
            if (kind == Kind.CASE) {
                list(conditions, "scoreClasses", scoreClasses);
                number(conditions, "npsMax", npsMax);
                number(conditions, "csatMax", csatMax);
                number(conditions, "cesMax", cesMax);
                list(conditions, "sentiments", sentiments);
                list(conditions, "types", types);
            }
            list(conditions, "themes", themes == null ? null : List.of(themes));
            if (kind == Kind.CASE) {
                list(conditions, "urgency", urgency);
            }
            list(conditions, "channels", channels);
            list(conditions, "segments", segments == null ? null : List.of(segments));
            if (kind == Kind.ROUTING) {
                list(conditions, "languages", languages);
                list(conditions, "priorities", priorities);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name == null ? "" : name.trim());
            body.put("position", Forms.number(position));
            body.put("enabled", isEnabled());
            body.put("conditions", conditions);
            if (kind == Kind.CASE) {
                body.put("casePriority", InboxPage.blankToNull(casePriority));
            } else {
                body.put("teamId", teamId == null ? "" : teamId);
                body.put("assignee", InboxPage.blankToNull(assignee));
            }
            return body;
        }

        private static void list(Map<String, Object> conditions, String key, List<String> values) {
            List<String> given = Pages.split(values);
            if (!given.isEmpty()) {
                conditions.put(key, given);
            }
        }

        private static void number(Map<String, Object> conditions, String key, String value) {
            Object given = Forms.number(value);
            if (given != null) {
                conditions.put(key, given);
            }
        }
    }

    @CheckedTemplate(basePath = "SettingsPage")
    static class Templates {
        static native TemplateInstance rules(List<Rule> caseRules, List<Rule> routingRules, List<Team> teams);

        static native TemplateInstance rule(RuleForm form, List<Team> teams);
    }

    @Inject
    Visit visit;
    @Inject
    Backend backend;

    @GET
    public TemplateInstance rules() {
        String bearer = visit.bearer();
        CompletableFuture<JsonNode> routing = backend.getAsync(bearer, Service.ACTION, Kind.ROUTING.api, Query.of());
        CompletableFuture<JsonNode> teams = backend.getAsync(bearer, Service.ACTION, "/api/v1/teams", Query.of());
        List<Rule> caseRules = rules(bearer, Kind.CASE);
        return Pages.page(Templates.rules(caseRules, Forms.list(backend, Backend.await(routing), Rule[].class),
                Forms.list(backend, Backend.await(teams), Team[].class)), visit);
    }

    @GET
    @Path("{kind: case|routing}/new")
    public TemplateInstance newRule(@PathParam("kind") String kind) {
        Kind k = Kind.of(kind);
        requireMayChange(k, null, false);
        return form(RuleForm.blank(k));
    }

    @GET
    @Path("{kind: case|routing}/{id: " + UUID_PATTERN + "}")
    public TemplateInstance edit(@PathParam("kind") String kind, @PathParam("id") UUID id) {
        Kind k = Kind.of(kind);
        Rule rule = find(rules(visit.bearer(), k), id);
        requireMayChange(k, rule.teamId(), true);
        return form(RuleForm.of(k, rule));
    }

    /**
     * Spares a person a form feedback-action would refuse them: case rules are the administrator's to
     * add, leads tune existing ones; a routing rule is its team's leads' ({@code teamId} null: a new
     * one, any lead may add).
     */
    private void requireMayChange(Kind kind, String teamId, boolean existing) {
        Person person = visit.person();
        boolean may = kind == Kind.CASE
                ? (existing ? SettingsRights.tunesCaseRules(person) : SettingsRights.changesGlobalRules(person))
                : teamId == null ? SettingsRights.addsRouting(person) : SettingsRights.changesRouting(person, teamId);
        if (!may) {
            throw new BackendException("action", 403, null, "this role does not change this rule");
        }
    }

    private TemplateInstance form(RuleForm form) {
        List<Team> teams = form.routing() ? Forms.list(backend, backend.get(visit.bearer(), Service.ACTION,
                "/api/v1/teams", Query.of()), Team[].class) : List.of();
        // a lead routes only to the teams it leads (the rule then belongs to that team)
        teams = teams.stream().filter(t -> SettingsRights.changesRouting(visit.person(), t.id())
                || t.id().equals(form.teamId)).toList();
        return Pages.page(Templates.rule(form, teams), visit);
    }

    @POST
    @Path("{kind: case|routing}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object create(@PathParam("kind") String kind, @FormParam("csrf") String csrf, @BeanParam RuleForm form) {
        visit.verifyCsrf(csrf);
        Kind k = Kind.of(kind);
        return save(k, form, "POST", k.api);
    }

    @POST
    @Path("{kind: case|routing}/{id: " + UUID_PATTERN + "}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object update(@PathParam("kind") String kind, @PathParam("id") UUID id, @FormParam("csrf") String csrf,
                         @BeanParam RuleForm form) {
        visit.verifyCsrf(csrf);
        Kind k = Kind.of(kind);
        form.id = id.toString();
        return save(k, form, "PUT", k.api + "/" + id);
    }

    /** Sends the rule; a refusal shows the form again with what the person typed and what was wrong. */
    private Object save(Kind kind, RuleForm form, String method, String path) {
        form.kind = kind.id();
        try {
            backend.send(visit.bearer(), method, Service.ACTION, path, form.body(kind), null);
            visit.tell(Msgs.of(visit).done_rule("saved", form.name == null ? "" : form.name.trim()));
            return SettingsPage.toTab("rules");
        } catch (BackendException e) {
            if (!Forms.actionable(e)) {
                throw e;
            }
            form.errors = Forms.reasons(e, Msgs.of(visit));
            return Response.status(e.status()).entity(form(form).render())
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
    }

    /**
     * Moves a rule one place up or down. Only the moved rule changes when a free position lies
     * between its new neighbours (the service leaves gaps of ten); otherwise the list is numbered
     * afresh, changing only the rules whose position differs.
     */
    @POST
    @Path("{kind: case|routing}/{id: " + UUID_PATTERN + "}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("kind") String kind, @PathParam("id") UUID id, @FormParam("csrf") String csrf,
                         @FormParam("direction") String direction) {
        visit.verifyCsrf(csrf);
        Kind k = Kind.of(kind);
        String bearer = visit.bearer();
        List<Rule> rules = new ArrayList<>(rules(bearer, k));
        Rule rule = find(rules, id);
        int from = rules.indexOf(rule);
        int to = "up".equals(direction) ? from - 1 : from + 1;
        if (to < 0 || to >= rules.size()) {
            return SettingsPage.toTab("rules");
        }
        try {
            Integer free = freePosition(rules, from, to);
            if (free != null) {
                put(bearer, k, rule, free);
            } else {
                rules.remove(from);
                rules.add(to, rule);
                for (int i = 0; i < rules.size(); i++) {
                    int position = (i + 1) * POSITION_STEP;
                    if (rules.get(i).position() != position) {
                        put(bearer, k, rules.get(i), position);
                    }
                }
            }
            visit.tell(Msgs.of(visit).done_rule("moved", rule.name()));
        } catch (BackendException e) {
            Forms.warn(visit, e);
        }
        return SettingsPage.toTab("rules");
    }

    /** A position strictly between the rule's new neighbours, or null when there is none. */
    static Integer freePosition(List<Rule> rules, int from, int to) {
        int low;
        int high;
        if (to < from) {
            low = to > 0 ? rules.get(to - 1).position() : -1;
            high = rules.get(to).position();
        } else {
            low = rules.get(to).position();
            high = to + 1 < rules.size() ? rules.get(to + 1).position() : low + 2 * POSITION_STEP;
        }
        int middle = low + (high - low) / 2;
        return low < middle && middle < high ? middle : null;
    }

    /** The rule as it is, at another position (the service replaces a rule whole). */
    private void put(String bearer, Kind kind, Rule rule, int position) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", rule.name());
        body.put("position", position);
        body.put("enabled", rule.enabled());
        body.put("conditions", rule.conditions() == null ? Map.of() : rule.conditions().asMap());
        if (kind == Kind.CASE) {
            body.put("casePriority", rule.casePriority());
        } else {
            body.put("teamId", rule.teamId());
            body.put("assignee", rule.assignee());
        }
        backend.send(bearer, "PUT", Service.ACTION, kind.api + "/" + rule.id(), body, null);
    }

    @POST
    @Path("{kind: case|routing}/{id: " + UUID_PATTERN + "}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("kind") String kind, @PathParam("id") UUID id, @FormParam("csrf") String csrf,
                           @FormParam("name") String name) {
        visit.verifyCsrf(csrf);
        try {
            backend.send(visit.bearer(), "DELETE", Service.ACTION, Kind.of(kind).api + "/" + id, null, null);
            visit.tell(Msgs.of(visit).done_rule("deleted", name == null ? "" : name));
        } catch (BackendException e) {
            Forms.warn(visit, e);
        }
        return SettingsPage.toTab("rules");
    }

    private List<Rule> rules(String bearer, Kind kind) {
        return Forms.list(backend, backend.get(bearer, Service.ACTION, kind.api, Query.of()), Rule[].class);
    }

    /** feedback-action has no single-rule read: the rule is looked up in its list. */
    private static Rule find(List<Rule> rules, UUID id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new BackendException("action", 404, null, "no rule " + id));
    }
}
