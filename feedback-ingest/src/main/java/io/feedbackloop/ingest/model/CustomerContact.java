package io.feedbackloop.ingest.model;

/** The customer a feedback or an invitation is about, and how to reach them. */
public record CustomerContact(String id, String email, String phone, String name, String segment, String locale) {
}
