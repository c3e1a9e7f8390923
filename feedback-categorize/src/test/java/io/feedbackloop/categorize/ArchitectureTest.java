package io.feedbackloop.categorize;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point inward: the adapters ({@code rest}, {@code messaging}, {@code mapping}) know
 * the contract ({@code api}, {@code events}) and the domain; the domain knows neither, so a change
 * of a JSON field or a topic never reaches a service, and the categorizer ({@code text}) runs
 * without any framework at all. A feature package ({@code metrics}) follows the same rules inside.
 */
class ArchitectureTest {

    private static final String SERVICE = "io.feedbackloop.categorize..";
    private static final String[] ADAPTERS_AND_CONTRACT = {"io.feedbackloop.categorize..rest..",
            "io.feedbackloop.categorize..messaging..", "io.feedbackloop.categorize..api..",
            "io.feedbackloop.categorize..events..", "io.feedbackloop.categorize..mapping.."};
    private static final String[] ADAPTERS = {"io.feedbackloop.categorize..rest..",
            "io.feedbackloop.categorize..messaging.."};
    private static final String[] CONTRACT = {"io.feedbackloop.categorize..api..",
            "io.feedbackloop.categorize..events.."};
    private static final String TEXT = "io.feedbackloop.categorize.text..";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.feedbackloop.categorize");
    }

    @Test
    void theDomainKnowsNeitherAdaptersNorContract() {
        noClasses().that(resideInAPackage(SERVICE).and(not(resideInAnyPackage(ADAPTERS_AND_CONTRACT))))
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS_AND_CONTRACT)
                .check(classes);
    }

    @Test
    void theContractKnowsNoAdapter() {
        noClasses().that().resideInAnyPackage(CONTRACT)
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
                .check(classes);
    }

    @Test
    void theCategorizerUsesNoFramework() {
        noClasses().that().resideInAPackage(TEXT)
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "org.hibernate..")
                .check(classes);
    }

    @Test
    void theCategorizerKnowsNothingElseOfTheService() {
        noClasses().that().resideInAPackage(TEXT)
                .should().dependOnClassesThat(resideInAPackage(SERVICE).and(not(resideInAPackage(TEXT))))
                .check(classes);
    }
}
