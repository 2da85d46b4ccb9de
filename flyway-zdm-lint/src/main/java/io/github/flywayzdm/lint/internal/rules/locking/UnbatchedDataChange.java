package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.catalog.TableState;
import io.github.flywayzdm.lint.internal.model.ConstraintDef;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.model.RowFilter;
import io.github.flywayzdm.lint.internal.model.TableRef;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import io.github.flywayzdm.lint.internal.rules.BaseRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/**
 * One UPDATE/DELETE over an existing table locks every row it touches until the migration commits. Judged by what the
 * WHERE can touch: equality on every column of a primary key or unique key (known from the replayed schema or the live
 * catalog) pins a row or a few, and a subquery bounded by LIMIT is one bounded batch; neither is reported. Pinned
 * columns of a table whose keys nothing knows are reported as info.
 */
final class UnbatchedDataChange extends BaseRule {

    UnbatchedDataChange() {
        super("unbatched-data-change", Severity.WARNING, Category.LOCKING,
                "UPDATE or DELETE of an existing table inside a migration",
                "A single UPDATE/DELETE locks every row it changes until the migration's transaction commits (a DO loop is "
                        + "no better: it runs in one transaction too). Writers to those rows wait, the transaction grows, "
                        + "and replicas lag.",
                "Write a Java migration extending io.github.flywayzdm.backfill's base class: keyset batches in short "
                        + "transactions, throttled, resumable after a crash.",
                "Not reported: a WHERE that fixes every column of the table's primary key or of a unique key to a literal "
                        + "or a short IN list (a one-row fix), and a change bounded by LIMIT <= 10000 in a subquery or CTE. "
                        + "Keys come from the migrations and, in the migrate-time guard, from the live catalog (primary key and "
                        + "valid non-partial unique indexes); the guard also makes it info on a table below the size threshold. "
                        + "A table whose keys neither knows (the CLI linting a table created before the history) gets info "
                        + "when the WHERE pins columns to literals: it may be a one-row fix, and the guard judges it by the "
                        + "live keys before it runs; without such a WHERE it is reported in full.");
    }

    /** What the WHERE can touch, judged with the keys known. */
    enum Reach { FEW_ROWS, MAYBE_FEW_ROWS, MANY_ROWS }

    @Override
    public Set<Class<? extends Operation>> handles() {
        return Set.of(Operation.Update.class, Operation.Delete.class);
    }

    @Override
    public void check(StatementContext ctx) {
        for (Operation.Update op : ctx.statement().all(Operation.Update.class)) {
            if (existing(ctx, op.table())) {
                report(ctx, op.table(), op.where(), "UPDATE of " + op.table(), "changed");
            }
        }
        for (Operation.Delete op : ctx.statement().all(Operation.Delete.class)) {
            if (existing(ctx, op.table())) {
                report(ctx, op.table(), op.where(), "DELETE from " + op.table(), "deleted");
            }
        }
    }

    private static void report(StatementContext ctx, TableRef table, RowFilter where, String what, String verb) {
        Reach reach = reach(ctx, table, where);
        if (reach == Reach.MANY_ROWS) {
            ctx.report(table, what + (where.present() ? "" : " (every row)") + " runs as one transaction: each " + verb
                    + " row stays locked until the migration commits", null);
        } else if (reach == Reach.MAYBE_FEW_ROWS) {
            ctx.reportInfo(table, what + " pins " + String.join(", ", where.pinned()) + ", but no key of " + table
                    + " is known from the migrations: a one-row fix if that is a unique key, otherwise each " + verb
                    + " row stays locked until the migration commits (the migrate-time guard judges it by the live keys)", null);
        }
    }

    /** FEW_ROWS: a key pinned to literals or a LIMIT-bounded batch; MAYBE_FEW_ROWS: columns pinned, keys unknown. */
    static Reach reach(StatementContext ctx, TableRef table, RowFilter where) {
        if (!where.present()) {
            return Reach.MANY_ROWS;
        }
        if (where.limited()) {
            return Reach.FEW_ROWS;
        }
        if (where.pinned().isEmpty()) {
            return Reach.MANY_ROWS;
        }
        Optional<TableState> known = ctx.catalog().table(table);
        if (known.isPresent() && covers(where, keys(known.get()))) {
            return Reach.FEW_ROWS;
        }
        // only now, for a WHERE that pins columns the history cannot show to be a key, ask the live catalog
        TableRef name = ctx.liveName(table);
        Optional<List<List<String>>> live = ctx.config().tableKeys().uniqueKeys(name.schema(), name.name());
        if (live.isPresent()) {
            return covers(where, live.get()) ? Reach.FEW_ROWS : Reach.MANY_ROWS;
        }
        return known.isPresent() ? Reach.MANY_ROWS : Reach.MAYBE_FEW_ROWS;
    }

    /** The WHERE is known to touch a few rows (used by missing-statement-timeout: unknown keys count as many rows). */
    static boolean bounded(StatementContext ctx, TableRef table, RowFilter where) {
        return reach(ctx, table, where) == Reach.FEW_ROWS;
    }

    private static boolean covers(RowFilter where, List<List<String>> keys) {
        return keys.stream().anyMatch(key -> !key.isEmpty() && where.pinned().containsAll(key));
    }

    /** Column lists of the primary key, unique constraints and full unique indexes. */
    private static List<List<String>> keys(TableState t) {
        List<List<String>> keys = new java.util.ArrayList<>();
        for (TableState.ConstraintState c : t.constraints()) {
            if (c.def().kind() == ConstraintDef.Kind.PRIMARY_KEY || c.def().kind() == ConstraintDef.Kind.UNIQUE) {
                keys.add(c.def().columns());
            }
        }
        for (TableState.IndexState i : t.indexes()) {
            if (i.unique() && i.where() == null) {
                keys.add(i.columns());
            }
        }
        return keys;
    }
}
