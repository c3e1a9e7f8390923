package io.feedbackloop.looptests;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The operations a service publishes in its OpenAPI document, with a plausible request for each:
 * path and query parameters and a JSON body generated from the declared schemas. A fuzzer
 * mutates these, so it reaches every operation without knowing any of them by name.
 */
final class OpenApiOperations {

    record Parameter(String name, String in, JsonNode schema) {
    }

    /** @param answersHtml its answers are pages for a person's browser (text/html), not JSON */
    record Operation(String method, String pathTemplate, List<Parameter> parameters, String bodyMediaType,
                     JsonNode bodySchema, boolean answersHtml) {
        boolean takesJson() {
            return bodyMediaType != null && bodyMediaType.contains("json");
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final JsonNode document;

    OpenApiOperations(JsonNode document) {
        this.document = document;
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode p : concat(path.getValue().path("parameters"), method.getValue().path("parameters"))) {
                    JsonNode resolved = resolve(p);
                    parameters.add(new Parameter(resolved.path("name").asText(), resolved.path("in").asText(),
                            resolve(resolved.path("schema"))));
                }
                String mediaType = null;
                JsonNode schema = null;
                Iterator<Map.Entry<String, JsonNode>> content = resolve(method.getValue().path("requestBody"))
                        .path("content").fields();
                if (content.hasNext()) {
                    Map.Entry<String, JsonNode> first = content.next();
                    mediaType = first.getKey();
                    schema = first.getValue().path("schema");
                }
                boolean html = false;
                for (JsonNode response : method.getValue().path("responses")) {
                    html |= resolve(response).path("content").has("text/html");
                }
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), parameters, mediaType, schema,
                        html));
            }
        }
        return operations;
    }

    /** A value that fits the schema, with random content; nested at most a few levels deep. */
    JsonNode sample(JsonNode schema, Random random, int depth) {
        JsonNode s = resolve(schema);
        if (s.has("allOf") && s.get("allOf").size() > 0) {
            return sample(s.get("allOf").get(0), random, depth);
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (s.has(choice) && s.get(choice).size() > 0) {
                return sample(s.get(choice).get(random.nextInt(s.get(choice).size())), random, depth);
            }
        }
        if (s.has("enum") && s.get("enum").size() > 0) {
            return s.get("enum").get(random.nextInt(s.get("enum").size()));
        }
        String type = type(s);
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    s.path("properties").fields().forEachRemaining(p -> {
                        if (!p.getValue().path("readOnly").asBoolean(false)) {
                            object.set(p.getKey(), sample(p.getValue(), random, depth + 1));
                        }
                    });
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int n = depth < 4 ? 1 + random.nextInt(2) : 0;
                for (int i = 0; i < n; i++) {
                    array.add(sample(s.path("items"), random, depth + 1));
                }
                return array;
            }
            case "integer" -> {
                long min = s.path("minimum").asLong(0);
                long max = s.path("maximum").asLong(min + 10);
                return NODES.numberNode(min + (long) (random.nextDouble() * (max - min + 1)));
            }
            case "number" -> {
                return NODES.numberNode(s.path("minimum").asDouble(0) + random.nextDouble());
            }
            case "boolean" -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            default -> {
                return NODES.textNode(text(s.path("format").asText(""), random));
            }
        }
    }

    private static String text(String format, Random random) {
        return switch (format) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date-time" -> "2026-11-" + (10 + random.nextInt(10)) + "T10:00:00Z";
            case "date" -> "2026-11-" + (10 + random.nextInt(10));
            case "email" -> "fuzz" + random.nextInt(1000) + "@example.com";
            case "duration" -> "PT" + (1 + random.nextInt(48)) + "H";
            default -> "fuzz-" + Integer.toString(random.nextInt(1 << 20), 36);
        };
    }

    /** The schema's type; OpenAPI 3.1 may list several, e.g. ["string", "null"]. */
    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : "string";
    }

    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
            String ref = current.get("$ref").asText();
            current = document.at(ref.substring(1)); // "#/components/schemas/X" -> "/components/schemas/X"
        }
        return current;
    }

    private static List<JsonNode> concat(JsonNode a, JsonNode b) {
        List<JsonNode> all = new ArrayList<>();
        a.forEach(all::add);
        b.forEach(all::add);
        return all;
    }
}
