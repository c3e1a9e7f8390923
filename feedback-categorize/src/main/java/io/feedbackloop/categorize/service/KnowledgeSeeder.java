package io.feedbackloop.categorize.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Installs the shipped taxonomy and lexicons as version 1 of a new database. Several replicas
 * may start at once: the insert is a no-op for all but one.
 */
@ApplicationScoped
public class KnowledgeSeeder {

    static final String DEFAULT_KNOWLEDGE = "/knowledge/default-knowledge.json";

    @Inject
    EntityManager entityManager;

    @Inject
    CategorizerRegistry registry;

    @Inject
    Clock clock;

    void seed(@Observes StartupEvent started) {
        QuarkusTransaction.requiringNew().run(this::insertDefault);
        registry.refresh();
    }

    private void insertDefault() {
        entityManager.createNativeQuery("""
                        INSERT INTO knowledge_version (version, document, created_at, created_by, comment)
                        VALUES (1, CAST(?1 AS jsonb), ?2, 'feedback-categorize', 'shipped default taxonomy and lexicons')
                        ON CONFLICT (version) DO NOTHING""")
                .setParameter(1, defaultDocument())
                .setParameter(2, clock.instant())
                .executeUpdate();
    }

    static String defaultDocument() {
        try (InputStream in = KnowledgeSeeder.class.getResourceAsStream(DEFAULT_KNOWLEDGE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
