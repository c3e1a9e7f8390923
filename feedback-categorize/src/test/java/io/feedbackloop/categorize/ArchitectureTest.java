package io.feedbackloop.categorize;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import io.feedbackloop.kit.architecture.InwardLayers;
import io.feedbackloop.kit.architecture.LayeredArchitecture;
import org.junit.jupiter.api.Test;

/**
 * Imports point inward and packages form no circle (see InwardLayers), so a change of a JSON field
 * or a topic never reaches the domain; and the categorizer ({@code text}) runs without any
 * framework at all, knowing nothing else of the service.
 */
class ArchitectureTest extends LayeredArchitecture {

    private static final String SERVICE = "io.feedbackloop.categorize..";
    private static final String TEXT = "io.feedbackloop.categorize.text..";
    private static final InwardLayers LAYERS = InwardLayers.of("io.feedbackloop.categorize");

    @Override
    protected InwardLayers layers() {
        return LAYERS;
    }

    @Test
    void theCategorizerUsesNoFramework() {
        noClasses().that().resideInAPackage(TEXT)
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "org.hibernate..")
                .check(LAYERS.classes());
    }

    @Test
    void theCategorizerKnowsNothingElseOfTheService() {
        noClasses().that().resideInAPackage(TEXT)
                .should().dependOnClassesThat(resideInAPackage(SERVICE).and(not(resideInAPackage(TEXT))))
                .check(LAYERS.classes());
    }
}
