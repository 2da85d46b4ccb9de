package io.github.flywayzdm.lint.internal.rules.transaction;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.BaseRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

import java.util.ArrayList;
import java.util.List;

/** A new enum value cannot be used before the transaction that added it commits. */
final class EnumAddValueInTransaction extends BaseRule {

    EnumAddValueInTransaction() {
        super("enum-add-value-in-transaction", Severity.ERROR, Category.TRANSACTION,
                "An enum value added with ALTER TYPE ... ADD VALUE is used in the same transactional migration",
                "Since PostgreSQL 12, ADD VALUE may run in a transaction, but the new label cannot be used until that "
                        + "transaction commits: the migration fails with 'unsafe use of new value'. (Before 12, ADD VALUE "
                        + "could not run in a transaction at all.)",
                "Add the value in one migration and use it (defaults, UPDATEs, CHECKs) in a later one.",
                "PostgreSQL 12+ allows ADD VALUE inside a transaction block; use of the value must wait for commit. Before 12 "
                        + "(PostgreSQL 12 release notes: 'Allow ALTER TYPE ... ADD VALUE to be run inside a transaction block') "
                        + "the ADD VALUE itself fails in a transactional migration, and is reported there.");
    }

    @Override
    public void check(StatementContext ctx) {
        if (!ctx.transactional()) {
            return;
        }
        if (ctx.pgMajor() < 12) {
            ctx.statement().all(Operation.AlterTypeAddValue.class).forEach(a -> ctx.report(null, "ALTER TYPE " + a.typeName()
                    + " ADD VALUE cannot run inside a transaction block before PostgreSQL 12 (error 25001): Flyway runs this "
                    + "migration in one", "-- own migration with executeInTransaction=false (V<n>__x.sql.conf)\nALTER TYPE "
                    + a.typeName() + " ADD VALUE ...;"));
            return;
        }
        List<Operation.AlterTypeAddValue> added = ctx.scriptState(ArrayList::new);
        for (Operation.AlterTypeAddValue add : added) {
            if (ctx.statement().sql().contains("'" + add.value().replace("'", "''") + "'")) {
                ctx.report(null, "Enum value '" + add.value() + "' of " + add.typeName()
                        + " is used in the transaction that adds it: fails with 'unsafe use of new value'", null);
            }
        }
        ctx.statement().all(Operation.AlterTypeAddValue.class).stream().filter(a -> a.value() != null).forEach(added::add);
    }
}
