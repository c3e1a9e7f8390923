package io.feedbackloop.notifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Imports point inward: the adapters (rest, messaging, mapping, and client, the email, SMS and
 * webhook senders) map between the contracts (api, events) and the domain (everything else), and
 * never the other way round. The domain reaches the senders through its own ChannelSender.
 */
class ArchitectureTest {

    private static final String SERVICE = "io.feedbackloop.notifier..";
    private static final String REST = "io.feedbackloop.notifier..rest..";
    private static final String MESSAGING = "io.feedbackloop.notifier..messaging..";
    private static final String MAPPING = "io.feedbackloop.notifier..mapping..";
    private static final String CLIENT = "io.feedbackloop.notifier..client..";
    private static final String API = "io.feedbackloop.notifier..api..";
    private static final String EVENTS = "io.feedbackloop.notifier..events..";
    private static final String[] OUTSIDE_THE_DOMAIN = {REST, MESSAGING, MAPPING, CLIENT, API, EVENTS};

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.feedbackloop.notifier");

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
