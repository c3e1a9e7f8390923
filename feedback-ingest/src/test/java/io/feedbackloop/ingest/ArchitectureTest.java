package io.feedbackloop.ingest;

import io.feedbackloop.kit.architecture.InwardLayers;
import org.junit.jupiter.api.Test;

/** Imports point inward and packages form no circle: the rules every service keeps (see InwardLayers). */
class ArchitectureTest {

    private static final InwardLayers LAYERS = InwardLayers.of("io.feedbackloop.ingest");

    @Test
    void theDomainKnowsNeitherAdaptersNorContracts() {
        LAYERS.domainKnowsNeitherAdaptersNorContracts().check(LAYERS.classes());
    }

    @Test
    void theContractsKnowNoAdapter() {
        LAYERS.contractsKnowNoAdapter().check(LAYERS.classes());
    }

    @Test
    void theTopLevelPackagesFormNoCircle() {
        LAYERS.topLevelPackagesAreFreeOfCycles().check(LAYERS.classes());
    }
}
