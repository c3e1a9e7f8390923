package io.feedbackloop.console.backend;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A query string built from optional values: blank ones are left out, every value is encoded. */
public final class Query {

    private final List<String> pairs = new ArrayList<>();

    public static Query of() {
        return new Query();
    }

    public Query with(String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            pairs.add(encode(name) + "=" + encode(value.toString().trim()));
        }
        return this;
    }

    /** Each value as its own repetition of the parameter. */
    public Query withEach(String name, List<String> values) {
        if (values != null) {
            values.forEach(v -> with(name, v));
        }
        return this;
    }

    public boolean isEmpty() {
        return pairs.isEmpty();
    }

    @Override
    public String toString() {
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
