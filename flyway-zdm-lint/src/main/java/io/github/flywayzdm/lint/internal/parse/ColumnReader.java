package io.github.flywayzdm.lint.internal.parse;

import io.github.flywayzdm.lint.internal.model.ColumnDef;
import io.github.flywayzdm.lint.internal.model.TableRef;
import io.github.flywayzdm.lint.internal.model.TypeName;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads a column definition ({@code name type [constraints]}) and bare types. */
final class ColumnReader {

    /** Keywords that end a type and start a column constraint or clause. */
    private static final Set<String> TYPE_END = Set.of("CONSTRAINT", "NOT", "NULL", "CHECK", "DEFAULT", "GENERATED", "UNIQUE",
            "PRIMARY", "REFERENCES", "COLLATE", "DEFERRABLE", "INITIALLY", "USING", "COMPRESSION", "STORAGE");

    private ColumnReader() {
    }

    static ColumnDef column(Cursor c) {
        String name = c.identifier();
        TypeName type = type(c);
        boolean notNull = false;
        boolean pk = false;
        boolean unique = false;
        String defaultExpr = null;
        String check = null;
        TableRef references = null;
        String constraintName = null;
        String checkName = null;
        ColumnDef.Generated generated = ColumnDef.Generated.NONE;
        while (!c.done()) {
            if (c.accept("CONSTRAINT")) {
                constraintName = c.identifier();
                continue;
            } else if (c.accept("NOT", "NULL")) {
                notNull = true;
            } else if (c.accept("NULL")) {
                notNull = false;
            } else if (c.accept("PRIMARY", "KEY")) {
                pk = true;
                notNull = true;
            } else if (c.accept("UNIQUE")) {
                unique = true;
            } else if (c.accept("CHECK")) {
                Cursor g = c.group();
                check = g == null ? "" : g.rest();
                checkName = constraintName;
                c.accept("NO", "INHERIT");
            } else if (c.accept("DEFAULT")) {
                defaultExpr = c.rawUntil("CONSTRAINT", "NOT", "NULL", "CHECK", "GENERATED", "UNIQUE", "PRIMARY", "REFERENCES", "COLLATE");
                if (defaultExpr.isEmpty() && c.accept("NULL")) {
                    defaultExpr = "NULL";
                }
            } else if (c.accept("GENERATED")) {
                generated = generated(c);
            } else if (c.accept("REFERENCES")) {
                references = c.tableRef();
                c.group();
            } else {
                c.next(); // COLLATE x, MATCH, ON DELETE ..., DEFERRABLE, storage options: nothing rules need
            }
        }
        return new ColumnDef(name, type, notNull, defaultExpr, generated, pk, unique, check, references, checkName);
    }

    private static ColumnDef.Generated generated(Cursor c) {
        c.accept("ALWAYS");
        c.accept("BY", "DEFAULT");
        c.accept("AS");
        if (c.accept("IDENTITY")) {
            c.group();
            return ColumnDef.Generated.IDENTITY;
        }
        c.group();
        if (c.accept("VIRTUAL")) {
            return ColumnDef.Generated.VIRTUAL;
        }
        c.accept("STORED");
        // PG 18 made VIRTUAL the default kind; before 18 only STORED exists, so an unmarked one is STORED there.
        return ColumnDef.Generated.STORED;
    }

    /** Reads a type up to the first constraint keyword; null when nothing type-like is next. */
    static TypeName type(Cursor c) {
        StringBuilder words = new StringBuilder();
        List<Integer> modifiers = new ArrayList<>();
        boolean array = false;
        while (!c.done()) {
            Token t = c.peek();
            if (t.kind() == Token.Kind.WORD && TYPE_END.contains(t.upper())) {
                break;
            }
            if (t.isSymbol("(")) {
                Cursor g = c.group();
                for (Cursor part : g.splitCommas()) {
                    Token num = part.next();
                    if (num != null && num.kind() == Token.Kind.NUMBER) {
                        try {
                            modifiers.add(Integer.parseInt(num.text()));
                        } catch (NumberFormatException ignored) {
                            // a modifier that is not an int (never in practice): keep the type without it
                        }
                    }
                }
            } else if (t.isSymbol("[")) {
                c.next();
                while (!c.done() && !c.acceptSymbol("]")) {
                    c.next();
                }
                array = true;
            } else if (t.is("ARRAY")) {
                c.next();
                array = true;
            } else if (t.isSymbol(".")) {
                c.next();
                words.append('.');
            } else if (t.isName()) {
                c.next();
                if (words.length() > 0 && words.charAt(words.length() - 1) != '.') {
                    words.append(' ');
                }
                words.append(t.text());
            } else {
                break;
            }
        }
        return words.length() == 0 ? null : TypeNames.of(words.toString(), modifiers, array);
    }
}
