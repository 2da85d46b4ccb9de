package io.github.flywayzdm.backfill.internal;

import io.github.flywayzdm.backfill.Backfill;
import io.github.flywayzdm.backfill.BackfillException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * "Finish before contract": a later migration (SET NOT NULL, dropping the old column) relies on a backfill having
 * finished. Refuses unless its checkpoint says done and, when it has a verification condition, no row of the whole
 * table still matches it (rows written since the backfill started count too: the contract step sees all of them).
 */
public final class FinishCheck {

    private FinishCheck() {
    }

    public static void require(Backfill backfill, Connection c) throws SQLException {
        Checkpoints checkpoints = new Checkpoints(backfill.options().checkpointSchema());
        Checkpoints.Row row = checkpoints.exists(c) ? checkpoints.read(c, backfill.id()) : null;
        if (row == null) {
            throw new BackfillException(backfill + " has not run: no checkpoint '" + backfill.id() + "' in " + checkpoints.table()
                    + ". Run it (its BackfillMigration, or Backfill.run) before this migration.");
        }
        if (row.status() != CheckpointStatus.DONE) {
            throw new BackfillException(backfill + " is not finished (status '" + row.statusText() + "', " + String.format(
                    java.util.Locale.ROOT, "%,d", row.rowsDone()) + " rows done, keys up to " + KeyRange.text(row.upperKey())
                    + "); this migration relies on it. Let it finish (resume it if it stopped), then migrate again.");
        }
        if (backfill.verify() == null) {
            return;
        }
        String table = Identifiers.qualified(backfill.schema(), backfill.table());
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE " + backfill.verify())) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long left = rs.getLong(1);
                if (left > 0) {
                    throw new BackfillException(backfill + " finished, but " + String.format(java.util.Locale.ROOT, "%,d", left)
                            + " row(s) of " + table + " still match '" + backfill.verify() + "' (written since it started, without "
                            + "a DualWriteTrigger or application code that sets the column?). Fix those rows, then migrate again.");
                }
            }
        }
    }
}
