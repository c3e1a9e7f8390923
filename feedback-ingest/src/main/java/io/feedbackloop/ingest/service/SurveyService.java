package io.feedbackloop.ingest.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import io.feedbackloop.ingest.repository.Survey;
import io.feedbackloop.ingest.rest.SurveyDefinition;
import io.feedbackloop.ingest.rest.SurveyStats;
import io.feedbackloop.ingest.rest.SurveyView;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

/** Defines the surveys we ask customers to answer, and tells how well each is answered. */
@ApplicationScoped
@Transactional
public class SurveyService {

    @Inject
    EntityManager entityManager;

    /** Creates a survey; its id is for good, so a second definition under the same id is a conflict. */
    public SurveyView create(SurveyDefinition definition) {
        if (Survey.findById(definition.id()) != null) {
            throw exists(definition.id());
        }
        Survey survey = new Survey();
        survey.id = definition.id();
        survey.name = definition.name().trim();
        survey.metric = definition.metric().wireName();
        survey.channel = definition.channel().wireName();
        // the order is kept (it is the admin's), a repeated touchpoint is not
        survey.touchpoints = definition.touchpoints() == null ? new String[0]
                : new LinkedHashSet<>(definition.touchpoints()).toArray(String[]::new);
        survey.contactFrequencyDays = definition.contactFrequencyDays();
        // the database keeps microseconds: answer with the instant as it is stored
        survey.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        survey.persist();
        try {
            // a concurrent request with the same id commits first: answer it as the conflict it is
            entityManager.flush();
        } catch (PersistenceException e) {
            throw exists(definition.id());
        }
        return view(survey);
    }

    public List<SurveyView> list() {
        return Survey.<Survey>listAll(Sort.by("createdAt").and("id")).stream().map(SurveyService::view).toList();
    }

    public SurveyView find(String id) {
        return view(existing(id));
    }

    /**
     * Counts over this service's own tables: the invitations of the survey, and the feedback that
     * names one of them as the invitation it answers. An answer to a reminder counts for the
     * original invitation, and an invitation answered twice counts once.
     */
    public SurveyStats stats(String id) {
        existing(id);
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                WITH of_survey AS (SELECT id, status, reminder_of FROM invitation WHERE survey_id = ?1)
                SELECT count(*) FILTER (WHERE status = 'invited' AND reminder_of IS NULL),
                       count(*) FILTER (WHERE reminder_of IS NOT NULL),
                       count(*) FILTER (WHERE status = 'skipped'),
                       (SELECT count(DISTINCT coalesce(i.reminder_of, i.id))
                          FROM of_survey i JOIN feedback f ON f.invitation_id = i.id
                         WHERE i.status = 'invited')
                  FROM of_survey""").setParameter(1, id).getSingleResult();
        long invited = ((Number) row[0]).longValue();
        long answered = ((Number) row[3]).longValue();
        return new SurveyStats(id, invited, ((Number) row[1]).longValue(), ((Number) row[2]).longValue(), answered,
                invited == 0 ? null : (double) answered / invited);
    }

    private static Survey existing(String id) {
        Survey survey = Survey.findById(id);
        if (survey == null) {
            throw ProblemException.notFound("survey", id);
        }
        return survey;
    }

    private static ProblemException exists(String id) {
        return new ProblemException(Problem.of(409, "survey-exists", "Conflict",
                "survey '" + id + "' already exists; a survey id is never reused"));
    }

    static SurveyView view(Survey survey) {
        return new SurveyView(survey.id, survey.name, survey.metric, survey.channel,
                survey.touchpoints == null ? List.of() : Arrays.asList(survey.touchpoints), survey.contactFrequencyDays,
                survey.createdAt);
    }
}
