package io.feedbackloop.action.identity;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import io.feedbackloop.kit.security.Caller;
import io.feedbackloop.kit.security.CallerProducer;
import io.feedbackloop.kit.security.IdentityConfig;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Stopgap for service-kit's {@link CallerProducer}, which ArC refuses at build time ("producer method
 * for a normal scoped bean must not have a type that is a record": Caller is a record, the kit's
 * producer is @RequestScoped); it is excluded in application.properties. This one is @Dependent, so
 * every resource that injects a Caller is @RequestScoped and gets the caller of its own request.
 * Delete it (and the exclusion) once the kit produces a Caller that can be injected.
 */
@ApplicationScoped
public class RequestCallerProducer {

    @Inject
    SecurityIdentity identity;

    @Inject
    IdentityConfig config;

    @Produces
    @Dependent
    Caller caller() {
        String channel = identity.getAttribute(CallerProducer.CHANNEL_ATTRIBUTE);
        if (channel != null) {
            return Caller.ofChannel(channel);
        }
        Set<String> teams = identity.getPrincipal() instanceof JsonWebToken token
                ? teams(token.getClaim(config.teamsClaim())) : Set.of();
        return Caller.person(identity.getPrincipal().getName(), identity.getRoles(), teams);
    }

    private static Set<String> teams(Object claim) {
        if (claim instanceof JsonString one) {
            return Set.of(one.getString());
        }
        if (claim instanceof JsonArray array) {
            return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).collect(Collectors.toSet());
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.toSet());
        }
        return claim instanceof String one ? Set.of(one) : Set.of();
    }
}
