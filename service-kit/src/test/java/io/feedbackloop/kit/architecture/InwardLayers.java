package io.feedbackloop.kit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The import rules every service keeps, written once: the adapters ({@code rest}, {@code messaging},
 * {@code mapping}, and any a service adds, such as the notifier's {@code client}) map between the
 * contracts ({@code api}, {@code events}) and the domain (everything else), never the other way
 * round; and the top-level packages (features, layers) do not depend on each other in a circle.
 * Each rule applies at any depth, so a feature package ({@code cases.rest}) follows it inside.
 */
public final class InwardLayers {

    private static final List<String> ADAPTERS = List.of("rest", "messaging", "mapping");
    private static final List<String> CONTRACTS = List.of("api", "events");

    private final String basePackage;
    private final List<String> adapters;
    private JavaClasses classes;

    private InwardLayers(String basePackage, List<String> adapters) {
        this.basePackage = basePackage;
        this.adapters = adapters;
    }

    /** The rules for the main classes under {@code basePackage}, e.g. {@code io.feedbackloop.ingest}. */
    public static InwardLayers of(String basePackage) {
        return new InwardLayers(basePackage, ADAPTERS);
    }

    /** Further adapter packages of this service (simple names, at any depth). */
    public InwardLayers withAdapters(String... packageNames) {
        List<String> all = new ArrayList<>(adapters);
        all.addAll(List.of(packageNames));
        return new InwardLayers(basePackage, List.copyOf(all));
    }

    /** The service's main classes, imported once per instance (tests excluded). */
    public synchronized JavaClasses classes() {
        if (classes == null) {
            classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages(basePackage);
        }
        return classes;
    }

    public ArchRule domainKnowsNeitherAdaptersNorContracts() {
        String[] outside = packages(adapters, CONTRACTS);
        return noClasses().that().resideInAPackage(basePackage + "..").and().resideOutsideOfPackages(outside)
                .should().dependOnClassesThat().resideInAnyPackage(outside)
                .because("the domain is reached through adapters and must not change with a JSON field or a topic");
    }

    public ArchRule contractsKnowNoAdapter() {
        return noClasses().that().resideInAnyPackage(packages(CONTRACTS))
                .should().dependOnClassesThat().resideInAnyPackage(packages(adapters))
                .because("a contract is what clients see; how a service serves it is its own business");
    }

    public ArchRule topLevelPackagesAreFreeOfCycles() {
        return slices().matching(basePackage + ".(*)..").should().beFreeOfCycles();
    }

    @SafeVarargs
    private String[] packages(List<String>... names) {
        List<String> identifiers = new ArrayList<>();
        for (List<String> list : names) {
            list.forEach(name -> identifiers.add(basePackage + ".." + name + ".."));
        }
        return identifiers.toArray(String[]::new);
    }
}
