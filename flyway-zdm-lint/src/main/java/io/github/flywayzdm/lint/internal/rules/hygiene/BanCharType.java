package io.github.flywayzdm.lint.internal.rules.hygiene;

import io.github.flywayzdm.lint.internal.model.ColumnDef;
import io.github.flywayzdm.lint.internal.model.TableRef;

/** A char(n) column */
final class BanCharType extends ColumnTypeRule {

    BanCharType() {
        super("ban-char-type",
                "A char(n) column",
                "char(n) pads values with spaces, which surprises comparisons and clients, and is no faster than text.",
                "c text (with a CHECK on the length if needed)");
    }

    @Override
    boolean flags(ColumnDef c) {
        return c.type().is("character");
    }

    @Override
    String message(TableRef table, ColumnDef c) {
        return "Column " + table + "." + c.name() + " is " + c.type() + ": prefer text";
    }
}
