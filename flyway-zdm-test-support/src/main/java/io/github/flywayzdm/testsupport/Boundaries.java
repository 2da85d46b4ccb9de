package io.github.flywayzdm.testsupport;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.Map;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The boundary of docs/ARCHITECTURE.md as ArchUnit rules, checked by every module's tests on its own production
 * classes (tests excluded): adapters use the lint public API only; the linter's packages form no cycle and its
 * internal types are public only where another package uses them.
 */
public final class Boundaries {

    private static final String LINT_INTERNAL = "io.github.flywayzdm.lint.internal..";

    static final ArchRule ONLY_PUBLIC_LINT_API = noClasses().should().dependOnClassesThat().resideInAPackage(LINT_INTERNAL)
            .because("adapters use the lint public API (Linter.analyze / ScriptAnalysis, Linter.plan), never its internals");

    private Boundaries() {
    }

    /** The production classes under {@code packages}; fails when there are none (a rule over nothing proves nothing). */
    public static JavaClasses productionClasses(String... packages) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(packages);
        if (classes.isEmpty()) {
            throw new AssertionError("no production classes under " + String.join(", ", packages));
        }
        return classes;
    }

    /**
     * Fails when a class under {@code adapterPackage} depends on {@code io.github.flywayzdm.lint.internal..}; first
     * proves the rule is not vacuous on this classpath ({@code Linter} itself reaches into the engine, so it must fail).
     */
    public static void adapterUsesOnlyPublicLintApi(String adapterPackage) {
        JavaClasses linter;
        try {
            linter = new ClassFileImporter().importClasses(Class.forName("io.github.flywayzdm.lint.Linter"));
        } catch (ClassNotFoundException e) {
            throw new AssertionError("flyway-zdm-lint is not on this module's test classpath", e);
        }
        try {
            ONLY_PUBLIC_LINT_API.check(linter);
            throw new IllegalStateException("the boundary rule passed io.github.flywayzdm.lint.Linter: it checks nothing");
        } catch (AssertionError expected) {
            // the rule sees an import of the internals
        }
        ONLY_PUBLIC_LINT_API.check(productionClasses(adapterPackage));
    }

    /**
     * Fails when the packages below {@code root} (each package a slice of its own) form a cycle, or when a class of
     * {@code root}'s internal packages depends on an entry point of the public API, a class of {@code root} itself
     * that reaches into the internals (the engine may speak the API's value types, never call back into its facade).
     */
    public static void freeOfPackageCycles(String root) {
        JavaClasses classes = productionClasses(root);
        slices().matching(root + ".(**)").should().beFreeOfCycles().check(classes);
        noClasses().that().resideInAPackage(root + ".internal..")
                .should().dependOnClassesThat(DescribedPredicate.describe("are entry points of " + root + " (use its internals)",
                        (JavaClass c) -> c.getPackageName().equals(root) && c.getDirectDependenciesFromSelf().stream()
                                .anyMatch(d -> d.getTargetClass().getPackageName().startsWith(root + ".internal"))))
                .because("the public API calls the engine, so the engine calling the API's facade is a cycle")
                .check(classes);
    }

    /**
     * Fails when a top-level type under {@code root}'s {@code internal} packages is public but no class of another
     * package uses it. {@code allowed} names the exceptions (class name → why it must be public).
     */
    public static void internalTypesPublicOnlyWhenUsedElsewhere(String root, Map<String, String> allowed) {
        classes().that().resideInAPackage(root + ".internal..").and().areTopLevelClasses()
                .and().haveModifier(JavaModifier.PUBLIC)
                .and(DescribedPredicate.describe("are not allowed to be public", (JavaClass c) -> !allowed.containsKey(c.getName())))
                .should(beUsedFromAnotherPackage())
                .because("an internal type only its own package uses is package-private")
                .allowEmptyShould(true)
                .check(productionClasses(root));
    }

    private static ArchCondition<JavaClass> beUsedFromAnotherPackage() {
        return new ArchCondition<>("be used from another package") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                boolean used = false;
                for (Dependency d : c.getDirectDependenciesToSelf()) {
                    JavaClass from = d.getOriginClass();
                    while (from.getEnclosingClass().isPresent()) {
                        from = from.getEnclosingClass().get();
                    }
                    if (!from.getPackageName().equals(c.getPackageName())) {
                        used = true;
                        break;
                    }
                }
                events.add(new SimpleConditionEvent(c, used, c.getName() + (used ? " is" : " is not")
                        + " used outside " + c.getPackageName() + " but is public"));
            }
        };
    }
}
