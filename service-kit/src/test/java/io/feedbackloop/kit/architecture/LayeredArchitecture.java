package io.feedbackloop.kit.architecture;

import org.junit.jupiter.api.Test;

/**
 * The {@link InwardLayers} rules as tests: a service's ArchitectureTest extends this, names its
 * layers, and adds the rules of its own (categorize: the categorizer uses no framework).
 */
public abstract class LayeredArchitecture {

    /** The service's layers, e.g. {@code InwardLayers.of("io.feedbackloop.ingest")}; kept in a constant. */
    protected abstract InwardLayers layers();

    @Test
    void theDomainKnowsNeitherAdaptersNorContracts() {
        layers().domainKnowsNeitherAdaptersNorContracts().check(layers().classes());
    }

    @Test
    void theContractsKnowNoAdapter() {
        layers().contractsKnowNoAdapter().check(layers().classes());
    }

    @Test
    void theTopLevelPackagesFormNoCircle() {
        layers().topLevelPackagesAreFreeOfCycles().check(layers().classes());
    }
}
