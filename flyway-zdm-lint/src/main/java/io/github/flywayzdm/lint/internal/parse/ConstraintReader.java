package io.github.flywayzdm.lint.internal.parse;

import io.github.flywayzdm.lint.internal.model.ConstraintDef;
import io.github.flywayzdm.lint.internal.model.TableRef;

import java.util.ArrayList;
import java.util.List;

/** Reads a table constraint: {@code [CONSTRAINT n] CHECK|UNIQUE|PRIMARY KEY|FOREIGN KEY|EXCLUDE|NOT NULL ...}. */
final class ConstraintReader {

    private ConstraintReader() {
    }

    static boolean startsConstraint(Cursor c) {
        return c.at("CONSTRAINT") || c.at("CHECK") || c.at("UNIQUE") || c.at("PRIMARY", "KEY") || c.at("FOREIGN", "KEY")
                || c.at("EXCLUDE");
    }

    /** Null when the tokens are not a constraint this reader knows. */
    static ConstraintDef read(Cursor c) {
        String name = c.accept("CONSTRAINT") ? c.identifier() : null;
        ConstraintDef.Kind kind;
        List<String> columns = new ArrayList<>();
        String expression = null;
        TableRef references = null;
        String usingIndex = null;
        if (c.accept("CHECK")) {
            kind = ConstraintDef.Kind.CHECK;
            Cursor g = c.group();
            expression = g == null ? "" : g.rest();
        } else if (c.accept("UNIQUE") || c.at("PRIMARY", "KEY")) {
            kind = c.accept("PRIMARY", "KEY") ? ConstraintDef.Kind.PRIMARY_KEY : ConstraintDef.Kind.UNIQUE;
            c.accept("NULLS", "NOT", "DISTINCT");
            c.accept("NULLS", "DISTINCT");
            if (c.accept("USING", "INDEX")) {
                usingIndex = c.identifier();
            } else {
                columns = names(c.group());
            }
        } else if (c.accept("FOREIGN", "KEY")) {
            kind = ConstraintDef.Kind.FOREIGN_KEY;
            columns = names(c.group());
            if (c.accept("REFERENCES")) {
                references = c.tableRef();
                c.group();
            }
        } else if (c.accept("EXCLUDE")) {
            kind = ConstraintDef.Kind.EXCLUDE;
            if (c.accept("USING")) {
                c.identifier();
            }
            Cursor g = c.group();
            expression = g == null ? "" : g.rest();
        } else if (c.accept("NOT", "NULL")) {
            kind = ConstraintDef.Kind.NOT_NULL;
            String column = c.identifier();
            if (column != null) {
                columns = List.of(column);
            }
        } else {
            return null;
        }
        boolean notValid = c.contains("VALID") && notValidAtEnd(c);
        return new ConstraintDef(name, kind, columns, expression, references, notValid, usingIndex);
    }

    private static boolean notValidAtEnd(Cursor c) {
        while (!c.done()) {
            if (c.accept("NOT", "VALID")) {
                return true;
            }
            c.next();
        }
        return false;
    }

    /** Column names of a group like {@code (a, "B", c DESC)}; expressions kept as written. */
    static List<String> names(Cursor group) {
        List<String> names = new ArrayList<>();
        if (group == null) {
            return names;
        }
        for (Cursor part : group.splitCommas()) {
            Token first = part.peek();
            Token second = part.peek(1);
            if (first != null && first.isName() && (second == null || second.kind() == Token.Kind.WORD)) {
                names.add(part.identifier());
            } else {
                names.add(part.rest());
            }
        }
        return names;
    }
}
