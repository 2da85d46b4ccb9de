package io.github.flywayzdm.callbacks.internal;

import io.github.flywayzdm.lint.ScriptAnalysis;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/** The log text for a migration that failed: the cause in words, who blocked it, and what to run next. */
final class FailureDiagnosis {

    private static final ZdmLog LOG = ZdmLog.get(FailureDiagnosis.class);

    private FailureDiagnosis() {
    }

    /**
     * @param text         the script as read (null for a Java migration or an unreadable script)
     * @param knownInvalid INVALID index names already reported; a leftover found here is added
     */
    static String describe(MigrationDraft r, SessionMonitor.Watch watch, ScriptAnalysis text, Connection c, Set<String> knownInvalid) {
        String cause = switch (r.sqlState) {
            case "55P03" -> "lock_timeout (" + r.lockTimeout + ") expired";
            case "57014" -> r.cancelledByWatchdog ? "cancelled by the flyway-zdm watchdog" : "statement cancelled (statement_timeout "
                    + r.statementTimeout + " or pg_cancel_backend)";
            default -> r.sqlState.isEmpty() ? "failed" : "failed with SQLSTATE " + r.sqlState;
        };
        StringBuilder sb = new StringBuilder("flyway-zdm: ").append(r.label()).append(' ').append(cause);
        if (!r.waitedFor.isEmpty()) {
            sb.append(" waiting for ").append(r.waitedFor);
        }
        if (r.blockers.isEmpty()) {
            if ("55P03".equals(r.sqlState)) {
                sb.append("; the blocking session was not observed (it released its lock before the monitor looked)");
            }
        } else {
            sb.append(". Blocked by:");
            r.blockers.forEach(b -> sb.append("\n  ").append(b.describe()));
        }
        if (r.cancelledByWatchdog && watch != null) {
            watch.queuedVictim().ifPresent(v -> sb.append("\n  it kept this session queued behind its locks: ").append(v.describe()));
        }
        if ("42P07".equals(r.sqlState) && text != null && text.usesConcurrently()) {
            try {
                List<CatalogChecks.InvalidIndex> invalid = IndexValidity.invalidAfter(c, text, Set.of());
                if (!invalid.isEmpty()) {
                    invalid.forEach(i -> knownInvalid.add(i.index()));
                    sb.append(IndexValidity.alreadyExistsInvalid(invalid));
                }
            } catch (SQLException e) {
                LOG.debug("flyway-zdm: invalid index lookup skipped: {}", e.getMessage());
            }
        }
        if (r.transactional) {
            sb.append("\nIts transaction was rolled back; the schema is unchanged.");
        }
        return sb.toString();
    }
}
