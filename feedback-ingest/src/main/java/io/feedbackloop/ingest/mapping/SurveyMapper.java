package io.feedbackloop.ingest.mapping;

import java.util.Arrays;
import java.util.List;

import io.feedbackloop.ingest.api.SurveyDefinition;
import io.feedbackloop.ingest.api.SurveyStats;
import io.feedbackloop.ingest.api.SurveyView;
import io.feedbackloop.ingest.model.NewSurvey;
import io.feedbackloop.ingest.repository.Survey;
import io.feedbackloop.ingest.service.SurveyService;

/** Surveys as the admin API defines and shows them. */
public final class SurveyMapper {

    private SurveyMapper() {
    }

    public static NewSurvey toNewSurvey(SurveyDefinition d) {
        return new NewSurvey(d.id(), d.name(), d.metric(), d.channel(), d.touchpoints(), d.contactFrequencyDays());
    }

    public static SurveyView toView(Survey survey) {
        return new SurveyView(survey.id, survey.name, survey.metric, survey.channel,
                survey.touchpoints == null ? List.of() : Arrays.asList(survey.touchpoints), survey.contactFrequencyDays,
                survey.createdAt);
    }

    public static SurveyStats toStats(SurveyService.Stats stats) {
        return new SurveyStats(stats.surveyId(), stats.invited(), stats.reminders(), stats.skipped(), stats.answered(),
                stats.responseRate());
    }
}
