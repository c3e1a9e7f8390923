package io.feedbackloop.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** What an operator decides about the front door: how often customers are asked, request sizes. */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    /**
     * A customer asked (invited to any survey) within this many days is not asked again; 0 means
     * no limit. A survey's own {@code contactFrequencyDays} overrides it.
     */
    @WithDefault("30")
    int contactFrequencyDays();

    /** The largest body a single REST request may have; the streamed import is not bound by it. */
    @WithDefault("65536")
    long maxRequestBytes();

    @WithName("import")
    Import imports();

    interface Import {
        /** Rows stored per transaction by a bulk import. */
        @WithDefault("200")
        int batchSize();
    }
}
