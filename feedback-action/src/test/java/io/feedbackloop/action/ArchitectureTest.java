package io.feedbackloop.action;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Layers point inward: a feature's domain (its package) knows nothing of how it is reached, neither
 * the HTTP contract ({@code api}) and its resources ({@code rest}) nor the event contract
 * ({@code events}) and the Kafka side ({@code messaging}); contracts know nothing of adapters; and
 * features do not depend on each other in a circle.
 */
class ArchitectureTest {

    private static final String[] ADAPTERS_AND_CONTRACTS = {"io.feedbackloop.action..rest..",
            "io.feedbackloop.action..messaging..", "io.feedbackloop.action..api..",
            "io.feedbackloop.action..events..", "io.feedbackloop.action..mapping.."};

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.feedbackloop.action");

    @Test
    void theDomainNeverDependsOnAdaptersOrContracts() {
        noClasses().that().resideOutsideOfPackages(ADAPTERS_AND_CONTRACTS)
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS_AND_CONTRACTS)
                .check(CLASSES);
    }

    @Test
    void contractsNeverDependOnAdapters() {
        noClasses().that().resideInAnyPackage("io.feedbackloop.action..api..", "io.feedbackloop.action..events..")
                .should().dependOnClassesThat().resideInAnyPackage("io.feedbackloop.action..rest..",
                        "io.feedbackloop.action..messaging..")
                .check(CLASSES);
    }

    @Test
    void featuresAreFreeOfCycles() {
        slices().matching("io.feedbackloop.action.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
