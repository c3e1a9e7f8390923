package io.feedbackloop.console.web;

import java.util.ArrayList;
import java.util.List;

import io.feedbackloop.console.session.Person;
import io.quarkus.qute.TemplateExtension;

/**
 * What the settings pages offer a person, read in templates as {@code inject:visit.person.x}. The
 * services decide every change; these only spare a person forms their role would be refused.
 */
@TemplateExtension
public final class SettingsRights {

    private SettingsRights() {
    }

    /**
     * The tabs whose service lets the person's role at least read: leads and analysts read teams,
     * rules, SLA policies and the knowledge; channel keys, message templates and erasures are the
     * administrator's. A tab opened by its address anyway shows the service's 403.
     */
    static List<String> settingsTabs(Person person) {
        List<String> tabs = new ArrayList<>();
        if (person.has(Person.LEAD) || person.has(Person.ANALYST) || person.isAdmin()) {
            tabs.addAll(List.of("teams", "rules", "sla", "taxonomy"));
        }
        if (person.isAdmin()) {
            tabs.addAll(List.of("channels", "templates", "erasure"));
        }
        return tabs;
    }

    /**
     * Case rules and SLA policies hold for every team: only an administrator adds or deletes case
     * rules and changes SLA policies.
     */
    static boolean changesGlobalRules(Person person) {
        return person.isAdmin();
    }

    /** Leads tune the case rules that exist (conditions, priority, order, on/off); feedback-action audits it. */
    static boolean tunesCaseRules(Person person) {
        return person.isAdmin() || person.has(Person.LEAD);
    }

    /** A team's leads change it and its members (and administrators). */
    static boolean managesTeam(Person person, String teamId) {
        return person.isAdmin() || (teamId != null && person.has(Person.LEAD) && person.teams().contains(teamId));
    }

    /** A routing rule belongs to the team it routes to: whoever manages that team changes it. */
    static boolean changesRouting(Person person, String teamId) {
        return managesTeam(person, teamId);
    }

    static boolean addsRouting(Person person) {
        return person.isAdmin() || person.has(Person.LEAD);
    }

    /** Analysts and administrators follow replays; analysts start dry runs only. */
    static boolean seesReplays(Person person) {
        return person.isAdmin() || person.has(Person.ANALYST);
    }
}
