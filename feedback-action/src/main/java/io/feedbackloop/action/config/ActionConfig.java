package io.feedbackloop.action.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The service's own access settings ({@code action.*}). */
@ConfigMapping(prefix = "action")
public interface ActionConfig {

    /** The administrator's token: a lead without a team, who sets up the first teams. */
    Optional<String> adminToken();
}
