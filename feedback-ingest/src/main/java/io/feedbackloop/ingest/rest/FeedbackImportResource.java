package io.feedbackloop.ingest.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;

import io.feedbackloop.ingest.service.Caller;
import io.feedbackloop.ingest.service.CallerAuthenticator;
import io.feedbackloop.ingest.service.FeedbackImporter;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Bulk import of old survey exports. Large files come as a multipart upload, which Quarkus spools
 * to disk while it arrives; the import then streams rows from disk, so memory stays flat. Small
 * files may also be posted as the raw body.
 */
@Path("/api/v1/feedback/import")
@Tag(name = "Feedback")
@Produces(MediaType.APPLICATION_JSON)
public class FeedbackImportResource {

    public static final String NDJSON = "application/x-ndjson";
    public static final String CSV = "text/csv";

    @Inject
    FeedbackImporter importer;

    @Inject
    CallerAuthenticator authenticator;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Import an export file of any size (multipart upload)",
            description = "Form part 'file': a CSV (name ending .csv or part type text/csv) or NDJSON file. The upload is "
                    + "spooled to disk as it arrives and read from there row by row, so memory stays flat however "
                    + "large the file. Raw text/csv and application/x-ndjson bodies are accepted up to "
                    + "ingest.import.max-inline-bytes (16 MB).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ImportReport.class)))
    public ImportReport importUpload(@RestForm("file") FileUpload file,
                                     @HeaderParam(FeedbackResource.API_KEY) String apiKey,
                                     @HeaderParam("Authorization") String authorization) throws IOException {
        Caller caller = authenticator.authenticate(apiKey, authorization);
        if (file == null) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.Violation("file", "NotNull",
                    "send the export as the multipart form part 'file'"))));
        }
        try (InputStream body = Files.newInputStream(file.uploadedFile())) {
            return importer.importRows(caller, formatOf(file), body);
        }
    }

    private static FeedbackImporter.Format formatOf(FileUpload file) {
        String name = file.fileName() == null ? "" : file.fileName().toLowerCase(java.util.Locale.ROOT);
        String type = file.contentType() == null ? "" : file.contentType().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".csv") || type.startsWith(CSV)) {
            return FeedbackImporter.Format.CSV;
        }
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl") || type.startsWith(NDJSON)
                || type.startsWith("application/jsonl")) {
            return FeedbackImporter.Format.NDJSON;
        }
        throw new ProblemException(Problem.invalid(List.of(new Problem.Violation("file", "format",
                "must be a .csv or .ndjson file (or have the part type text/csv or application/x-ndjson)"))));
    }

    @POST
    @Consumes(CSV)
    @Operation(summary = "Import a CSV export",
            description = "Header row with any of: customer_id (required), customer_email, customer_phone, customer_name, "
                    + "customer_segment, customer_locale, channel, nps, csat, ces, text, language, touchpoint, journey_stage, "
                    + "external_id, invitation_id, responded_at, and meta.<name> columns. Each row is idempotent.")
    @APIResponse(responseCode = "200", description = "Per-row outcome, with line numbers of rejected rows",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "Unknown column or unreadable file",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportReport importCsv(InputStream body, @HeaderParam(FeedbackResource.API_KEY) String apiKey,
                                  @HeaderParam("Authorization") String authorization) {
        return importer.importRows(authenticator.authenticate(apiKey, authorization), FeedbackImporter.Format.CSV, body);
    }

    @POST
    @Consumes({NDJSON, "application/jsonl"})
    @Operation(summary = "Import newline-delimited JSON",
            description = "One feedback per line, as in POST /api/v1/feedback (channel defaults to the key's). Each row is idempotent.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ImportReport.class)))
    public ImportReport importNdjson(InputStream body, @HeaderParam(FeedbackResource.API_KEY) String apiKey,
                                     @HeaderParam("Authorization") String authorization) {
        return importer.importRows(authenticator.authenticate(apiKey, authorization), FeedbackImporter.Format.NDJSON,
                body);
    }
}
