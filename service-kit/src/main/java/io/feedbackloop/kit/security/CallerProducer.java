package io.feedbackloop.kit.security;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Makes the request's {@link Caller} from what Quarkus security verified: a signed token (roles
 * from the role claim, teams from {@link IdentityConfig#teamsClaim()}) or an identity whose
 * attribute {@value #CHANNEL_ATTRIBUTE} names its channel (an API key). Anonymous requests never
 * get here: every endpoint that injects a caller declares the roles it allows.
 */
@RequestScoped
public class CallerProducer {

    /** The attribute an API-key identity carries: the name of its channel. */
    public static final String CHANNEL_ATTRIBUTE = "channel";

    @Inject
    SecurityIdentity identity;

    @Inject
    IdentityConfig config;

    /** The caller of the current request (this bean is request scoped behind its client proxy). */
    public Caller caller() {
        return of(identity, config.teamsClaim());
    }

    /**
     * A record cannot be a normal-scoped bean (ArC proxies only non-final classes), so the caller
     * is made by this function rather than produced for injection.
     */
    public static Caller of(SecurityIdentity identity, String teamsClaim) {
        String channel = identity.getAttribute(CHANNEL_ATTRIBUTE);
        if (channel != null) {
            return Caller.ofChannel(channel);
        }
        Set<String> teams = identity.getPrincipal() instanceof JsonWebToken token
                ? teams(token.getClaim(teamsClaim)) : Set.of();
        return Caller.person(identity.getPrincipal().getName(), identity.getRoles(), teams);
    }

    static Set<String> teams(Object claim) {
        if (claim instanceof JsonString one) {
            return Set.of(one.getString());
        }
        if (claim instanceof JsonArray array) {
            return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).collect(Collectors.toSet());
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.toSet());
        }
        if (claim instanceof String one) {
            return Set.of(one);
        }
        return Set.of();
    }
}
