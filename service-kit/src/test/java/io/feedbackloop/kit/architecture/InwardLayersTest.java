package io.feedbackloop.kit.architecture;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The rules read fixtures (test classes, so imported here without the tests-excluding option). */
class InwardLayersTest {

    private static final String FIXTURE = "io.feedbackloop.kit.architecture.fixture";

    private static JavaClasses imported(String name) {
        return new ClassFileImporter().importPackages(FIXTURE + "." + name);
    }

    @Test
    void acceptsAdaptersThatDependOnTheDomainAndTheContracts() {
        InwardLayers layers = InwardLayers.of(FIXTURE + ".inward");
        JavaClasses classes = imported("inward");
        assertDoesNotThrow(() -> layers.domainKnowsNeitherAdaptersNorContracts().check(classes));
        assertDoesNotThrow(() -> layers.contractsKnowNoAdapter().check(classes));
        assertDoesNotThrow(() -> layers.topLevelPackagesAreFreeOfCycles().check(classes));
    }

    @Test
    void refusesADomainClassThatReadsARestType() {
        AssertionError failure = assertThrows(AssertionError.class, () -> InwardLayers.of(FIXTURE + ".backward")
                .domainKnowsNeitherAdaptersNorContracts().check(imported("backward")));
        assertTrue(failure.getMessage().contains("backward.service.Greeter"), failure.getMessage());
    }

    @Test
    void refusesAContractThatReadsAnAdapter() {
        AssertionError failure = assertThrows(AssertionError.class, () -> InwardLayers.of(FIXTURE + ".contract")
                .contractsKnowNoAdapter().check(imported("contract")));
        assertTrue(failure.getMessage().contains("contract.api.View"), failure.getMessage());
    }

    @Test
    void refusesPackagesThatDependOnEachOtherInACircle() {
        assertThrows(AssertionError.class, () -> InwardLayers.of(FIXTURE + ".cycle")
                .topLevelPackagesAreFreeOfCycles().check(imported("cycle")));
    }

    @Test
    void anAdapterPackageAServiceAddsIsOutOfTheDomainsReach() {
        JavaClasses classes = imported("sender");
        InwardLayers layers = InwardLayers.of(FIXTURE + ".sender");
        assertDoesNotThrow(() -> layers.domainKnowsNeitherAdaptersNorContracts().check(classes));
        assertThrows(AssertionError.class,
                () -> layers.withAdapters("client").domainKnowsNeitherAdaptersNorContracts().check(classes));
    }
}
