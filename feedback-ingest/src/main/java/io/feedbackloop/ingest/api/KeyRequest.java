package io.feedbackloop.ingest.api;

import jakarta.validation.constraints.Size;

/** Optional body of a request for a channel's API key. */
public record KeyRequest(@Size(max = 100) String label) {
}
