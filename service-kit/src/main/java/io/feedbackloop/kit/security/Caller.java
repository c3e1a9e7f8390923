package io.feedbackloop.kit.security;

import java.util.Set;

/**
 * Who is calling, as the domain needs to know it: a person with roles and teams (from a verified
 * token), or a support channel (from its API key). Built once per request by
 * {@link CallerProducer}; the domain decides with it what the caller may see.
 *
 * @param name    the person's login (email) or {@code channel:<name>}
 * @param roles   see {@link Roles}
 * @param teams   the teams the person belongs to (the token's team claim); empty for admins and channels
 * @param channel the channel of an API key; null for a person
 */
public record Caller(String name, Set<String> roles, Set<String> teams, String channel) {

    public Caller {
        roles = Set.copyOf(roles);
        teams = Set.copyOf(teams);
    }

    public static Caller person(String name, Set<String> roles, Set<String> teams) {
        return new Caller(name, roles, teams, null);
    }

    public static Caller ofChannel(String channel) {
        return new Caller("channel:" + channel, Set.of(Roles.CHANNEL), Set.of(), channel);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Roles.ADMIN);
    }

    public boolean isChannel() {
        return channel != null;
    }

    public boolean inTeam(String team) {
        return team != null && teams.contains(team);
    }

    /** Admins act for every team; everyone else for the teams in their token. */
    public boolean actsFor(String team) {
        return isAdmin() || inTeam(team);
    }

    /** Reads across teams and channels: admins and analysts. */
    public boolean readsEverything() {
        return isAdmin() || has(Roles.ANALYST);
    }

    /** May read what came through {@code feedbackChannel}: its own channel's key, or a person who reads everything. */
    public boolean canReadChannel(String feedbackChannel) {
        return isChannel() ? channel.equals(feedbackChannel) : readsEverything();
    }
}
