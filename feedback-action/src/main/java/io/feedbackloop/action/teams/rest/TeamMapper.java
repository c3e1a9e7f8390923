package io.feedbackloop.action.teams.rest;

import java.time.format.DateTimeFormatter;
import java.util.Arrays;

import io.feedbackloop.action.identity.TeamMember;
import io.feedbackloop.action.teams.Team;
import io.feedbackloop.action.teams.Teams;
import io.feedbackloop.action.teams.api.MemberRequest;
import io.feedbackloop.action.teams.api.MemberView;
import io.feedbackloop.action.teams.api.NewMemberView;
import io.feedbackloop.action.teams.api.TeamRequest;
import io.feedbackloop.action.teams.api.TeamView;

/** Between the team API's records and the team domain. */
final class TeamMapper {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private TeamMapper() {
    }

    static Teams.Settings settings(TeamRequest request) {
        return new Teams.Settings(request.id(), request.name(), request.timeZone(), request.workDays(),
                request.workStart(), request.workEnd(), request.holidays(), request.fallback());
    }

    static Teams.NewMember newMember(MemberRequest request) {
        return new Teams.NewMember(request.email(), request.name(), request.role(), request.password());
    }

    static TeamView view(Team team) {
        return new TeamView(team.id, team.name, team.timeZone, Arrays.asList(team.workDays),
                team.workStart.format(HH_MM), team.workEnd.format(HH_MM), Arrays.asList(team.holidays), team.fallback,
                team.createdAt);
    }

    static MemberView view(TeamMember member) {
        return new MemberView(member.email, member.name, member.role, member.teamId, member.active, member.createdAt);
    }

    static NewMemberView view(Teams.AddedMember added) {
        TeamMember member = added.member();
        return new NewMemberView(member.email, member.name, member.role, member.teamId, member.active,
                member.createdAt, added.initialPassword());
    }
}
