package io.feedbackloop.kit.listing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.persistence.Query;

/**
 * The {@code WHERE} clause of a filtered listing, built from the filters a request set: each
 * condition with its named parameters, values always bound, never concatenated into the text.
 * Works for JPQL and native SQL alike.
 */
public final class SqlConditions {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** A condition that always applies; its parameters, if any, follow with {@link #parameter}. */
    public SqlConditions add(String clause) {
        if (clause == null || clause.isBlank()) {
            throw new IllegalArgumentException("an empty condition");
        }
        clauses.add(clause);
        return this;
    }

    /** A condition with one parameter that always applies (a null value is bound as null). */
    public SqlConditions add(String clause, String parameter, Object value) {
        return add(clause).parameter(parameter, value);
    }

    /** The condition only if the filter is set: null, or an empty collection, means "any". */
    public SqlConditions addIfPresent(String clause, String parameter, Object value) {
        if (value == null || value instanceof Collection<?> collection && collection.isEmpty()) {
            return this;
        }
        return add(clause, parameter, value);
    }

    /** A further parameter of a condition already added (one that names several). */
    public SqlConditions parameter(String name, Object value) {
        Pattern named = Pattern.compile(":" + Pattern.quote(name) + "(?![A-Za-z0-9_])");
        if (clauses.stream().noneMatch(clause -> named.matcher(clause).find())) {
            throw new IllegalArgumentException("no condition names the parameter :" + name);
        }
        if (parameters.containsKey(name)) {
            throw new IllegalArgumentException("the parameter :" + name + " is bound already");
        }
        parameters.put(name, value);
        return this;
    }

    /** {@code " WHERE a AND b"}, or an empty string when no filter is set. */
    public String where() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    public Map<String, Object> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    /** Binds every parameter to the query built from {@link #where()}. */
    public <Q extends Query> Q bind(Q query) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
