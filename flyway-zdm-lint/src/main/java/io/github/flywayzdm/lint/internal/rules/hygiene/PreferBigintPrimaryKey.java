package io.github.flywayzdm.lint.internal.rules.hygiene;

import io.github.flywayzdm.lint.internal.model.ColumnDef;
import io.github.flywayzdm.lint.internal.model.TableRef;

/** An integer/smallint/serial primary key (prefer bigint identity) */
final class PreferBigintPrimaryKey extends ColumnTypeRule {

    PreferBigintPrimaryKey() {
        super("prefer-bigint-primary-key",
                "An integer/smallint/serial primary key (prefer bigint identity)",
                "A 32-bit key runs out at 2.1 billion; widening it later rewrites the table and every referencing foreign key.",
                "id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY");
    }

    @Override
    boolean flags(ColumnDef c) {
        return c.inlinePrimaryKey() && (c.type().is("integer") || c.type().is("smallint") || c.type().is("serial") || c.type().is("smallserial"));
    }

    @Override
    String message(TableRef table, ColumnDef c) {
        return "Primary key " + table + "." + c.name() + " is " + c.type() + ": prefer bigint GENERATED ALWAYS AS IDENTITY";
    }
}
