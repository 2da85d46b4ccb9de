package io.github.flywayzdm.lint.internal.rules.hygiene;

import io.github.flywayzdm.lint.internal.model.ColumnDef;
import io.github.flywayzdm.lint.internal.model.TableRef;

/** A varchar(n) column (prefer text, with a CHECK if a limit matters) */
final class PreferTextOverVarchar extends ColumnTypeRule {

    PreferTextOverVarchar() {
        super("prefer-text-over-varchar",
                "A varchar(n) column (prefer text, with a CHECK if a limit matters)",
                "varchar(n) and text are stored the same way; a length limit baked into the type makes later changes awkward (shrinking it rewrites the table).",
                "c text, with CHECK (char_length(c) <= n) NOT VALID + VALIDATE when a limit is a business rule");
    }

    @Override
    boolean flags(ColumnDef c) {
        return c.type().is("character varying") && !c.type().modifiers().isEmpty();
    }

    @Override
    String message(TableRef table, ColumnDef c) {
        return "Column " + table + "." + c.name() + " is " + c.type() + ": prefer text (a CHECK constraint can hold the limit)";
    }
}
