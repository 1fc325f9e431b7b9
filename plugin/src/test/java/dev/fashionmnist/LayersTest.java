package dev.fashionmnist;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plugin's packages form layers: each uses only those below it ({@link #LAYERS}, bottom up), and no packages
 * depend on each other in a loop. Maven's API is used by the top layer ({@code maven}) alone, and the runtime (the
 * library an application ships) knows nothing of the plugin. The classes checked are the compiled main classes of
 * the plugin and the runtime; tests may reach across layers.
 */
class LayersTest {
    /** The plugin's packages, bottom up: a package may use those before it, never one after it. */
    static final List<String> LAYERS = List.of("text", "io", "data", "results", "quality", "config", "engine", "model",
            "report", "evaluate", "train", "fork", "maven");

    /** What only the Maven goals may use: Maven's API, its injection and its resolver. */
    static final String[] MAVEN_ONLY = {"org.apache.maven..", "org.codehaus.plexus..", "org.eclipse.aether..",
        "javax.inject.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.fashionmnist");
    }

    @Test
    void everyPackageIsALayer() {
        Set<String> found = classes.stream().map(JavaClass::getPackageName)
                .filter(p -> !p.startsWith("dev.fashionmnist.runtime"))
                .map(p -> p.substring("dev.fashionmnist.".length()).split("\\.")[0])
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(LAYERS), found, "a new top-level package needs its place in LAYERS");
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        for (int i = 0; i < LAYERS.size() - 1; i++) {
            String[] above = LAYERS.subList(i + 1, LAYERS.size()).stream().map(l -> "dev.fashionmnist." + l + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage("dev.fashionmnist." + LAYERS.get(i) + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(above)
                    .because(LAYERS.get(i) + " is below " + String.join(", ", LAYERS.subList(i + 1, LAYERS.size())))
                    .check(classes);
        }
    }

    @Test
    void noPackagesDependOnEachOtherInALoop() {
        // the runtime's own packages are its module's business (checked there)
        slices().matching("dev.fashionmnist.(**)").should().beFreeOfCycles()
                .check(classes.that(JavaClass.Predicates.resideOutsideOfPackage("dev.fashionmnist.runtime..")));
    }

    @Test
    void onlyTheGoalsUseMaven() {
        noClasses().that().resideOutsideOfPackage("dev.fashionmnist.maven..")
                .should().dependOnClassesThat().resideInAnyPackage(MAVEN_ONLY)
                .because("everything below the goals is plain Java, usable and testable without Maven")
                .check(classes);
    }

    @Test
    void theRuntimeKnowsNothingOfThePlugin() {
        assertTrue(classes.stream().anyMatch(c -> c.getName().equals("dev.fashionmnist.runtime.Classifier")),
                "the runtime's classes are on the class path");
        String[] plugin = LAYERS.stream().map(l -> "dev.fashionmnist." + l + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage("dev.fashionmnist.runtime..")
                .should().dependOnClassesThat().resideInAnyPackage(plugin)
                .orShould().dependOnClassesThat().resideInAnyPackage(MAVEN_ONLY)
                .because("an application ships the runtime without the plugin")
                .check(classes);
    }

    @Test
    void everyPackageSaysWhatLivesThere() {
        // package-info.java holds only Javadoc, which compiles to no class: look at the sources (the module's folder)
        Set<String> packages = classes.stream().map(JavaClass::getPackageName)
                .filter(p -> !p.startsWith("dev.fashionmnist.runtime"))
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> without = packages.stream()
                .filter(p -> !Files.isRegularFile(Path.of("src/main/java", p.replace('.', '/'), "package-info.java")))
                .toList();
        assertTrue(without.isEmpty(), "packages without package-info.java: " + without);
    }
}
