package io.feedbackloop.kit.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a request whose path or query, once decoded, carries a control character (a NUL in an
 * id, an escape sequence in a filter) before any resource sees it: PostgreSQL cannot store
 * U+0000 and would fail with an error the client never caused, and no id, name or filter of ours
 * holds one. The body's text fields get the same rule from {@link StrictJson}.
 */
public class UriControlCharacters {

    private static final String RULE = "no-control-characters";
    private static final String MESSAGE = "must not contain control characters (U+0000 to U+001F, U+007F)";

    @ServerRequestFilter(preMatching = true)
    public void refuse(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        List<Problem.Violation> violations = new ArrayList<>();
        if (hasControlCharacter(uri.getPath())) {
            violations.add(new Problem.Violation("path", RULE, MESSAGE));
        }
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters().entrySet()) {
            if (hasControlCharacter(parameter.getKey())
                    || parameter.getValue().stream().anyMatch(UriControlCharacters::hasControlCharacter)) {
                violations.add(new Problem.Violation(parameter.getKey(), RULE, MESSAGE));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid(violations));
        }
    }

    private static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return true;
            }
        }
        return false;
    }
}
