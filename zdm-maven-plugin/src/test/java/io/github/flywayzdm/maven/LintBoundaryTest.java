package io.github.flywayzdm.maven;

import io.github.flywayzdm.testsupport.ServerIndependent;
import io.github.flywayzdm.testsupport.Boundaries;
import org.junit.jupiter.api.Test;

/** The boundary of docs/ARCHITECTURE.md, enforced: this adapter reads scripts through the linter's public API only. */
@ServerIndependent
class LintBoundaryTest {

    @Test
    void importsNothingFromTheLintersInternals() {
        Boundaries.adapterUsesOnlyPublicLintApi("io.github.flywayzdm.maven");
    }
}
