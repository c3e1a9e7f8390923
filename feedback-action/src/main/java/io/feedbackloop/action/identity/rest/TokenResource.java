package io.feedbackloop.action.identity.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.feedbackloop.action.identity.AccessTokens;
import io.feedbackloop.action.identity.InvalidGrantException;
import io.feedbackloop.action.identity.SigningKeys;
import io.feedbackloop.action.identity.TokenGrants;
import io.feedbackloop.action.identity.api.TokenResponse;
import io.feedbackloop.action.validation.Refusals;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.security.Caller;
import io.feedbackloop.kit.security.Roles;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The built-in issuer for people (OAuth2 token endpoint, JWKS, discovery). The other services
 * verify its tokens with the JWKS; a company with its own OIDC provider points them there instead.
 */
@Path("/auth")
@Tag(name = "Sign-in", description = "The built-in issuer: tokens for a password, a refresh token or a personal access token")
public class TokenResource {

    static final String PASSWORD = "password";
    static final String REFRESH_TOKEN = "refresh_token";
    static final String PERSONAL_ACCESS_TOKEN = "urn:feedback-loop:personal-access-token";

    @Inject
    TokenGrants grants;

    @Inject
    AccessTokens accessTokens;

    @Inject
    SigningKeys keys;

    /** The address a sign-in is throttled by: the peer's, or the client a trusted proxy names. */
    @Inject
    ClientAddresses addresses;

    /** Resolved by logout only: the public endpoints must not need (or fail on) a caller. */
    @Inject
    Instance<Caller> caller;

    @POST
    @Path("/token")
    // public by design: this is where a person without a token gets one (throttled per email and per client
    // address: the peer's, or the one a trusted proxy such as the web console names in X-Forwarded-For)
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get an access token (15 min) for a password, a refresh token (rotated) or a personal access token",
            description = "`grant_type=password&username=<email>&password=<pw>`, `grant_type=refresh_token&refresh_token=<rt>`, "
                    + "or `grant_type=" + PERSONAL_ACCESS_TOKEN + "&token=<pat>`. A used refresh token presented again "
                    + "revokes every token of its sign-in.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = "A parameter is missing or the grant type is unknown")
    @APIResponse(responseCode = "401", description = "Wrong credentials (the same answer for an unknown email)")
    @APIResponse(responseCode = "429", description = "Too many attempts for this email or from this client address "
            + "(the peer's, or behind a trusted proxy the last address of its X-Forwarded-For)")
    public Response token(@FormParam("grant_type") String grantType, @FormParam("username") String username,
                          @FormParam("password") String password, @FormParam("refresh_token") String refreshToken,
                          @FormParam("token") String token, @Context HttpServerRequest request) {
        TokenGrants.Grant grant = switch (required("grant_type", grantType)) {
            case PASSWORD -> {
                List<Problem.Violation> violations = new ArrayList<>();
                missing("username", username, violations);
                missing("password", password, violations);
                Refusals.refuseIfAny(violations);
                yield grants.password(username.strip(), password, addresses.of(request));
            }
            case REFRESH_TOKEN -> grants.refresh(required("refresh_token", refreshToken));
            case PERSONAL_ACCESS_TOKEN -> grants.personalAccessToken(required("token", token), addresses.of(request));
            default -> throw new io.feedbackloop.kit.problem.ProblemException(Problem.invalid(List.of(
                    new Problem.Violation("grant_type", "enum", "must be password, refresh_token or "
                            + PERSONAL_ACCESS_TOKEN))));
        };
        // RFC 6749 §5.1: token responses are never cached
        return Response.ok(new TokenResponse(grant.accessToken(), "Bearer", grant.expiresIn(), grant.refreshToken()))
                .cacheControl(noStore()).build();
    }

    @POST
    @Path("/logout")
    @RolesAllowed({Roles.AGENT, Roles.LEAD, Roles.ANALYST, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Sign out: the refresh token and every token rotated from it stop working",
            description = "The access token itself expires within minutes; drop it.")
    @APIResponse(responseCode = "204", description = "Signed out")
    public void logout(@FormParam("refresh_token") String refreshToken) {
        grants.logout(caller.get(), required("refresh_token", refreshToken));
    }

    @GET
    @Path("/jwks")
    // public by design: every service (and anyone) verifies the issuer's signatures with it
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The issuer's public signing keys (JWKS, RFC 7517)")
    public Map<String, Object> jwks() {
        return Map.of("keys", List.of(keys.current().jwk()));
    }

    @GET
    @Path("/.well-known/openid-configuration")
    // public by design: OIDC discovery, how clients find the token endpoint and keys
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "OIDC discovery document of the built-in issuer")
    public Map<String, Object> discovery() {
        String issuer = accessTokens.issuer();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        document.put("token_endpoint", issuer + "/token");
        document.put("jwks_uri", issuer + "/jwks");
        document.put("end_session_endpoint", issuer + "/logout");
        document.put("grant_types_supported", List.of(PASSWORD, REFRESH_TOKEN, PERSONAL_ACCESS_TOKEN));
        document.put("token_endpoint_auth_methods_supported", List.of("none"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("subject_types_supported", List.of("public"));
        document.put("claims_supported", List.of("iss", "aud", "sub", "upn", "groups", "teams", "exp", "iat", "jti"));
        return document;
    }

    /** Refused credentials: 401 with the bearer challenge, the same words whatever was wrong. */
    @ServerExceptionMapper
    public Response invalidGrant(InvalidGrantException e) {
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(401, "invalid-grant", "Unauthorized", e.getMessage()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"feedback-loop\"").cacheControl(noStore()).build();
    }

    private static CacheControl noStore() {
        CacheControl cacheControl = new CacheControl();
        cacheControl.setNoStore(true);
        return cacheControl;
    }

    private static String required(String field, String value) {
        List<Problem.Violation> violations = new ArrayList<>();
        missing(field, value, violations);
        Refusals.refuseIfAny(violations);
        return value;
    }

    private static void missing(String field, String value, List<Problem.Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Problem.Violation(field, "NotBlank", "must not be blank"));
        }
    }
}
