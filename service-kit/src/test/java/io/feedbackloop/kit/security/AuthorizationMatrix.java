package io.feedbackloop.kit.security;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Calls every operation of a service's own OpenAPI document with every identity and compares
 * the outcome with a table kept in the service's test resources. An operation missing from the
 * table (a new endpoint) or a row no operation answers to (a removed one) fails the check, so
 * nobody can add an endpoint without deciding who may call it.
 *
 * <p>The table: a header naming the identities, then one row per operation, e.g.
 * <pre>
 * operation            | none  agent  admin
 * GET /api/v1/cases    | 401   ok     ok
 * </pre>
 * An expected cell is {@code ok} (authenticated and authorised: any answer but 401, 403 or a 5xx),
 * or the exact status ({@code 401}, {@code 403}, {@code 404} for what a caller must not learn
 * exists). Operations are called with made-up ids, and a body that is not JSON at all: a caller
 * who may call gets a 400 or 404 (nothing changes), one who may not gets 401 or 403 before the body
 * is read. An answer of 401 must carry the {@code WWW-Authenticate} challenge, every error a
 * problem+json body.
 */
public final class AuthorizationMatrix {

    /** A caller as the test presents it: what it adds to a request. */
    public record Identity(String name, UnaryOperator<RequestSpecification> credentials) {

        public static Identity none() {
            return new Identity("none", request -> request);
        }

        public static Identity bearer(String name, String token) {
            return new Identity(name, request -> request.header("Authorization", TestTokens.bearer(token)));
        }

        public static Identity header(String name, String header, String value) {
            return new Identity(name, request -> request.header(header, value));
        }
    }

    /** The outcome of one run: the calls made, and every one that did not answer as the table says. */
    public record Outcome(int operations, int identities, List<String> mismatches) {

        public String summary() {
            return operations + " operations × " + identities + " identities = " + operations * identities
                    + " calls, " + (operations * identities - mismatches.size()) + " as expected";
        }
    }

    private static final String NOT_JSON = "{ this is not json";

    private final Map<String, Map<String, String>> expected;
    private final List<String> identityNames;

    private AuthorizationMatrix(List<String> identityNames, Map<String, Map<String, String>> expected) {
        this.identityNames = identityNames;
        this.expected = expected;
    }

    /** Reads the table from the test class path. */
    public static AuthorizationMatrix fromResource(String resource) {
        try (InputStream in = AuthorizationMatrix.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no table " + resource + " on the test class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static AuthorizationMatrix parse(String table) {
        List<String> names = null;
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (String line : table.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] sides = trimmed.split("\\|");
            if (sides.length != 2) {
                throw new IllegalArgumentException("not 'operation | outcomes': " + line);
            }
            String operation = sides[0].strip().replaceAll("\\s+", " ");
            List<String> cells = List.of(sides[1].strip().split("\\s+"));
            if (names == null) {
                names = cells;
                continue;
            }
            if (cells.size() != names.size()) {
                throw new IllegalArgumentException(operation + ": " + cells.size() + " outcomes for "
                        + names.size() + " identities");
            }
            Map<String, String> outcomes = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                outcomes.put(names.get(i), cells.get(i));
            }
            if (rows.put(operation, outcomes) != null) {
                throw new IllegalArgumentException("twice in the table: " + operation);
            }
        }
        if (names == null) {
            throw new IllegalArgumentException("an empty table");
        }
        return new AuthorizationMatrix(names, rows);
    }

    /**
     * Calls every documented operation as every identity.
     *
     * @param openApiJson the service's document, e.g. {@code GET /q/openapi?format=json}
     * @param identities  one per column of the table, by name
     */
    public Outcome check(String openApiJson, List<Identity> identities) {
        Map<String, Identity> byName = new LinkedHashMap<>();
        identities.forEach(identity -> byName.put(identity.name(), identity));
        if (!byName.keySet().equals(new LinkedHashSet<>(identityNames))) {
            throw new IllegalArgumentException("the table's identities " + identityNames
                    + " are not the ones given " + byName.keySet());
        }
        Map<String, JsonNode> operations = operations(openApiJson);
        List<String> mismatches = new ArrayList<>();
        Set<String> missing = new TreeSet<>(operations.keySet());
        missing.removeAll(expected.keySet());
        missing.forEach(operation -> mismatches.add(operation + ": not in the table (who may call it?)"));
        Set<String> stale = new TreeSet<>(expected.keySet());
        stale.removeAll(operations.keySet());
        stale.forEach(operation -> mismatches.add(operation + ": in the table, but no such operation"));
        for (Map.Entry<String, JsonNode> operation : operations.entrySet()) {
            Map<String, String> outcomes = expected.get(operation.getKey());
            if (outcomes == null) {
                continue;
            }
            for (String name : identityNames) {
                String mismatch = call(operation.getKey(), operation.getValue(), byName.get(name), outcomes.get(name));
                if (mismatch != null) {
                    mismatches.add(operation.getKey() + " as " + name + ": " + mismatch);
                }
            }
        }
        return new Outcome(operations.size(), identityNames.size(), mismatches);
    }

    /** "METHOD /path" → the operation's node, in document order. */
    static Map<String, JsonNode> operations(String openApiJson) {
        try {
            JsonNode paths = new ObjectMapper().readTree(openApiJson).path("paths");
            Map<String, JsonNode> operations = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    if (Set.of("get", "put", "post", "delete", "patch").contains(op.getKey())) {
                        operations.put(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
                    }
                }
            }
            return operations;
        } catch (IOException e) {
            throw new IllegalArgumentException("not an OpenAPI document", e);
        }
    }

    private static String call(String operation, JsonNode definition, Identity identity, String expectation) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation.substring(operation.indexOf(' ') + 1);
        RequestSpecification request = identity.credentials().apply(given().redirects().follow(false));
        for (JsonNode parameter : definition.path("parameters")) {
            if ("path".equals(parameter.path("in").asText())) {
                path = path.replace("{" + parameter.path("name").asText() + "}", madeUp(parameter.path("schema")));
            }
        }
        path = path.replaceAll("\\{[^}]+}", "unknown");
        JsonNode body = definition.path("requestBody").path("content");
        if (body.isObject() && body.fields().hasNext()) {
            request = request.contentType(body.fieldNames().next()).body(NOT_JSON);
        }
        Response response = request.request(method, path);
        int status = response.statusCode();
        if (status >= 500) {
            return "answered " + status + " " + response.asString();
        }
        if (status == 401 && response.header("WWW-Authenticate") == null) {
            return "401 without a WWW-Authenticate challenge";
        }
        if (status >= 400 && !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
            return status + " is not problem+json but " + response.contentType();
        }
        boolean matches = "ok".equals(expectation) ? status != 401 && status != 403
                : expectation.equals(String.valueOf(status));
        return matches ? null : "expected " + expectation + ", answered " + status + " " + response.asString();
    }

    private static String madeUp(JsonNode schema) {
        String type = schema.path("type").asText();
        if ("uuid".equals(schema.path("format").asText())) {
            return UUID.randomUUID().toString();
        }
        if ("integer".equals(type) || "number".equals(type)) {
            return "987654321";
        }
        return "unknown-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
