package io.feedbackloop.categorize.service;

import io.feedbackloop.categorize.model.KnowledgeVersion;
import io.feedbackloop.categorize.model.TrainedModelRecord;
import io.feedbackloop.categorize.text.CompiledKnowledge;
import io.feedbackloop.categorize.text.LearnedModel;
import io.feedbackloop.categorize.text.TextAnalyzer;
import io.feedbackloop.categorize.text.TextCategorizer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The categorizer in force: the newest knowledge version and the newest trained model. Another
 * replica's edit is picked up within the refresh interval; this replica's own edits at once.
 */
@ApplicationScoped
public class CategorizerRegistry {

    private static final Logger LOG = Logger.getLogger(CategorizerRegistry.class);

    private final TextAnalyzer analyzer = new TextAnalyzer();
    private volatile TextCategorizer current;
    /** The last categorizer compiled for a replay of versions no longer in force. */
    private volatile TextCategorizer pinned;

    public TextCategorizer current() {
        TextCategorizer categorizer = current;
        if (categorizer == null) {
            refresh();
            categorizer = current;
        }
        return categorizer;
    }

    @Scheduled(every = "${categorizer.refresh-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refreshFromDatabase() {
        refresh();
    }

    /** Loads a newer knowledge version or model if there is one. */
    public synchronized void refresh() {
        QuarkusTransaction.requiringNew().run(() -> {
            Integer knowledgeVersion = KnowledgeVersion.latestVersion();
            Integer modelVersion = TrainedModelRecord.latestVersion();
            TextCategorizer categorizer = current;
            if (knowledgeVersion == null) {
                return;   // not seeded yet
            }
            boolean knowledgeChanged = categorizer == null || categorizer.knowledge().version() != knowledgeVersion;
            boolean modelChanged = modelVersion != null
                    && (categorizer == null || categorizer.model() == null || categorizer.model().version() != modelVersion);
            if (!knowledgeChanged && !modelChanged) {
                return;
            }
            CompiledKnowledge knowledge = knowledgeChanged
                    ? new CompiledKnowledge(KnowledgeVersion.<KnowledgeVersion>findById(knowledgeVersion).document,
                    knowledgeVersion, analyzer)
                    : categorizer.knowledge();
            LearnedModel model = categorizer == null ? null : categorizer.model();
            if (modelChanged) {
                TrainedModelRecord record = TrainedModelRecord.findById(modelVersion);
                model = new LearnedModel(record.version, record.parameters);
            }
            current = new TextCategorizer(knowledge, model);
            LOG.infof("categorizer in force: knowledge version %d, model version %s", knowledgeVersion,
                    model == null ? "none" : model.version());
        });
    }

    /**
     * The categorizer of exactly these versions (a replay job keeps the versions it was started
     * with, even if the taxonomy changes while it runs): the one in force when it matches, else
     * compiled from the stored versions.
     */
    public TextCategorizer forVersions(int knowledgeVersion, Integer modelVersion) {
        TextCategorizer inForce = current();
        if (inForce.knowledge().version() == knowledgeVersion && java.util.Objects.equals(modelVersion,
                inForce.model() == null ? null : inForce.model().version())) {
            return inForce;
        }
        TextCategorizer pinned = this.pinned;
        if (pinned != null && pinned.knowledge().version() == knowledgeVersion && java.util.Objects.equals(modelVersion,
                pinned.model() == null ? null : pinned.model().version())) {
            return pinned;
        }
        KnowledgeVersion knowledge = KnowledgeVersion.findById(knowledgeVersion);
        TrainedModelRecord model = modelVersion == null ? null : TrainedModelRecord.findById(modelVersion);
        pinned = new TextCategorizer(new CompiledKnowledge(knowledge.document, knowledgeVersion, analyzer),
                model == null ? null : new LearnedModel(model.version, model.parameters));
        this.pinned = pinned;
        return pinned;
    }

    public TextAnalyzer analyzer() {
        return analyzer;
    }
}
