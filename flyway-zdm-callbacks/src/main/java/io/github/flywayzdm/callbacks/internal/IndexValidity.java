package io.github.flywayzdm.callbacks.internal;

import io.github.flywayzdm.lint.ScriptAnalysis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * After a migration that builds an index with IF NOT EXISTS: are the indexes it built valid? {@code CREATE INDEX
 * [CONCURRENTLY] IF NOT EXISTS} skips an INVALID index left by an earlier failed build, and a rerun without IF NOT
 * EXISTS fails with SQLSTATE 42P07; either way the index serves no reads until it is dropped and built again.
 */
final class IndexValidity {

    /**
     * INVALID indexes named in the script, and INVALID indexes on the tables it changed that were not INVALID before
     * the run (a quoted or generated name).
     */
    private static final String INVALID = """
            SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), quote_ident(tn.nspname) || '.' || quote_ident(t.relname)
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace tn ON tn.oid = t.relnamespace
            WHERE NOT i.indisvalid
              AND (i.indexrelid IN (SELECT to_regclass(x) FROM unnest(?::text[]) x)
                   OR (i.indrelid IN (SELECT to_regclass(x) FROM unnest(?::text[]) x)
                       AND NOT quote_ident(n.nspname) || '.' || quote_ident(c.relname) = ANY (?::text[])))
            ORDER BY 1""";

    private IndexValidity() {
    }

    /** The INVALID indexes {@code text} built or meant to build, as the migration's session resolves the names. */
    static List<CatalogChecks.InvalidIndex> invalidAfter(Connection migration, ScriptAnalysis text, Set<String> knownBefore)
            throws SQLException {
        List<CatalogChecks.InvalidIndex> out = new ArrayList<>();
        if (text.builtIndexes().isEmpty() && text.changedRelations().isEmpty()) {
            return out; // e.g. DROP INDEX CONCURRENTLY: nothing built, no round trip
        }
        try (PreparedStatement ps = migration.prepareStatement(INVALID)) {
            ps.setArray(1, migration.createArrayOf("text", text.builtIndexes().toArray()));
            ps.setArray(2, migration.createArrayOf("text", text.changedRelations().toArray()));
            ps.setArray(3, migration.createArrayOf("text", knownBefore.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CatalogChecks.InvalidIndex(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return out;
    }

    /** The refusal when a migration Flyway would record as applied leaves an INVALID index. */
    static String leftInvalid(MigrationDraft r, List<CatalogChecks.InvalidIndex> invalid) {
        StringBuilder sb = new StringBuilder("flyway-zdm: ").append(r.label()).append(" ran, but ");
        sb.append(invalid.size() == 1 ? "this index is INVALID" : "these indexes are INVALID");
        sb.append(" (an earlier concurrent build failed or was cancelled, and IF NOT EXISTS skipped the leftover; an "
                + "INVALID index slows writes and serves no reads):");
        invalid.forEach(i -> sb.append("\n  ").append(i.index()).append(" on ").append(i.table()));
        sb.append("\nFlyway records the migration as failed. Fix: ").append(dropAll(invalid))
                .append(" then flyway repair (it removes the failed history row) and migrate again.");
        return sb.toString();
    }

    /** What to add to a 42P07 failure when the relation that already exists is an INVALID index. */
    static String alreadyExistsInvalid(List<CatalogChecks.InvalidIndex> invalid) {
        return "\n" + (invalid.size() == 1 ? "The index " : "The indexes ")
                + String.join(", ", invalid.stream().map(CatalogChecks.InvalidIndex::index).toList())
                + " already exist" + (invalid.size() == 1 ? "s" : "") + " and " + (invalid.size() == 1 ? "is" : "are")
                + " INVALID: an earlier concurrent build of this migration failed. Fix: " + dropAll(invalid)
                + " then flyway repair (when the history has a failed row for it) and migrate again.";
    }

    private static String dropAll(List<CatalogChecks.InvalidIndex> invalid) {
        StringBuilder sb = new StringBuilder();
        invalid.forEach(i -> sb.append("DROP INDEX CONCURRENTLY ").append(i.index()).append("; "));
        return sb.toString().strip();
    }
}
