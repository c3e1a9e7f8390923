package io.feedbackloop.action.teams;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import io.feedbackloop.action.config.CaseConfig;
import io.feedbackloop.action.identity.Passwords;
import io.feedbackloop.action.identity.TeamMember;
import io.feedbackloop.action.validation.Refusals;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.feedbackloop.kit.security.Caller;
import io.feedbackloop.kit.security.Roles;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Teams, their calendars and their people. The administrator creates teams; a team's leads (and the
 * administrator) change it and its members; every signed-in person may read them.
 */
@ApplicationScoped
@Transactional
public class Teams {

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    CaseConfig config;

    /**
     * A team as an administrator or lead sets it up: who it is and when it works.
     *
     * @param id        a slug; on update it may be left out (the path names the team)
     * @param timeZone  IANA zone, e.g. Europe/Berlin
     * @param workDays  MON, TUE, WED, THU, FRI, SAT, SUN
     * @param workStart local time "09:00"
     * @param workEnd   local time "18:00", after workStart
     * @param holidays  local dates without working hours
     * @param fallback  owns the cases no routing rule matched (only one team does)
     */
    public record Settings(String id, String name, String timeZone, List<String> workDays, String workStart,
                           String workEnd, List<LocalDate> holidays, Boolean fallback) {
    }

    /**
     * A person joining a team: an agent works the team's cases, a lead also manages the team, an
     * analyst reads across teams (only the administrator adds analysts).
     *
     * @param password null: one is generated and shown once
     */
    public record NewMember(String email, String name, String role, String password) {
    }

    /** A member just added, with the generated password shown this once (null when the request gave one). */
    public record AddedMember(TeamMember member, String initialPassword) {
    }

    /**
     * Cases need an owner from the first event on, so a fallback team exists from the start
     * (replicas starting together: ON CONFLICT DO NOTHING). Its calendar is an editable default.
     */
    void seedFallbackTeam(@Observes StartupEvent startup) {
        entityManager.createNativeQuery("""
                INSERT INTO team (id, name, time_zone, work_days, work_start, work_end, holidays, fallback, created_at)
                SELECT ?1, 'Customer care', 'UTC', '{MON,TUE,WED,THU,FRI}', TIME '09:00', TIME '18:00', '{}', TRUE, ?2
                WHERE NOT EXISTS (SELECT 1 FROM team WHERE fallback)
                ON CONFLICT DO NOTHING""").setParameter(1, config.defaultTeam()).setParameter(2, clock.instant())
                .executeUpdate();
    }

    public List<Team> list() {
        return Team.inOrder();
    }

    public Team get(String id) {
        return existing(id);
    }

    /** @param formViolations what is wrong with the request's own fields, refused together with the rest */
    public Team create(Settings request, List<Problem.Violation> formViolations) {
        List<Problem.Violation> violations = validate(request, formViolations);
        if (request.id() == null) {
            violations.add(new Problem.Violation("id", "NotNull", "must not be null"));
        }
        Refusals.refuseIfAny(violations);
        if (Team.findById(request.id()) != null) {
            throw new ProblemException(Problem.of(409, "team-exists", "Conflict", "team " + request.id() + " exists"));
        }
        Team team = new Team();
        team.id = request.id();
        team.createdAt = clock.instant();
        apply(request, team);
        team.persist();
        return team;
    }

    public Team update(Caller caller, String id, Settings request, List<Problem.Violation> formViolations) {
        Team team = existing(id);
        requireLeadOf(caller, id);
        List<Problem.Violation> violations = validate(request, formViolations);
        if (request.id() != null && !request.id().equals(id)) {
            violations.add(new Problem.Violation("id", "path", "must be the team of the path, " + id + ", or left out"));
        }
        if (team.fallback && Boolean.FALSE.equals(request.fallback())) {
            violations.add(new Problem.Violation("fallback", "one-fallback",
                    "one team must own the cases no routing rule matches: make another team the fallback instead"));
        }
        Refusals.refuseIfAny(violations);
        apply(request, team);
        return team;
    }

    public AddedMember addMember(Caller caller, String teamId, NewMember request,
                                 List<Problem.Violation> formViolations) {
        Team team = existing(teamId);
        requireLeadOf(caller, teamId);
        if (Roles.ANALYST.equals(request.role()) && !caller.isAdmin()) {
            throw Refusals.adminOnly("analysts read every team's cases: only an administrator adds them");
        }
        if (request.password() != null) {
            Passwords.weakness(request.password()).ifPresent(weakness ->
                    formViolations.add(new Problem.Violation("password", "strength", weakness)));
        }
        Refusals.refuseIfAny(formViolations);
        TeamMember member = TeamMember.byEmail(request.email());
        if (member != null && member.active) {
            throw new ProblemException(Problem.of(409, "member-exists", "Conflict",
                    request.email() + " is already an active member of " + member.teamId));
        }
        if (member == null) {
            // a deactivated member is brought back with a new password rather than added twice
            member = new TeamMember();
            member.id = UUID.randomUUID();
            member.email = request.email();
            member.createdAt = clock.instant();
        }
        String initialPassword = request.password() == null ? Passwords.generate() : null;
        member.teamId = team.id;
        member.name = request.name();
        member.role = request.role();
        member.passwordHash = Passwords.hash(initialPassword != null ? initialPassword : request.password());
        member.active = true;
        member.persist();
        return new AddedMember(member, initialPassword);
    }

    public List<TeamMember> members(Caller caller, String teamId) {
        existing(teamId);
        if (!caller.actsFor(teamId) && !caller.readsEverything()) {
            throw Refusals.otherTeam("the members of a team are shown to its own people, analysts and administrators");
        }
        return TeamMember.list("teamId = ?1 order by email", teamId);
    }

    /**
     * The member can no longer sign in, refresh or exchange a personal access token; an access token
     * already issued runs out within its lifetime (minutes).
     */
    public void deactivate(Caller caller, String teamId, String email) {
        requireLeadOf(caller, teamId);
        TeamMember member = TeamMember.byEmail(email);
        if (member == null || !teamId.equals(member.teamId)) {
            throw ProblemException.notFound("member of team " + teamId, email);
        }
        member.active = false;
    }

    /** The first active lead of a team (the oldest), who takes over escalated cases; null if it has none. */
    public static TeamMember firstActiveLead(String teamId) {
        return TeamMember.find("teamId = ?1 and role = ?2 and active = true order by createdAt, email", teamId,
                Roles.LEAD).firstResult();
    }

    /** A lead manages the teams it leads (its token's teams); the administrator every team. */
    private static void requireLeadOf(Caller caller, String teamId) {
        if (!caller.isAdmin() && !(caller.has(Roles.LEAD) && caller.inTeam(teamId))) {
            throw Refusals.otherTeam("only a lead of team " + teamId + " (or an administrator) may change it or its members");
        }
    }

    private static List<Problem.Violation> validate(Settings request, List<Problem.Violation> formViolations) {
        List<Problem.Violation> violations = formViolations;
        if (request.timeZone() != null && !request.timeZone().isBlank()) {
            try {
                ZoneId.of(request.timeZone());
            } catch (DateTimeException e) {
                violations.add(new Problem.Violation("timeZone", "time-zone", "must be an IANA time zone such as Europe/Berlin"));
            }
        }
        if (violations.stream().noneMatch(v -> v.field().startsWith("work"))
                && !LocalTime.parse(request.workEnd()).isAfter(LocalTime.parse(request.workStart()))) {
            violations.add(new Problem.Violation("workEnd", "after-start", "must be after workStart"));
        }
        return violations;
    }

    private static void apply(Settings request, Team team) {
        team.name = request.name();
        team.timeZone = ZoneId.of(request.timeZone()).getId();
        team.workDays = request.workDays().stream().distinct().toArray(String[]::new);
        team.workStart = LocalTime.parse(request.workStart());
        team.workEnd = LocalTime.parse(request.workEnd());
        team.holidays = request.holidays() == null ? new LocalDate[0]
                : request.holidays().stream().distinct().sorted().toArray(LocalDate[]::new);
        if (Boolean.TRUE.equals(request.fallback()) && !team.fallback) {
            // one fallback team: the new one takes over
            Team.update("fallback = false where fallback = true and id <> ?1", team.id);
            team.fallback = true;
        }
    }

    private static Team existing(String id) {
        Team team = Team.findById(id);
        if (team == null) {
            throw ProblemException.notFound("team", id);
        }
        return team;
    }
}
