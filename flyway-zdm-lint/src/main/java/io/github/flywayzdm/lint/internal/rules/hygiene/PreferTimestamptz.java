package io.github.flywayzdm.lint.internal.rules.hygiene;

import io.github.flywayzdm.lint.internal.model.ColumnDef;
import io.github.flywayzdm.lint.internal.model.TableRef;

/** A timestamp without time zone column (prefer timestamptz) */
final class PreferTimestamptz extends ColumnTypeRule {

    PreferTimestamptz() {
        super("prefer-timestamptz",
                "A timestamp without time zone column (prefer timestamptz)",
                "timestamp without time zone stores wall-clock values with no zone: values written from servers in different zones (or across DST changes) cannot be compared.",
                "c timestamptz");
    }

    @Override
    boolean flags(ColumnDef c) {
        return c.type().is("timestamp without time zone");
    }

    @Override
    String message(TableRef table, ColumnDef c) {
        return "Column " + table + "." + c.name() + " is timestamp without time zone: prefer timestamptz";
    }
}
