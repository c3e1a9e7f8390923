package io.feedbackloop.categorize.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.feedbackloop.categorize.model.KnowledgeEdit;
import io.feedbackloop.categorize.model.KnowledgeVersion;
import io.feedbackloop.categorize.text.KnowledgeDocument;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Versioned edits of the taxonomy and lexicons. Every change, whole or one theme, writes a new
 * immutable version, so what categorized a feedback can always be looked up and an edit can be
 * undone by re-publishing an older version.
 */
@ApplicationScoped
@Transactional
public class KnowledgeService {

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    public KnowledgeVersion current() {
        return KnowledgeVersion.latest();
    }

    public KnowledgeVersion version(int version) {
        KnowledgeVersion found = KnowledgeVersion.findById(version);
        if (found == null) {
            throw ProblemException.notFound("knowledge version", version);
        }
        return found;
    }

    /** Newest first. */
    public List<KnowledgeVersion> versions() {
        return KnowledgeVersion.listAll(Sort.descending("version"));
    }

    public KnowledgeVersion replace(KnowledgeDocument document, KnowledgeEdit edit) {
        KnowledgeValidator.check(document);
        return publish(document, edit.basedOnVersion(), edit.changedBy(), edit.comment());
    }

    /**
     * Adds or replaces the theme at {@code path} (delivery/pickup-point).
     *
     * @param children null keeps the existing theme's children
     */
    public KnowledgeVersion putTheme(String path, Map<String, String> label, Map<String, List<String>> terms,
                                     List<KnowledgeDocument.Theme> children, KnowledgeEdit edit) {
        String[] ids = path.split("/");
        KnowledgeVersion latest = KnowledgeVersion.latest();
        List<KnowledgeDocument.Theme> themes = new ArrayList<>(latest.document.themes());
        KnowledgeDocument.Theme existing = find(themes, ids, 0);
        if (ids.length > 1 && find(themes, java.util.Arrays.copyOf(ids, ids.length - 1), 0) == null) {
            throw new ProblemException(Problem.of(404, "not-found", "parent theme not found",
                    "create theme " + path.substring(0, path.lastIndexOf('/')) + " first"));
        }
        List<KnowledgeDocument.Theme> keptChildren = children != null ? children
                : existing == null ? List.of() : existing.childrenOrEmpty();
        KnowledgeDocument.Theme theme = new KnowledgeDocument.Theme(ids[ids.length - 1], label, terms, keptChildren);
        KnowledgeValidator.checkTheme("theme", theme, ids.length);
        KnowledgeDocument document = new KnowledgeDocument(replace(themes, ids, 0, theme), latest.document.lexicons());
        KnowledgeValidator.check(document);
        return publish(document, edit.basedOnVersion(), edit.changedBy(),
                edit.comment() != null ? edit.comment() : (existing == null ? "added theme " : "changed theme ") + path);
    }

    public KnowledgeVersion deleteTheme(String path, String changedBy) {
        String[] ids = path.split("/");
        KnowledgeVersion latest = KnowledgeVersion.latest();
        if (find(latest.document.themes(), ids, 0) == null) {
            throw ProblemException.notFound("theme", path);
        }
        KnowledgeDocument document = new KnowledgeDocument(replace(latest.document.themes(), ids, 0, null),
                latest.document.lexicons());
        KnowledgeValidator.check(document);
        return publish(document, null, changedBy, "removed theme " + path);
    }

    public KnowledgeVersion putLexicon(String name, Map<String, List<String>> terms, KnowledgeEdit edit) {
        KnowledgeValidator.checkLexicon(name, terms);
        KnowledgeVersion latest = KnowledgeVersion.latest();
        Map<String, Map<String, List<String>>> lexicons = new LinkedHashMap<>(latest.document.lexicons());
        lexicons.put(name, terms);
        return publish(new KnowledgeDocument(latest.document.themes(), lexicons), edit.basedOnVersion(),
                edit.changedBy(), edit.comment() != null ? edit.comment() : "changed lexicon " + name);
    }

    private KnowledgeVersion publish(KnowledgeDocument document, Integer basedOn, String changedBy, String comment) {
        // one edit at a time, across replicas: the version number is the lock
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('knowledge_version'))").getSingleResult();
        Integer latest = KnowledgeVersion.latestVersion();
        if (basedOn != null && !basedOn.equals(latest)) {
            throw new ProblemException(Problem.of(409, "stale-version", "The knowledge changed since you read it",
                    "the edit is based on version " + basedOn + " but version " + latest
                            + " is in force; read it and apply your change again"));
        }
        KnowledgeVersion version = new KnowledgeVersion();
        version.version = latest + 1;
        version.document = document;
        version.createdAt = clock.instant();
        version.createdBy = changedBy;
        version.comment = comment;
        version.persist();
        return version;
    }

    private static KnowledgeDocument.Theme find(List<KnowledgeDocument.Theme> themes, String[] ids, int depth) {
        for (KnowledgeDocument.Theme theme : themes) {
            if (theme.id().equals(ids[depth])) {
                return depth == ids.length - 1 ? theme : find(theme.childrenOrEmpty(), ids, depth + 1);
            }
        }
        return null;
    }

    /** The tree with the node at {@code ids} replaced by {@code replacement} (added if absent, removed if null). */
    private static List<KnowledgeDocument.Theme> replace(List<KnowledgeDocument.Theme> themes, String[] ids, int depth,
                                                         KnowledgeDocument.Theme replacement) {
        List<KnowledgeDocument.Theme> result = new ArrayList<>();
        boolean found = false;
        for (KnowledgeDocument.Theme theme : themes) {
            if (!theme.id().equals(ids[depth])) {
                result.add(theme);
            } else if (depth == ids.length - 1) {
                found = true;
                if (replacement != null) {
                    result.add(replacement);
                }
            } else {
                found = true;
                result.add(new KnowledgeDocument.Theme(theme.id(), theme.label(), theme.terms(),
                        replace(theme.childrenOrEmpty(), ids, depth + 1, replacement)));
            }
        }
        if (!found && depth == ids.length - 1 && replacement != null) {
            result.add(replacement);
        }
        return result;
    }
}
