package io.feedbackloop.console.backend;

/** The four services the console calls. */
public enum Service {
    INGEST, CATEGORIZE, ACTION, NOTIFIER
}
