package io.github.flywayzdm.trace;

import io.github.flywayzdm.testsupport.ServerVersionSmokeTest;

/** This module's tests run on a real PostgreSQL of the selected major. */
class ModuleSmokeTest extends ServerVersionSmokeTest {
}
