package io.feedbackloop.ingest.rest.security;

import io.feedbackloop.ingest.service.ApiKeyService;
import io.feedbackloop.kit.security.CallerProducer;
import io.feedbackloop.kit.security.Roles;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * An API key becomes the identity of its channel: role {@code channel} and the channel's name as
 * attribute, from which the kit's {@code CallerProducer} makes the {@code Caller}. The key is
 * looked up by its hash on every request (on a worker thread), so a revoked key stops at once.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    @Inject
    ApiKeyService keys;

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return context.runBlocking(() -> keys.channelOf(request.key())
                .map(ApiKeyIdentityProvider::identityOf)
                .orElseThrow(() -> new AuthenticationFailedException("unknown or revoked API key")));
    }

    private static SecurityIdentity identityOf(String channel) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("channel:" + channel))
                .addRole(Roles.CHANNEL)
                .addAttribute(CallerProducer.CHANNEL_ATTRIBUTE, channel)
                .build();
    }
}
