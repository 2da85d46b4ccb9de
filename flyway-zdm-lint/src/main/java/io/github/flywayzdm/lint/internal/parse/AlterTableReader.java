package io.github.flywayzdm.lint.internal.parse;

import io.github.flywayzdm.lint.internal.model.ConstraintDef;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.model.TableRef;

import java.util.ArrayList;
import java.util.List;

/** {@code ALTER TABLE [IF EXISTS] [ONLY] t action [, action ...]}: one operation per action. */
final class AlterTableReader {

    private AlterTableReader() {
    }

    /** Cursor positioned after {@code ALTER TABLE}. */
    static List<Operation> read(Cursor c) {
        c.accept("IF", "EXISTS");
        c.accept("ONLY");
        TableRef table = c.tableRef();
        c.acceptSymbol("*");
        if (table == null) {
            return List.of();
        }
        if (c.accept("RENAME")) {
            return List.of(rename(c, table));
        }
        if (c.accept("ATTACH", "PARTITION")) {
            TableRef partition = c.tableRef();
            return List.of(new Operation.AttachPartition(table, partition, c.rest()));
        }
        if (c.accept("DETACH", "PARTITION")) {
            TableRef partition = c.tableRef();
            boolean concurrently = c.accept("CONCURRENTLY");
            boolean finalizeDetach = c.accept("FINALIZE");
            return List.of(new Operation.DetachPartition(table, partition, concurrently, finalizeDetach));
        }
        List<Operation> ops = new ArrayList<>();
        for (Cursor action : c.splitCommas()) {
            ops.add(action(action, table));
        }
        return ops;
    }

    private static Operation rename(Cursor c, TableRef table) {
        if (c.accept("TO")) {
            return new Operation.RenameTable(table, c.identifier());
        }
        if (c.accept("CONSTRAINT")) {
            String name = c.identifier();
            c.accept("TO");
            return new Operation.RenameConstraint(table, name, c.identifier());
        }
        c.accept("COLUMN");
        String column = c.identifier();
        c.accept("TO");
        return new Operation.RenameColumn(table, column, c.identifier());
    }

    private static Operation action(Cursor c, TableRef table) {
        if (c.accept("ADD")) {
            if (ConstraintReader.startsConstraint(c) || c.at("NOT", "NULL")) {
                ConstraintDef def = ConstraintReader.read(c);
                return def == null ? new Operation.OtherAlterTable(table, "ADD") : new Operation.AddConstraint(table, def);
            }
            c.accept("COLUMN");
            boolean ifNotExists = c.accept("IF", "NOT", "EXISTS");
            return new Operation.AddColumn(table, ColumnReader.column(c), ifNotExists);
        }
        if (c.accept("DROP")) {
            if (c.accept("CONSTRAINT")) {
                boolean ifExists = c.accept("IF", "EXISTS");
                return new Operation.DropConstraint(table, c.identifier(), ifExists);
            }
            c.accept("COLUMN");
            boolean ifExists = c.accept("IF", "EXISTS");
            String column = c.identifier();
            return new Operation.DropColumn(table, column, ifExists, c.accept("CASCADE"));
        }
        if (c.accept("ALTER")) {
            c.accept("COLUMN");
            return alterColumn(c, table, c.identifier());
        }
        if (c.accept("VALIDATE", "CONSTRAINT")) {
            return new Operation.ValidateConstraint(table, c.identifier());
        }
        if (c.accept("SET", "TABLESPACE")) {
            return new Operation.SetTablespace(table, c.identifier());
        }
        if (c.accept("SET", "LOGGED")) {
            return new Operation.SetLogged(table, true);
        }
        if (c.accept("SET", "UNLOGGED")) {
            return new Operation.SetLogged(table, false);
        }
        if (c.atSetGroup() || c.at("RESET")) {
            c.accept("SET");
            c.accept("RESET");
            Cursor g = c.group();
            List<String> params = new ArrayList<>();
            if (g != null) {
                for (Cursor p : g.splitCommas()) {
                    String name = p.identifier();
                    if (name != null) {
                        params.add(name);
                    }
                }
            }
            return new Operation.SetStorageParameters(table, params);
        }
        return new Operation.OtherAlterTable(table, c.rest());
    }

    /** {@code col}, {@code (col)}, {@code col::T}, {@code CAST(col AS T)} with T exactly the new type. */
    private static boolean plainCast(Cursor c, String column, io.github.flywayzdm.lint.internal.model.TypeName target) {
        Cursor inner = c;
        if (c.at("CAST")) {
            c.next();
            inner = c.group();
            if (inner == null || !c.done()) {
                return false;
            }
            if (!columnRef(inner, column) || !inner.accept("AS")) {
                return false;
            }
            return target != null && target.equals(ColumnReader.type(inner)) && inner.done();
        }
        if (c.atSymbol("(")) {
            Cursor g = c.group();
            if (g == null || !columnRef(g, column) || !g.done()) {
                return false;
            }
        } else if (!columnRef(c, column)) {
            return false;
        }
        if (c.done()) {
            return true;
        }
        if (!c.acceptSymbol("::")) {
            return false;
        }
        return target != null && target.equals(ColumnReader.type(c)) && c.done();
    }

    /** The column, optionally qualified by its table. */
    private static boolean columnRef(Cursor c, String column) {
        java.util.List<String> name = c.qualifiedName();
        return !name.isEmpty() && name.size() <= 3 && name.get(name.size() - 1).equals(column);
    }

    private static Operation alterColumn(Cursor c, TableRef table, String column) {
        if (c.accept("SET", "DATA", "TYPE") || c.accept("TYPE")) {
            var type = ColumnReader.type(c);
            while (!c.done() && !c.at("USING")) {
                c.next(); // COLLATE x
            }
            if (!c.accept("USING")) {
                return new Operation.AlterColumnType(table, column, type, null, false);
            }
            String using = c.rest();
            boolean plain = plainCast(new Cursor(using, Lexer.tokens(using)), column, type);
            return new Operation.AlterColumnType(table, column, type, using, plain);
        }
        if (c.accept("SET", "NOT", "NULL")) {
            return new Operation.SetNotNull(table, column);
        }
        if (c.accept("DROP", "NOT", "NULL")) {
            return new Operation.DropNotNull(table, column);
        }
        if (c.accept("SET", "DEFAULT")) {
            return new Operation.AlterColumnDefault(table, column, c.rest());
        }
        if (c.accept("DROP", "DEFAULT")) {
            return new Operation.AlterColumnDefault(table, column, null);
        }
        return new Operation.AlterColumnOption(table, column, c.rest());
    }
}
