package io.feedbackloop.ingest.rest.security;

import java.util.Set;

import io.feedbackloop.kit.security.Caller;
import io.feedbackloop.kit.security.CallerProducer;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The kit's {@link Caller} from the verified identity, as {@link CallerProducer} makes it (this
 * service scopes by channel, never by team). Used instead of injecting {@code Caller}: ArC refuses
 * the kit's request-scoped producer of a record (a record cannot be proxied), and the streamed
 * import runs outside the REST layer's request scope anyway.
 */
public final class Callers {

    private Callers() {
    }

    public static Caller of(SecurityIdentity identity) {
        String channel = identity.getAttribute(CallerProducer.CHANNEL_ATTRIBUTE);
        return channel != null ? Caller.ofChannel(channel)
                : Caller.person(identity.getPrincipal().getName(), identity.getRoles(), Set.of());
    }
}
