package io.github.flywayzdm.lint.internal.rules.hygiene;

import io.github.flywayzdm.lint.internal.model.ColumnDef;
import io.github.flywayzdm.lint.internal.model.TableRef;

/** serial/bigserial where an identity column would do. */
final class PreferIdentity extends ColumnTypeRule {

    PreferIdentity() {
        super("prefer-identity",
                "A serial/bigserial/smallserial column (prefer GENERATED ... AS IDENTITY)",
                "serial creates a separately owned sequence with its own grants: a role needs USAGE on it to insert, dumps "
                        + "and copies of the table can lose the link, and the column accepts explicit values that later "
                        + "collide with the sequence. An identity column is part of the table and, with ALWAYS, rejects them.",
                "id bigint GENERATED ALWAYS AS IDENTITY");
    }

    @Override
    boolean flags(ColumnDef c) {
        return c.serial();
    }

    @Override
    String message(TableRef table, ColumnDef c) {
        return "Column " + table + "." + c.name() + " is " + c.type() + ": prefer " + (c.type().is("bigserial") ? "bigint"
                : c.type().is("smallserial") ? "smallint" : "integer") + " GENERATED ALWAYS AS IDENTITY";
    }
}
