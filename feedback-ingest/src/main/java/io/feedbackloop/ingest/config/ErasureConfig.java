package io.feedbackloop.ingest.config;

import java.util.List;

import io.smallrye.config.ConfigMapping;

/** The erasure protocol as this installation runs it. */
@ConfigMapping(prefix = "erasure")
public interface ErasureConfig {

    /** Every service that keeps personal data, this one included: an erasure is complete when all confirmed. */
    List<String> services();
}
