package io.feedbackloop.ingest.api;

/** The shapes of survey ids and touchpoints, shared by the survey and invitation requests. */
final class Surveys {

    static final String ID_PATTERN = "^[a-z0-9][a-z0-9-]{1,62}$";
    static final String ID_MESSAGE = "must be 2 to 63 lower-case letters, digits or '-', not starting with '-'";
    /** The same vocabulary as a feedback's touchpoint, so that answers and invitations line up. */
    static final String TOUCHPOINT_PATTERN = "^[a-z0-9][a-z0-9._-]*$";
    static final String TOUCHPOINT_MESSAGE = "must be lower-case letters, digits, '.', '_' or '-'";

    private Surveys() {
    }
}
