package io.feedbackloop.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Imports point inward: the adapters (rest, messaging, mapping) map between the contracts (api,
 * events) and the domain (everything else), and never the other way round.
 */
class ArchitectureTest {

    private static final String SERVICE = "io.feedbackloop.ingest..";
    private static final String REST = "io.feedbackloop.ingest..rest..";
    private static final String MESSAGING = "io.feedbackloop.ingest..messaging..";
    private static final String MAPPING = "io.feedbackloop.ingest..mapping..";
    private static final String API = "io.feedbackloop.ingest..api..";
    private static final String EVENTS = "io.feedbackloop.ingest..events..";
    private static final String[] OUTSIDE_THE_DOMAIN = {REST, MESSAGING, MAPPING, API, EVENTS};

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.feedbackloop.ingest");

    @Test
    void theDomainKnowsNeitherTheAdaptersNorTheContracts() {
        noClasses().that().resideInAPackage(SERVICE).and().resideOutsideOfPackages(OUTSIDE_THE_DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(OUTSIDE_THE_DOMAIN)
                .check(CLASSES);
    }

    @Test
    void theContractsKnowNoResourceAndNoConsumer() {
        noClasses().that().resideInAnyPackage(API, EVENTS)
                .should().dependOnClassesThat().resideInAnyPackage(REST, MESSAGING)
                .check(CLASSES);
    }
}
