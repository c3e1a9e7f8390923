package io.feedbackloop.kit.privacy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Finds the personal fields of an event's JSON by path ({@code /customer/email},
 * {@code /themes/*}{@code /matched/*}: a {@code *} stands for every element of an array or every
 * field of an object) and replaces their text in place: sealed on the way out, opened on the way
 * in. Only text is personal here; numbers and labels stay readable for the metrics.
 */
public final class PersonalFields {

    private PersonalFields() {
    }

    /** Replaces the text at every path with {@code replace}'s answer (null becomes JSON null); returns how many. */
    public static int replaceAt(JsonNode root, List<String> paths, UnaryOperator<String> replace) {
        int replaced = 0;
        for (String path : paths) {
            String[] segments = path.startsWith("/") ? path.substring(1).split("/") : path.split("/");
            replaced += replace(root, segments, 0, replace);
        }
        return replaced;
    }

    /** Every sealed text anywhere in the document, depth first. */
    public static List<String> sealedValues(JsonNode root) {
        List<String> found = new ArrayList<>();
        collectSealed(root, found);
        return found;
    }

    /** Replaces every sealed text anywhere in the document with {@code open}'s answer (null becomes JSON null). */
    public static void openAll(JsonNode node, UnaryOperator<String> open) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<String> names = new ArrayList<>();
            fields.forEachRemaining(field -> names.add(field.getKey()));
            for (String name : names) {
                JsonNode child = object.get(name);
                if (child.isTextual() && FieldCipher.isSealed(child.textValue())) {
                    object.set(name, text(open.apply(child.textValue())));
                } else {
                    openAll(child, open);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode child = array.get(i);
                if (child.isTextual() && FieldCipher.isSealed(child.textValue())) {
                    array.set(i, text(open.apply(child.textValue())));
                } else {
                    openAll(child, open);
                }
            }
        }
    }

    private static int replace(JsonNode node, String[] segments, int depth, UnaryOperator<String> replace) {
        if (node == null || depth == segments.length) {
            return 0;
        }
        String segment = segments[depth];
        boolean last = depth == segments.length - 1;
        int replaced = 0;
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            if ("*".equals(segment)) {
                object.fieldNames().forEachRemaining(names::add);
            } else if (object.has(segment)) {
                names.add(segment);
            }
            for (String name : names) {
                JsonNode child = object.get(name);
                if (last) {
                    if (child.isTextual()) {
                        object.set(name, text(replace.apply(child.textValue())));
                        replaced++;
                    }
                } else {
                    replaced += replace(child, segments, depth + 1, replace);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (!"*".equals(segment) && !segment.equals(String.valueOf(i))) {
                    continue;
                }
                JsonNode child = array.get(i);
                if (last) {
                    if (child.isTextual()) {
                        array.set(i, text(replace.apply(child.textValue())));
                        replaced++;
                    }
                } else {
                    replaced += replace(child, segments, depth + 1, replace);
                }
            }
        }
        return replaced;
    }

    private static void collectSealed(JsonNode node, List<String> found) {
        if (node.isTextual() && FieldCipher.isSealed(node.textValue())) {
            found.add(node.textValue());
        }
        node.forEach(child -> collectSealed(child, found));
    }

    private static JsonNode text(String value) {
        return value == null ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.textNode(value);
    }
}
