package io.feedbackloop.ingest.rest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.feedbackloop.ingest.api.FeedbackSubmission;
import io.feedbackloop.ingest.service.ImportRow;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.feedbackloop.kit.problem.Violations;

/**
 * Reads an import file one row at a time (never the whole file): NDJSON, one submission per
 * line as in {@code POST /api/v1/feedback}, or CSV with the columns of a survey-tool export.
 */
final class ImportRowReader {

    /** CSV columns; {@code meta.<name>} columns go into the feedback's metadata. */
    static final Set<String> CSV_COLUMNS = Set.of("customer_id", "customer_email", "customer_phone", "customer_name",
            "customer_segment", "customer_locale", "channel", "nps", "csat", "ces", "text", "language", "touchpoint",
            "journey_stage", "external_id", "invitation_id", "responded_at");
    private static final Map<String, String> CUSTOMER_COLUMNS = Map.of("customer_id", "id", "customer_email", "email",
            "customer_phone", "phone", "customer_name", "name", "customer_segment", "segment", "customer_locale", "locale");
    private static final Map<String, String> FIELD_COLUMNS = Map.of("channel", "channel", "text", "text",
            "language", "language", "touchpoint", "touchpoint", "journey_stage", "journeyStage",
            "external_id", "externalId", "invitation_id", "invitationId", "responded_at", "respondedAt");
    private static final List<String> SCORE_COLUMNS = List.of("nps", "csat", "ces");

    /** Turns a submission read from a line into the row to import: checked and mapped, or rejected. */
    interface RowMapper {
        ImportRow toRow(long line, FeedbackSubmission submission);
    }

    private ImportRowReader() {
    }

    static Iterator<ImportRow> ndjson(InputStream body, ObjectMapper mapper, String defaultChannel, RowMapper rowMapper) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        return new RowIterator() {
            long lineNumber;

            @Override
            ImportRow readNext() throws IOException {
                String line;
                do {
                    line = lines.readLine();
                    lineNumber++;
                    if (line == null) {
                        return null;
                    }
                } while (line.isBlank());
                try {
                    ObjectNode node = (ObjectNode) mapper.readTree(line);
                    if (!node.hasNonNull("channel") && defaultChannel != null) {
                        node.put("channel", defaultChannel);
                    }
                    return rowMapper.toRow(lineNumber, mapper.treeToValue(node, FeedbackSubmission.class));
                } catch (ClassCastException e) {
                    return ImportRow.rejected(lineNumber, List.of(new Problem.Violation("body", "json",
                            "each line must be one JSON object")));
                } catch (JsonProcessingException e) {
                    return ImportRow.rejected(lineNumber, List.of(Violations.of(e, mapper)));
                }
            }
        };
    }

    static Iterator<ImportRow> csv(InputStream body, ObjectMapper mapper, String defaultChannel, RowMapper rowMapper)
            throws IOException {
        CsvMapper csv = new CsvMapper();
        MappingIterator<Map<String, String>> rows = csv.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .with(CsvParser.Feature.TRIM_SPACES)
                .readValues(new InputStreamReader(body, StandardCharsets.UTF_8));
        CsvParser parser = (CsvParser) rows.getParser();
        checkHeader(parser, rows);
        return new RowIterator() {
            @Override
            ImportRow readNext() throws IOException {
                long line = parser.currentLocation().getLineNr();
                if (!rows.hasNextValue()) {
                    return null;
                }
                Map<String, String> row = rows.nextValue();
                long rowLine = Math.max(line, 2);
                try {
                    return rowMapper.toRow(rowLine, mapper.treeToValue(toJson(row, mapper, defaultChannel),
                            FeedbackSubmission.class));
                } catch (NumberFormatException e) {
                    return ImportRow.rejected(rowLine, List.of(new Problem.Violation(e.getMessage(), "type",
                            "must be a whole number")));
                } catch (JsonProcessingException e) {
                    return ImportRow.rejected(rowLine, List.of(Violations.of(e, mapper)));
                }
            }
        };
    }

    /** A wrong column name would silently drop data, so the whole file is refused before any row. */
    private static void checkHeader(CsvParser parser, MappingIterator<Map<String, String>> rows) throws IOException {
        rows.hasNextValue(); // reads the header
        CsvSchema schema = (CsvSchema) parser.getSchema();
        List<String> columns = new java.util.ArrayList<>();
        schema.forEach(column -> columns.add(column.getName()));
        for (String column : columns) {
            String name = column.toLowerCase(Locale.ROOT);
            if (!CSV_COLUMNS.contains(name) && !name.startsWith("meta.")) {
                throw new ProblemException(Problem.invalid(List.of(new Problem.Violation(column, "known-column",
                        "is not an import column; use one of " + new java.util.TreeSet<>(CSV_COLUMNS)
                                + " or meta.<name>"))));
            }
        }
        if (!columns.contains("customer_id")) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.Violation("customer_id", "required-column",
                    "the header must have a customer_id column"))));
        }
    }

    private static ObjectNode toJson(Map<String, String> row, ObjectMapper mapper, String defaultChannel) {
        ObjectNode node = mapper.createObjectNode();
        ObjectNode customer = node.putObject("customer");
        ArrayNode scores = mapper.createArrayNode();
        ObjectNode metadata = mapper.createObjectNode();
        row.forEach((column, value) -> {
            if (value == null || value.isEmpty()) {
                return;
            }
            String name = column.toLowerCase(Locale.ROOT);
            if (CUSTOMER_COLUMNS.containsKey(name)) {
                customer.put(CUSTOMER_COLUMNS.get(name), value);
            } else if (FIELD_COLUMNS.containsKey(name)) {
                node.put(FIELD_COLUMNS.get(name), value);
            } else if (SCORE_COLUMNS.contains(name)) {
                scores.addObject().put("metric", name).put("value", parseScore(name, value));
            } else if (name.startsWith("meta.")) {
                metadata.put(column.substring("meta.".length()), value);
            }
        });
        if (!scores.isEmpty()) {
            node.set("scores", scores);
        }
        if (!metadata.isEmpty()) {
            node.set("metadata", metadata);
        }
        if (!node.has("channel") && defaultChannel != null) {
            node.put("channel", defaultChannel);
        }
        return node;
    }

    private static int parseScore(String column, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new NumberFormatException(column);
        }
    }

    /** Iterator over rows produced by {@link #readNext()}, which returns null at the end. */
    private abstract static class RowIterator implements Iterator<ImportRow> {
        private ImportRow next;
        private boolean done;

        abstract ImportRow readNext() throws IOException;

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                try {
                    next = readNext();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                done = next == null;
            }
            return next != null;
        }

        @Override
        public ImportRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ImportRow row = next;
            next = null;
            return row;
        }
    }
}
