package io.feedbackloop.ingest.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackloop.ingest.api.FeedbackSubmission;
import io.feedbackloop.ingest.api.ImportReport;
import io.feedbackloop.ingest.mapping.FeedbackMapper;
import io.feedbackloop.ingest.rest.security.AbuseLimitFilter;
import io.feedbackloop.ingest.rest.security.AbuseLimits;
import io.feedbackloop.ingest.rest.security.ApiKeyAuthenticationMechanism;
import io.feedbackloop.ingest.rest.security.Callers;
import io.feedbackloop.ingest.service.FeedbackImporter;
import io.feedbackloop.ingest.service.ImportRow;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.feedbackloop.kit.problem.Violations;
import io.feedbackloop.kit.ratelimit.RateLimitExceededException;
import io.feedbackloop.kit.security.Caller;
import io.feedbackloop.kit.security.Roles;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.logging.Logger;

/**
 * {@code POST /api/v1/feedback/import}: a survey export of any size. The request body is piped to
 * a temporary file with back-pressure (the socket is read only as fast as the disk takes it),
 * then imported row by row from there on a worker thread, so memory stays flat however large the
 * file. This is a Vert.x route rather than a REST resource because the REST layer buffers a
 * request body in memory before the resource sees it. Documented in {@code META-INF/openapi.yaml}.
 * Being outside the REST layer, it applies the abuse limits and the roles (a channel's key, or an
 * administrator) itself, before it looks at the body.
 */
@ApplicationScoped
public class FeedbackImportRoute {

    public static final String PATH = "/api/v1/feedback/import";

    enum Format { CSV, NDJSON }

    private static final Logger LOG = Logger.getLogger(FeedbackImportRoute.class);
    private static final String BEARER_CHALLENGE = "Bearer realm=\"feedback-loop\"";

    @Inject
    FeedbackImporter importer;

    @Inject
    AbuseLimits limits;

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @Inject
    Vertx vertx;

    void register(@Observes Router router) {
        // after authentication has put the request's (deferred) identity in place, and ahead of the
        // REST layer, which would otherwise read the whole body first
        router.post(PATH).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::importFile);
    }

    private void importFile(RoutingContext context) {
        HttpServerRequest request = context.request();
        request.pause();
        try {
            limits.admit(AbuseLimitFilter.clientAddress(request), request.getHeader(ApiKeyAuthenticationMechanism.HEADER),
                    request.getHeader(HttpHeaders.AUTHORIZATION));
        } catch (RateLimitExceededException e) {
            context.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
            respond(context, Problem.of(429, "rate-limited", "Too many requests",
                    e.getMessage() + "; retry in " + e.retryAfterSeconds() + " s"));
            return;
        }
        Future.fromCompletionStage(QuarkusHttpUser.getSecurityIdentity(context, null).subscribeAsCompletionStage(),
                        vertx.getOrCreateContext())
                .onSuccess(identity -> importAs(context, identity))
                .onFailure(failure -> respond(context, problemOf(failure)));
    }

    /** Who may import is decided before the format or the body is looked at. */
    private void importAs(RoutingContext context, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            context.response().putHeader(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE);
            respond(context, Problem.of(401, "unauthorized", "Unauthorized",
                    "send a bearer token ('Authorization: Bearer <token>') or, for a support channel, its API key"));
            return;
        }
        if (!identity.hasRole(Roles.CHANNEL) && !identity.hasRole(Roles.ADMIN)) {
            respond(context, Problem.of(403, "forbidden", "Forbidden",
                    "this needs one of the roles " + Roles.CHANNEL + ", " + Roles.ADMIN));
            return;
        }
        HttpServerRequest request = context.request();
        Format format = formatOf(request.getHeader("Content-Type"));
        if (format == null) {
            respond(context, Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "send the export as text/csv or application/x-ndjson"));
            return;
        }
        Caller caller = Callers.of(identity);
        spool(request).compose(file -> vertx.executeBlocking(() -> importSpooled(caller, format, file), false))
                .onSuccess(report -> context.response().setStatusCode(200)
                        .putHeader("Content-Type", "application/json").end(json(report)))
                .onFailure(failure -> respond(context, problemOf(failure)));
    }


    private Future<Path> spool(HttpServerRequest request) {
        Path file;
        try {
            file = Files.createTempFile("feedback-import-", ".upload");
        } catch (IOException e) {
            return Future.failedFuture(e);
        }
        return vertx.fileSystem().open(file.toString(), new OpenOptions().setWrite(true).setTruncateExisting(true))
                .compose(target -> request.pipeTo(target))
                .map(done -> file)
                .onFailure(e -> deleteQuietly(file));
    }

    private ImportReport importSpooled(Caller caller, Format format, Path file) throws IOException {
        try (InputStream body = Files.newInputStream(file)) {
            String defaultChannel = caller.channel();
            Iterator<ImportRow> rows;
            try {
                rows = format == Format.CSV ? ImportRowReader.csv(body, mapper, defaultChannel, this::toRow)
                        : ImportRowReader.ndjson(body, mapper, defaultChannel, this::toRow);
            } catch (IOException e) {
                throw new ProblemException(Problem.of(400, "unreadable-import", "Unreadable import", e.getMessage()));
            }
            return FeedbackMapper.toImportReport(format.name().toLowerCase(), importer.importRows(caller, rows));
        } finally {
            deleteQuietly(file);
        }
    }

    /** A row is checked as {@code POST /api/v1/feedback} checks a submission. */
    private ImportRow toRow(long line, FeedbackSubmission submission) {
        List<Problem.Violation> problems = Violations.of(validator.validate(submission));
        return problems.isEmpty() ? ImportRow.of(line, FeedbackMapper.toNewFeedback(submission), submission)
                : ImportRow.rejected(line, problems);
    }

    static Format formatOf(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/csv")) {
            return Format.CSV;
        }
        if (type.startsWith("application/x-ndjson") || type.startsWith("application/jsonl")) {
            return Format.NDJSON;
        }
        return null;
    }

    private Problem problemOf(Throwable failure) {
        if (failure instanceof CompletionException wrapped && wrapped.getCause() != null) {
            return problemOf(wrapped.getCause());
        }
        if (failure instanceof ProblemException known) {
            return known.problem();
        }
        if (failure instanceof AuthenticationFailedException) {
            return Problem.of(401, "unauthorized", "Unauthorized",
                    "the credentials are not valid: expired, revoked, or not issued for this service");
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(failure, "import failed, error %s", errorId);
        return Problem.of(500, "internal", "Internal error",
                "the import could not be completed; rows already imported stay, send the file again to finish it "
                        + "(quote error id " + errorId + " when reporting it)");
    }

    private void respond(RoutingContext context, Problem problem) {
        if (problem.status() == 401 && !context.response().headers().contains(HttpHeaders.WWW_AUTHENTICATE)) {
            context.response().putHeader(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE + ", error=\"invalid_token\"");
        }
        if (!context.response().ended()) {
            context.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json(problem));
        }
    }

    private String json(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("cannot delete the import spool file %s: %s", file, e.getMessage());
        }
    }
}
