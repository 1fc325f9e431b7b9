package dev.fashionmnist.runtime;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The runtime's shape: applications use the API package {@code dev.fashionmnist.runtime} only, so its public
 * signatures name no internal type; the runtime stands on its own below the plugin; and its parts depend on each other
 * in one direction: the {@link Classifier} on the internal packages, those on the rest of the API (messages,
 * exceptions, results), never back.
 */
@AnalyzeClasses(packages = RuntimeArchitectureTest.RUNTIME, importOptions = ImportOption.DoNotIncludeTests.class)
class RuntimeArchitectureTest {
    static final String RUNTIME = "dev.fashionmnist.runtime";
    private static final String INTERNAL = RUNTIME + ".internal..";

    @ArchTest
    static final ArchRule theRuntimeUsesNothingOfThePlugin = noClasses().that().resideInAPackage(RUNTIME + "..")
            .should().dependOnClassesThat(resideInAPackage("dev.fashionmnist..")
                    .and(not(resideInAPackage(RUNTIME + ".."))))
            .because("the runtime is the layer below the plugin, and applications get it without the plugin");

    @ArchTest
    static final ArchRule publicSignaturesOfTheApiNameNoInternalType = classes().that().resideInAPackage(RUNTIME)
            .and().arePublic().should(exposeNoInternalType())
            .because("applications compile against the API package only; the internal packages may change any time");

    @ArchTest
    static final ArchRule onlyTheClassifierReachesIntoTheInternalPackages = noClasses().that().resideInAPackage(RUNTIME)
            .and().doNotBelongToAnyOf(Classifier.class).should().dependOnClassesThat().resideInAPackage(INTERNAL)
            .because("the rest of the API (messages, exceptions, results) is what the internal packages build on");

    @ArchTest
    static final ArchRule noCycles = slices().assignedFrom(runtimeParts()).should().beFreeOfCycles();

    /** Public and protected fields, constructors and methods, the superclass and the interfaces: no internal type. */
    private static ArchCondition<JavaClass> exposeNoInternalType() {
        return new ArchCondition<>("name no type of " + INTERNAL + " in a public signature") {
            @Override
            public void check(JavaClass api, ConditionEvents events) {
                List<String> exposed = new ArrayList<>();
                api.getRawSuperclass().filter(RuntimeArchitectureTest::isInternal)
                        .ifPresent(s -> exposed.add("extends " + s.getName()));
                api.getRawInterfaces().stream().filter(RuntimeArchitectureTest::isInternal)
                        .forEach(i -> exposed.add("implements " + i.getName()));
                for (JavaMember member : api.getMembers()) {
                    if (!member.getModifiers().contains(JavaModifier.PUBLIC)
                            && !member.getModifiers().contains(JavaModifier.PROTECTED)) {
                        continue;
                    }
                    Set<JavaClass> types = member instanceof JavaCodeUnit code ? code.getAllInvolvedRawTypes()
                            : member instanceof JavaField field ? field.getType().getAllInvolvedRawTypes() : Set.of();
                    types.stream().filter(RuntimeArchitectureTest::isInternal).map(JavaType::getName).distinct()
                            .forEach(t -> exposed.add(member.getFullName() + " names " + t));
                }
                for (String e : exposed) {
                    events.add(SimpleConditionEvent.violated(api, e));
                }
                if (exposed.isEmpty()) {
                    events.add(SimpleConditionEvent.satisfied(api, api.getName() + " names no internal type"));
                }
            }
        };
    }

    private static boolean isInternal(JavaClass type) {
        return type.getPackageName().equals(RUNTIME + ".internal")
                || type.getPackageName().startsWith(RUNTIME + ".internal.");
    }

    /**
     * The runtime's parts for the cycle check: each package, with the {@link Classifier} (and its nested classes) apart
     * from the rest of the API package, since it alone is meant to use the internal packages that use the rest.
     */
    private static SliceAssignment runtimeParts() {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass type) {
                if (!type.getPackageName().startsWith(RUNTIME)) {
                    return SliceIdentifier.ignore();
                }
                boolean classifier = type.getName().equals(Classifier.class.getName())
                        || type.getName().startsWith(Classifier.class.getName() + "$");
                return SliceIdentifier.of(classifier ? "Classifier" : type.getPackageName());
            }

            @Override
            public String getDescription() {
                return "the runtime's packages, the Classifier apart";
            }
        };
    }
}
