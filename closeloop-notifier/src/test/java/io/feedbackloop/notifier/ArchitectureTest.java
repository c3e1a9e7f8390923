package io.feedbackloop.notifier;

import io.feedbackloop.kit.architecture.InwardLayers;
import org.junit.jupiter.api.Test;

/** Imports point inward and packages form no circle (see InwardLayers); the email, SMS and webhook senders (client) are adapters too: the domain reaches them through its own ChannelSender. */
class ArchitectureTest {

    private static final InwardLayers LAYERS = InwardLayers.of("io.feedbackloop.notifier").withAdapters("client");

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
