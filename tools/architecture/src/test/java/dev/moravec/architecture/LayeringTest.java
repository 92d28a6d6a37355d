package dev.moravec.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/architecture.md, checked on the compiled classes of every module. The poms keep
 * a module from using one it does not depend on; these rules also catch what the class path lets
 * through: a module reaching past its dependencies into one they bring (the command line into the
 * plugin host's internals, say), and a library used outside the one module whose job it is. A
 * violation fails the build with the rule's name and the offending class and line.
 */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/jmh_generated/"))
                .importPackages("dev.moravec", "com.example");
    }

    @Test
    void eachModuleUsesOnlyTheModulesBelowIt() {
        ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("api").definedBy("dev.moravec.api..")
                .layer("model").definedBy("dev.moravec.model..")
                .layer("scoring").definedBy("dev.moravec.scoring..")
                .layer("host").definedBy("dev.moravec.host..")
                .layer("catalog").definedBy("dev.moravec.catalog..")
                .layer("embeddings").definedBy("dev.moravec.embeddings..")
                .layer("taxonomy sources").definedBy("dev.moravec.taxonomy.sources..")
                .layer("taxonomy index").definedBy("dev.moravec.taxonomy.index..")
                .layer("evaluation").definedBy("dev.moravec.evaluation..")
                .layer("application").definedBy("dev.moravec.app..")
                .layer("server").definedBy("dev.moravec.server..")
                .layer("command line").definedBy("dev.moravec.cli..")
                .layer("plugins").definedBy("dev.moravec.lexicon..", "dev.moravec.semantic..", "dev.moravec.descriptors..",
                        "com.example..")
                .layer("benchmarks").definedBy("dev.moravec.bench..")
                .layer("test support").definedBy("dev.moravec.testing..")
                .whereLayer("api").mayNotAccessAnyLayer()
                .whereLayer("model").mayOnlyAccessLayers("api")
                .whereLayer("scoring").mayOnlyAccessLayers("api", "model")
                .whereLayer("host").mayOnlyAccessLayers("api", "model", "scoring")
                .whereLayer("catalog").mayOnlyAccessLayers("api", "model")
                .whereLayer("embeddings").mayOnlyAccessLayers("api")
                .whereLayer("taxonomy sources").mayOnlyAccessLayers("api", "model")
                .whereLayer("taxonomy index").mayOnlyAccessLayers("api", "model", "scoring", "catalog", "taxonomy sources")
                .whereLayer("evaluation").mayOnlyAccessLayers("api", "model", "scoring", "catalog", "taxonomy sources")
                .whereLayer("application").mayOnlyAccessLayers("api", "model", "scoring", "host", "catalog", "embeddings",
                        "taxonomy sources", "taxonomy index", "evaluation")
                .whereLayer("server").mayOnlyAccessLayers("api", "model", "scoring", "host", "catalog", "embeddings",
                        "taxonomy sources", "taxonomy index", "evaluation", "application")
                .whereLayer("command line").mayOnlyAccessLayers("api", "model", "scoring", "host", "catalog", "embeddings",
                        "taxonomy sources", "taxonomy index", "evaluation", "application", "server")
                .whereLayer("plugins").mayOnlyAccessLayers("api")
                .whereLayer("test support").mayOnlyAccessLayers("api")
                .because("dependencies point one way, from the adapters down to the plugin contract"
                        + " (docs/architecture.md); plugins see only the contract");
        layers.check(classes);
    }

    @Test
    void internalPackagesAreUsedOnlyInsideTheirModule() {
        List<String> modules = List.of("dev.moravec.api", "dev.moravec.model", "dev.moravec.scoring", "dev.moravec.host",
                "dev.moravec.catalog", "dev.moravec.embeddings", "dev.moravec.taxonomy.sources",
                "dev.moravec.taxonomy.index", "dev.moravec.evaluation", "dev.moravec.app", "dev.moravec.server",
                "dev.moravec.cli", "dev.moravec.bench", "dev.moravec.testing");
        checkEach(modules.stream().map(module -> noClasses().that().resideOutsideOfPackage(module + "..")
                .should().dependOnClassesThat().resideInAPackage(module + ".internal..")
                .as("classes outside " + module + " do not use " + module + ".internal")
                .because("a module's internal packages are its own, free to change")
                .allowEmptyShould(true)).toList());
    }

    @Test
    void eachLibraryIsUsedOnlyWhereItIsTheModulesJob() {
        checkEach(List.of(only("org.apache.felix..", "the embedded OSGi framework", "dev.moravec.host.."),
                only("org.apache.lucene..", "the Lucene index", "dev.moravec.taxonomy.index..",
                        "dev.moravec.lexicon..", "dev.moravec.bench.."),
                only("io.javalin..", "the HTTP server", "dev.moravec.server..", "dev.moravec.bench.."),
                only("picocli..", "the command line", "dev.moravec.cli..", "dev.moravec.bench.."),
                only("dev.langchain4j..", "the embedding model", "dev.moravec.embeddings..", "dev.moravec.bench.."),
                noClasses().that().resideInAnyPackage("dev.moravec.api..", "dev.moravec.model..", "dev.moravec.scoring..")
                        .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..", "org.osgi.framework..",
                                "org.osgi.service..", "org.apache.lucene..", "io.javalin..")
                        .as("the contract, the model and the scoring engine are plain Java (OSGi's versioning"
                                + " annotations aside)")
                        .because("every module reads verdicts without carrying a JSON library, Felix or Lucene")));
    }

    @Test
    void theProductNeverUsesTheTools() {
        noClasses().that().resideOutsideOfPackages("dev.moravec.bench..", "dev.moravec.testing..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.moravec.bench..", "dev.moravec.testing..")
                .as("the product does not use the benchmarks or the test support")
                .because("tools/ are never in the product's lib/")
                .check(classes);
    }

    /** Checks each rule and fails with the report of those violated only, each under its own name. */
    private static void checkEach(List<ArchRule> rules) {
        List<String> failures = new ArrayList<>();
        for (ArchRule rule : rules) {
            EvaluationResult result = rule.evaluate(classes);
            if (result.hasViolation()) {
                failures.add(result.getFailureReport().toString());
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join(System.lineSeparator(), failures));
        }
    }

    private static ArchRule only(String library, String job, String... modules) {
        return noClasses().that().resideOutsideOfPackages(modules)
                .should().dependOnClassesThat().resideInAPackage(library)
                .as(library + " is used only in " + String.join(", ", modules))
                .because("it is " + job + ", the job of those modules alone");
    }
}
