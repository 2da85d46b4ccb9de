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
import io.github.flywayzdm.lint.internal.rules.BaseRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/**
 * One UPDATE/DELETE over an existing table locks every row it touches until the migration commits. Judged by what the
 * WHERE can touch: equality on every column of a primary key or unique key (known from the replayed schema) pins a row
 * or a few, and a subquery bounded by LIMIT is one bounded batch; neither is reported.
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
                "Not reported: a WHERE that fixes every column of the table's primary key or of a unique key (known from the "
                        + "migrations) to a literal or a short IN list (a one-row fix), and a change bounded by LIMIT <= 10000 in a "
                        + "subquery or CTE. A table the migrations did not create is judged conservatively: its keys are unknown.");
    }

    @Override
    public void check(StatementContext ctx) {
        each(ctx, Operation.Update.class, op -> {
            if (existing(ctx, op.table()) && !bounded(ctx, op.table(), op.where())) {
                ctx.report(op.table(), "UPDATE of " + op.table() + (op.hasWhere() ? "" : " (every row)")
                        + " runs as one transaction: each changed row stays locked until the migration commits", null);
            }
        });
        each(ctx, Operation.Delete.class, op -> {
            if (existing(ctx, op.table()) && !bounded(ctx, op.table(), op.where())) {
                ctx.report(op.table(), "DELETE from " + op.table() + (op.hasWhere() ? "" : " (every row)")
                        + " runs as one transaction: each deleted row stays locked until the migration commits", null);
            }
        });
    }

    /** The WHERE touches a few rows: a key pinned to literals, or a LIMIT-bounded batch. */
    static boolean bounded(StatementContext ctx, TableRef table, RowFilter where) {
        if (!where.present()) {
            return false;
        }
        if (where.limited()) {
            return true;
        }
        if (where.pinned().isEmpty()) {
            return false;
        }
        Optional<TableState> known = ctx.catalog().table(table);
        return known.isPresent() && keys(known.get()).stream().anyMatch(key -> !key.isEmpty() && where.pinned().containsAll(key));
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
