package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.catalog.TableState;
import io.github.flywayzdm.lint.internal.model.ConstraintDef;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

import java.util.List;
import java.util.Optional;

/** PRIMARY KEY USING INDEX on nullable columns runs an implicit SET NOT NULL: a full scan under ACCESS EXCLUSIVE. */
final class PrimaryKeyUsingIndexNullable extends OperationRule<Operation.AddConstraint> {

    PrimaryKeyUsingIndexNullable() {
        super(Operation.AddConstraint.class, "primary-key-using-index-nullable", Severity.ERROR, Category.LOCKING,
                "ADD PRIMARY KEY USING INDEX on nullable column(s)",
                "A primary key needs NOT NULL columns; for a nullable one PostgreSQL runs an implicit SET NOT NULL, which "
                        + "scans the whole table under ACCESS EXCLUSIVE.",
                "Make each column NOT NULL first without a scan: CHECK (c IS NOT NULL) NOT VALID, VALIDATE, SET NOT NULL "
                        + "(PG 12+), then ADD PRIMARY KEY USING INDEX.",
                "");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.AddConstraint a) {
        ConstraintDef c = a.constraint();
        if (c.kind() != ConstraintDef.Kind.PRIMARY_KEY || c.usingIndex() == null || !existing(ctx, a.table())) {
            return;
        }
        Optional<TableState> table = ctx.catalog().table(a.table());
        List<String> columns = table.flatMap(t -> t.indexes().stream().filter(i -> c.usingIndex().equals(i.name())).findFirst())
                .map(TableState.IndexState::columns).orElse(List.of());
        List<String> nullable = columns.stream().filter(col -> table.get().column(col)
                .map(s -> !s.notNull() && !table.get().hasValidatedNotNullCheck(col)).orElse(false)).toList();
        if (!nullable.isEmpty()) {
            ctx.report(a.table(), "PRIMARY KEY USING INDEX " + c.usingIndex() + " on " + a.table() + ": column(s) "
                    + String.join(", ", nullable) + " are nullable, so PostgreSQL scans the table under ACCESS EXCLUSIVE", null);
        }
    }
}
