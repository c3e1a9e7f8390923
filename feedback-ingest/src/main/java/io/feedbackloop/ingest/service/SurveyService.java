package io.feedbackloop.ingest.service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;

import io.feedbackloop.ingest.model.NewSurvey;
import io.feedbackloop.ingest.repository.Survey;
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

    /**
     * How a survey is answered.
     *
     * @param invited   customers asked (reminders not counted)
     * @param reminders reminders sent
     * @param skipped   invitations a rule decided against
     * @param answered  invitations answered by at least one feedback (an answer to a reminder counts
     *                  for its original invitation)
     */
    public record Stats(String surveyId, long invited, long reminders, long skipped, long answered) {

        /** answered / invited; null while nobody was invited. */
        public Double responseRate() {
            return invited == 0 ? null : (double) answered / invited;
        }
    }

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    /** Creates a survey; its id is for good, so a second definition under the same id is a conflict. */
    public Survey create(NewSurvey definition) {
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
        survey.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        survey.persist();
        try {
            // a concurrent request with the same id commits first: answer it as the conflict it is
            entityManager.flush();
        } catch (PersistenceException e) {
            throw exists(definition.id());
        }
        return survey;
    }

    public List<Survey> list() {
        return Survey.listAll(Sort.by("createdAt").and("id"));
    }

    public Survey find(String id) {
        return existing(id);
    }

    /**
     * Counts over this service's own tables: the invitations of the survey, and the feedback that
     * names one of them as the invitation it answers. An answer to a reminder counts for the
     * original invitation, and an invitation answered twice counts once.
     */
    public Stats stats(String id) {
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
        return new Stats(id, ((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(), ((Number) row[3]).longValue());
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
}
