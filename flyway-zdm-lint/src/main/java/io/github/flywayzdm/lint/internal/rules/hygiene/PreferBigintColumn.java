package io.github.flywayzdm.lint.internal.rules.hygiene;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.BaseRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;
import io.github.flywayzdm.lint.internal.catalog.TableState;
import io.github.flywayzdm.lint.internal.model.ColumnDef;
import io.github.flywayzdm.lint.internal.model.ConstraintDef;
import io.github.flywayzdm.lint.internal.model.TableRef;
import io.github.flywayzdm.lint.internal.model.TypeName;

import java.util.Optional;
import java.util.Set;

/**
 * A 32/16-bit column fed by a sequence, or referencing a bigint key: it overflows when the numbers do. Only columns
 * whose values provably come from a counter (serial, identity, nextval) or from a bigint key are flagged, not every int.
 */
final class PreferBigintColumn extends BaseRule {

    PreferBigintColumn() {
        super("prefer-bigint-column", Severity.WARNING, Category.HYGIENE,
                "An integer/smallint column fed by a sequence (serial, identity, nextval) or referencing a bigint key",
                "A counter-fed int column fails with 'integer out of range' at 2,147,483,647 (smallint at 32,767); a "
                        + "foreign key of type int to a bigint key fails as soon as the parent's ids pass that. Widening later "
                        + "rewrites the table under ACCESS EXCLUSIVE. Primary keys are prefer-bigint-primary-key's.",
                "c bigint GENERATED ALWAYS AS IDENTITY  -- or: parent_id bigint REFERENCES parent (id)",
                "");
    }

    @Override
    public Set<Class<? extends Operation>> handles() {
        return Set.of(Operation.CreateTable.class, Operation.AddColumn.class, Operation.AddConstraint.class);
    }

    @Override
    public void check(StatementContext ctx) {
        for (Operation.CreateTable t : ctx.statement().all(Operation.CreateTable.class)) {
            t.columns().forEach(c -> {
                if (c.type() != null && (narrow(c.type()) || c.serial())) {
                    inspect(ctx, t.table(), c, fkTarget(t, c));
                }
            });
        }
        for (Operation.AddColumn a : ctx.statement().all(Operation.AddColumn.class)) {
            inspect(ctx, a.table(), a.column(), Optional.ofNullable(a.column().references()));
        }
        for (Operation.AddConstraint a : ctx.statement().all(Operation.AddConstraint.class)) {
            ConstraintDef def = a.constraint();
            if (def.kind() == ConstraintDef.Kind.FOREIGN_KEY && def.columns().size() == 1 && def.references() != null) {
                ctx.catalog().column(a.table(), def.columns().get(0)).ifPresent(col -> {
                    if (narrow(col.type()) && referencesBigint(ctx, def.references())) {
                        ctx.report(null, "Foreign key column " + a.table() + "." + col.name() + " is " + col.type()
                                + " but references a bigint key of " + def.references() + ": it overflows when the parent's ids do", null);
                    }
                });
            }
        }
    }

    private void inspect(StatementContext ctx, TableRef table, ColumnDef c, Optional<TableRef> references) {
        if (c.type() == null || c.inlinePrimaryKey()) {
            return;
        }
        boolean counter = c.type().is("serial") || c.type().is("smallserial")
                || narrow(c.type()) && (c.generated() == ColumnDef.Generated.IDENTITY
                || c.defaultExpr() != null && c.defaultExpr().toLowerCase(java.util.Locale.ROOT).contains("nextval("));
        if (counter) {
            ctx.report(null, "Column " + table + "." + c.name() + " is " + c.type() + " and fed by a sequence: it overflows at "
                    + (c.type().is("smallint") || c.type().is("smallserial") ? "32,767" : "2,147,483,647") + "; prefer bigint", null);
        } else if (narrow(c.type()) && references.isPresent() && referencesBigint(ctx, references.get())) {
            ctx.report(null, "Foreign key column " + table + "." + c.name() + " is " + c.type() + " but references a bigint key of "
                    + references.get() + ": it overflows when the parent's ids do", null);
        }
    }

    private static Optional<TableRef> fkTarget(Operation.CreateTable t, ColumnDef c) {
        if (c.references() != null) {
            return Optional.of(c.references());
        }
        return t.constraints().stream().filter(k -> k.kind() == ConstraintDef.Kind.FOREIGN_KEY && k.columns().equals(java.util.List.of(c.name()))
                && k.references() != null).map(ConstraintDef::references).findFirst();
    }

    private static boolean narrow(TypeName type) {
        return type != null && !type.array() && (type.is("integer") || type.is("smallint"));
    }

    /** The referenced table's single-column primary key is bigint/bigserial. */
    private static boolean referencesBigint(StatementContext ctx, TableRef parent) {
        return ctx.catalog().table(parent).flatMap(PreferBigintColumn::primaryKeyType)
                .map(type -> type.is("bigint") || type.is("bigserial")).orElse(false);
    }

    private static Optional<TypeName> primaryKeyType(TableState t) {
        return t.constraints().stream().filter(c -> c.def().kind() == ConstraintDef.Kind.PRIMARY_KEY && c.def().columns().size() == 1)
                .findFirst().flatMap(c -> t.column(c.def().columns().get(0))).map(TableState.ColumnState::type);
    }
}
