package io.feedbackloop.notifier.rest;

import java.util.Optional;

import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.feedbackloop.notifier.model.MessageLocale;
import io.feedbackloop.notifier.service.PreferenceService;
import io.feedbackloop.notifier.service.UnsubscribeLinks;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The link in every message. Opening it asks for confirmation (mail scanners open links; only a
 * person submits the form); the POST, also what a mail client's one-click unsubscribe sends
 * (RFC 8058), opts the customer out of that channel at once, including messages already queued.
 */
// public by design: customers have no account; the HMAC-signed token names the customer and channel,
// so the link unsubscribes only its own recipient
@PermitAll
@Path("/unsubscribe/{token}")
@Tag(name = "Unsubscribe")
@Produces(MediaType.TEXT_HTML)
public class UnsubscribeResource {

    @Inject
    UnsubscribeLinks links;

    @Inject
    PreferenceService preferences;

    @Inject
    @Location("pages/unsubscribe.html")
    Template page;

    @GET
    @Operation(summary = "Page asking the customer to confirm they want no more messages on this channel")
    public Response confirm(@PathParam("token") String token, @QueryParam("lang") String lang,
                            @Context HttpHeaders headers) {
        Optional<UnsubscribeLinks.Subscription> subscription = links.verify(token);
        return page(subscription.isPresent() ? "confirm" : "invalid", subscription, lang, headers);
    }

    @POST
    @Operation(summary = "Unsubscribe the customer from the link's channel")
    public Response unsubscribe(@PathParam("token") String token, @QueryParam("lang") String lang,
                                @Context HttpHeaders headers) {
        Optional<UnsubscribeLinks.Subscription> subscription = links.verify(token);
        subscription.ifPresent(preferences::unsubscribe);
        return page(subscription.isPresent() ? "done" : "invalid", subscription, lang, headers);
    }

    private Response page(String state, Optional<UnsubscribeLinks.Subscription> subscription, String lang,
                          HttpHeaders headers) {
        // a person's browser gets a page saying so; a program (a mail client's one-click POST) a problem
        if ("invalid".equals(state) && !asksForHtml(headers)) {
            throw new ProblemException(Problem.of(400, "invalid-link", "Invalid link",
                    "this unsubscribe link is not one we sent: it was cut or changed"));
        }
        String html = page.data("state", state).data("lang", MessageLocale.of(lang))
                .data("channel", subscription.map(UnsubscribeLinks.Subscription::channel).orElse("email")).render();
        return Response.status("invalid".equals(state) ? 400 : 200).entity(html).type(MediaType.TEXT_HTML + ";charset=UTF-8").build();
    }

    private static boolean asksForHtml(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> !type.isWildcardType() && type.isCompatible(MediaType.TEXT_HTML_TYPE));
    }
}
