package io.github.flywayzdm.maven;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The boundary of docs/ARCHITECTURE.md, enforced: this adapter reads scripts through the linter's public API only. */
class LintBoundaryTest {

    static final ArchRule ONLY_PUBLIC_LINT_API = noClasses().should().dependOnClassesThat()
            .resideInAPackage("io.github.flywayzdm.lint.internal..")
            .because("adapters use the lint public API (Linter.analyze / ScriptAnalysis, Linter.plan), never its internals");

    @Test
    void importsNothingFromTheLintersInternals() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.github.flywayzdm.maven");
        assertThat(classes).isNotEmpty();
        ONLY_PUBLIC_LINT_API.check(classes);
    }
}
