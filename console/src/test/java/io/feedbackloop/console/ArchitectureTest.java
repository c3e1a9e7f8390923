package io.feedbackloop.console;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.Test;

/**
 * Pages (web) use the session and the services' APIs (backend); neither of those knows a page.
 * And the console holds no data of its own: no JDBC, no Kafka.
 */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.feedbackloop.console");

    @Test
    void layersPointInward() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("web").definedBy("io.feedbackloop.console.web..")
                .layer("session").definedBy("io.feedbackloop.console.session..")
                .layer("backend").definedBy("io.feedbackloop.console.backend..")
                .layer("i18n").definedBy("io.feedbackloop.console.i18n..")
                .whereLayer("web").mayNotBeAccessedByAnyLayer()
                .whereLayer("session").mayOnlyBeAccessedByLayers("web")
                .whereLayer("backend").mayOnlyBeAccessedByLayers("web", "session")
                .check(CLASSES);
    }

    /** Every page says who may open it; the configuration refuses any that does not. */
    @Test
    void everyPageDeclaresWhoMayOpenIt() {
        ArchRuleDefinition.methods().that().areAnnotatedWith(jakarta.ws.rs.GET.class)
                .or().areAnnotatedWith(jakarta.ws.rs.POST.class)
                .should().beAnnotatedWith(jakarta.annotation.security.RolesAllowed.class)
                .orShould().beAnnotatedWith(jakarta.annotation.security.PermitAll.class)
                .orShould().beDeclaredInClassesThat().areAnnotatedWith(jakarta.annotation.security.RolesAllowed.class)
                .check(CLASSES);
    }

    @Test
    void theConsoleTouchesNoDatabaseAndNoTopic() {
        ArchRuleDefinition.noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..",
                "org.apache.kafka..", "jakarta.persistence..").check(CLASSES);
    }
}
