package io.feedbackloop.ingest.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackloop.ingest.service.Caller;
import io.feedbackloop.ingest.service.CallerAuthenticator;
import io.feedbackloop.ingest.service.FeedbackImporter;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * {@code POST /api/v1/feedback/import}: a survey export of any size. The request body is piped to
 * a temporary file with back-pressure (the socket is read only as fast as the disk takes it),
 * then imported row by row from there on a worker thread, so memory stays flat however large the
 * file. This is a Vert.x route rather than a REST resource because the REST layer buffers a
 * request body in memory before the resource sees it. Documented in {@code META-INF/openapi.yaml}.
 */
@ApplicationScoped
public class FeedbackImportRoute {

    public static final String PATH = "/api/v1/feedback/import";
    private static final Logger LOG = Logger.getLogger(FeedbackImportRoute.class);

    @Inject
    FeedbackImporter importer;

    @Inject
    CallerAuthenticator authenticator;

    @Inject
    ObjectMapper mapper;

    @Inject
    Vertx vertx;

    void register(@Observes Router router) {
        // ahead of the REST layer, which would otherwise read the whole body first
        router.post(PATH).order(-1000).handler(this::importFile);
    }

    private void importFile(RoutingContext context) {
        HttpServerRequest request = context.request();
        request.pause();
        FeedbackImporter.Format format = formatOf(request.getHeader("Content-Type"));
        if (format == null) {
            respond(context, Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "send the export as text/csv or application/x-ndjson"));
            return;
        }
        String apiKey = request.getHeader(FeedbackResource.API_KEY);
        String authorization = request.getHeader("Authorization");
        vertx.executeBlocking(() -> authenticator.authenticate(apiKey, authorization), false)
                .compose(caller -> spool(request).compose(file -> vertx.executeBlocking(
                        () -> importSpooled(caller, format, file), false)))
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

    private Object importSpooled(Caller caller, FeedbackImporter.Format format, Path file) throws IOException {
        try (InputStream rows = Files.newInputStream(file)) {
            return importer.importRows(caller, format, rows);
        } finally {
            deleteQuietly(file);
        }
    }

    static FeedbackImporter.Format formatOf(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/csv")) {
            return FeedbackImporter.Format.CSV;
        }
        if (type.startsWith("application/x-ndjson") || type.startsWith("application/jsonl")) {
            return FeedbackImporter.Format.NDJSON;
        }
        return null;
    }

    private Problem problemOf(Throwable failure) {
        if (failure instanceof ProblemException known) {
            return known.problem();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(failure, "import failed, error %s", errorId);
        return Problem.of(500, "internal", "Internal error",
                "the import could not be completed; rows already imported stay, send the file again to finish it "
                        + "(quote error id " + errorId + " when reporting it)");
    }

    private void respond(RoutingContext context, Problem problem) {
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
