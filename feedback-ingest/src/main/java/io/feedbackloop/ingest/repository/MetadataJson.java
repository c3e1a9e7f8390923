package io.feedbackloop.ingest.repository;

import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A feedback's free-form metadata is stored as JSON text in {@link Feedback#metadata}. */
@ApplicationScoped
public class MetadataJson {

    private static final TypeReference<Map<String, Object>> METADATA = new TypeReference<>() {
    };

    @Inject
    ObjectMapper json;

    public String write(Map<String, Object> metadata) {
        try {
            return metadata == null || metadata.isEmpty() ? null : json.writeValueAsString(metadata);
        } catch (Exception e) {
            throw new IllegalArgumentException("metadata is not serialisable", e);
        }
    }

    public Map<String, Object> read(String stored) {
        try {
            return stored == null ? null : json.readValue(stored, METADATA);
        } catch (Exception e) {
            throw new IllegalStateException("stored metadata is not JSON", e);
        }
    }
}
