package io.feedbackloop.ingest.rest;

import java.io.InputStream;

import io.feedbackloop.ingest.service.CallerAuthenticator;
import io.feedbackloop.ingest.service.FeedbackImporter;
import io.feedbackloop.kit.problem.Problem;
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

/** Bulk import of old survey exports, streamed: the file is never held in memory whole. */
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
