package io.feedbackloop.action;

import io.feedbackloop.kit.architecture.InwardLayers;
import org.junit.jupiter.api.Test;

/** Imports point inward and packages form no circle (see InwardLayers): inside each feature (cases, rules, sla…) as in the service as a whole. */
class ArchitectureTest {

    private static final InwardLayers LAYERS = InwardLayers.of("io.feedbackloop.action");

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
