package io.github.flywayzdm.lint.internal.parse;

import io.github.flywayzdm.lint.internal.model.ColumnDef;
import io.github.flywayzdm.lint.internal.model.ConstraintDef;
import io.github.flywayzdm.lint.internal.model.OnFirstUse;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.model.TableRef;

import java.util.ArrayList;
import java.util.List;

/** CREATE TABLE, CREATE INDEX, CREATE VIEW and CREATE DOMAIN. */
final class CreateReader {

    private CreateReader() {
    }

    /** Cursor after {@code CREATE [GLOBAL|LOCAL] [TEMP|UNLOGGED]} and {@code TABLE}. */
    static Operation table(Cursor c, boolean unlogged, boolean temp) {
        boolean ifNotExists = c.accept("IF", "NOT", "EXISTS");
        TableRef table = c.tableRef();
        if (table == null) {
            return new Operation.Unparsed("CREATE TABLE without a table name");
        }
        if (temp && table.schema() == null) {
            table = new TableRef("pg_temp", table.name()); // a temporary table lives in the session's own schema
        }
        List<ColumnDef> columns = new ArrayList<>();
        List<ConstraintDef> constraints = new ArrayList<>();
        TableRef partitionOf = null;
        boolean asSelect = false;
        if (c.accept("PARTITION", "OF")) {
            partitionOf = c.tableRef();
        } else if (c.accept("OF")) {
            c.identifier();
        }
        Cursor body = c.group();
        if (body != null) {
            for (Cursor element : body.splitCommas()) {
                if (element.at("LIKE")) {
                    continue;
                }
                if (ConstraintReader.startsConstraint(element)) {
                    ConstraintDef def = ConstraintReader.read(element);
                    if (def != null) {
                        constraints.add(def);
                    }
                } else if (partitionOf == null) { // a partition's elements only add options to inherited columns
                    columns.add(ColumnReader.column(element));
                }
            }
        }
        boolean partitioned = c.containsTopLevel("PARTITION") && c.contains("BY");
        if (c.containsTopLevel("AS")) {
            asSelect = true;
        }
        return new Operation.CreateTable(table, columns, constraints, partitioned, partitionOf, unlogged, ifNotExists, asSelect);
    }

    /** Cursor after {@code CREATE [UNIQUE] INDEX}. */
    static Operation index(Cursor c, boolean unique) {
        boolean concurrently = c.accept("CONCURRENTLY");
        boolean ifNotExists = c.accept("IF", "NOT", "EXISTS");
        String name = c.at("ON") ? null : c.identifier();
        c.accept("ON");
        boolean only = c.accept("ONLY");
        TableRef table = c.tableRef();
        String method = "btree";
        if (c.accept("USING")) {
            method = c.identifier();
        }
        List<String> columns = ConstraintReader.names(c.group());
        String where = null;
        while (!c.done()) {
            if (c.accept("WHERE")) {
                where = c.rest();
            } else {
                c.next();
            }
        }
        return new Operation.CreateIndex(name, table, unique, concurrently, ifNotExists, only, method, columns, where);
    }

    /** Cursor after {@code CREATE [OR REPLACE] [MATERIALIZED] VIEW}. */
    static Operation view(Cursor c, boolean materialized, String sql) {
        c.accept("IF", "NOT", "EXISTS");
        TableRef view = c.tableRef();
        // no rule reads a view's sources today, and finding them costs a JSqlParser parse: only when asked
        Cursor query = c.copy();
        return new Operation.CreateView(view, materialized, new OnFirstUse<>(() -> sources(sql, query)));
    }

    private static List<TableRef> sources(String sql, Cursor query) {
        List<TableRef> from = SelectTables.of(sql);
        // JSqlParser rejected the query (a column named uuid, new syntax): read FROM/JOIN ourselves
        return from.isEmpty() ? fromClauses(query) : from;
    }

    /** Relations named after FROM, JOIN or a comma in a FROM list, at any depth; a keyword reader's fallback. */
    private static List<TableRef> fromClauses(Cursor c) {
        List<TableRef> tables = new ArrayList<>();
        collectFrom(c, tables);
        return tables;
    }

    private static void collectFrom(Cursor c, List<TableRef> tables) {
        while (!c.done()) {
            Cursor g = c.group();
            if (g != null) {
                collectFrom(g, tables);
            } else if (c.accept("FROM") || c.accept("JOIN")) {
                c.accept("ONLY");
                c.accept("LATERAL");
                TableRef t = c.tableRef();
                if (t != null && !tables.contains(t)) {
                    tables.add(t);
                }
            } else {
                c.next();
            }
        }
    }

    /** Cursor after {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}. */
    static Operation function(Cursor c) {
        List<String> name = c.qualifiedName();
        c.group();
        String language = "sql";
        String body = null;
        String volatility = "VOLATILE"; // PostgreSQL's default
        while (!c.done()) {
            Token t = c.next();
            if (t.is("LANGUAGE") && !c.done()) {
                language = Constants.name(c.next().text());
            } else if (t.is("AS") && !c.done()) {
                body = Constants.value(c.next());
            } else if (t.is("IMMUTABLE") || t.is("STABLE") || t.is("VOLATILE")) {
                volatility = t.upper();
            } else if (t.is("BEGIN") && c.at("ATOMIC")) {
                c.next();
                body = c.rawUntil("\u0000"); // the statements up to the closing END
                int end = body.toUpperCase(java.util.Locale.ROOT).lastIndexOf("END");
                body = end >= 0 ? body.substring(0, end) : body;
                language = "sql";
            }
        }
        return new Operation.CreateFunction(name.isEmpty() ? "" : name.get(name.size() - 1), language, body, volatility);
    }

    /** Cursor after {@code CREATE DOMAIN}. */
    static Operation domain(Cursor c) {
        String name = String.join(".", c.qualifiedName());
        return new Operation.CreateDomain(name, c.contains("CHECK"));
    }
}
