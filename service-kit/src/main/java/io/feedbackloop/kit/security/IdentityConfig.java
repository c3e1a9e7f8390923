package io.feedbackloop.kit.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How a token names the person's teams. The role claim is MicroProfile JWT's own setting
 * ({@code smallrye.jwt.path.groups}, default {@code groups}), so an OIDC provider that puts roles
 * elsewhere (Keycloak: {@code realm_access/roles}) needs configuration only.
 */
@ConfigMapping(prefix = "identity")
public interface IdentityConfig {

    /** The claim with the caller's team ids, a string array (or one string). */
    @WithDefault("teams")
    String teamsClaim();
}
