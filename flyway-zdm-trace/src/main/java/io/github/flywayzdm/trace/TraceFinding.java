package io.github.flywayzdm.trace;

import io.github.flywayzdm.lint.Severity;

/**
 * A dangerous combination the trace observed, or a disagreement with the static rules.
 *
 * @param ruleId one of the {@code trace-*} ids documented in the module README
 */
public record TraceFinding(String ruleId, Severity severity, String file, int line, String message, String fix) {
}
