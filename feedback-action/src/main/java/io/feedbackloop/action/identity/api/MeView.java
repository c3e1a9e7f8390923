package io.feedbackloop.action.identity.api;

import java.util.Set;

/**
 * Who the token says the caller is; {@code account} is true when the built-in issuer holds the
 * person (password and personal access tokens are managed here), false for another provider's.
 */
public record MeView(String email, String name, Set<String> roles, Set<String> teams, boolean account) {
}
