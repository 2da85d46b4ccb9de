package io.github.flywayzdm.lint;

import io.github.flywayzdm.testsupport.ServerIndependent;
import com.tngtech.archunit.core.domain.JavaModifier;
import io.github.flywayzdm.lint.internal.rules.Rule;
import io.github.flywayzdm.testsupport.Boundaries;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The linter's own structure, enforced (docs/ARCHITECTURE.md): no package cycle, internals public only where used. */
@ServerIndependent
class PackageStructureTest {

    /** Internal types public although no other package of the linter uses them, each with why. */
    static final Map<String, String> PUBLIC_WITHOUT_USE = Map.of();

    @Test
    void packagesFormNoCycle() {
        Boundaries.freeOfPackageCycles("io.github.flywayzdm.lint");
    }

    @Test
    void internalTypesArePublicOnlyWhereAnotherPackageUsesThem() {
        Boundaries.internalTypesPublicOnlyWhenUsedElsewhere("io.github.flywayzdm.lint", PUBLIC_WITHOUT_USE);
    }

    /** A rule class is seen only by its package's factory (e.g. LockingRules), never by a registry of every rule class. */
    @Test
    void ruleClassesArePackagePrivate() {
        classes().that().implement(Rule.class).and().resideInAPackage("io.github.flywayzdm.lint.internal.rules.*")
                .and().resideOutsideOfPackage("io.github.flywayzdm.lint.internal.rules")
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .check(Boundaries.productionClasses("io.github.flywayzdm.lint.internal.rules"));
    }
}
