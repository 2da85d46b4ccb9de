package io.github.flywayzdm.lint.internal.parse;

import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.model.TableRef;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads a statement from its tokens; an empty list means "not a statement this reader knows". */
final class KeywordReader {

    /** Statements with nothing for the rules, known by their first word. */
    private static final Set<String> HARMLESS = Set.of("COMMENT", "GRANT", "REVOKE", "DO", "CALL", "COPY", "SELECT",
            "VALUES", "NOTIFY", "LISTEN", "DISCARD", "SECURITY", "DECLARE", "FETCH", "CLOSE", "PREPARE", "EXECUTE",
            "DEALLOCATE", "SHOW", "EXPLAIN", "IMPORT", "REASSIGN", "LOAD", "CHECKPOINT", "TABLE");

    private KeywordReader() {
    }

    static List<Operation> read(String sql) {
        return read(sql, true);
    }

    static List<Operation> read(String sql, boolean standardConformingStrings) {
        List<Operation> ops = readTokens(sql, standardConformingStrings);
        for (Operation op : ops) {
            boolean namesNothing = (op instanceof Operation.DropTable // DropIndex names indexes, not tables: checked below
                    || op instanceof Operation.Truncate || op instanceof Operation.LockTable) && op.tables().isEmpty()
                    || op instanceof Operation.DropIndex d && d.indexes().isEmpty();
            if (op instanceof Operation.OnTable t && t.table() == null || namesNothing) {
                // malformed DDL (CREATE INDEX ON;): a finding on its file, not a null every rule must guard against
                return List.of(new Operation.Unparsed("no table name where one is required: " + StatementAnalyzer.leadingKeywords(sql)));
            }
        }
        return ops;
    }

    /** INSERT INTO and a qualified, possibly U&amp;-quoted name with UESCAPE fit in this many tokens. */
    private static final int INSERT_HEAD = 16;

    private static List<Operation> readTokens(String sql, boolean standardConformingStrings) {
        if (Lexer.startsWith(sql, standardConformingStrings, "INSERT")) {
            return List.of(insert(sql, standardConformingStrings));
        }
        List<Token> tokens = Lexer.tokens(sql, standardConformingStrings);
        if (tokens.isEmpty() || tokens.get(0).kind() != Token.Kind.WORD) {
            return List.of();
        }
        Cursor c = new Cursor(sql, tokens);
        String first = c.next().upper();
        return switch (first) {
            case "CREATE" -> create(c, sql);
            case "ALTER" -> alter(c);
            case "DROP" -> drop(c);
            case "REINDEX" -> List.of(reindex(c));
            case "VACUUM" -> List.of(vacuum(c));
            case "ANALYZE", "ANALYSE" -> List.of(new Operation.Vacuum(c.tableRefs(), false, true));
            case "CLUSTER" -> {
                c.accept("VERBOSE");
                yield List.of(new Operation.Cluster(c.tableRef()));
            }
            case "LOCK" -> List.of(lock(c));
            case "REFRESH" -> refresh(c);
            case "TRUNCATE" -> {
                c.accept("TABLE");
                List<TableRef> tables = c.tableRefs();
                yield List.of(new Operation.Truncate(tables, c.contains("CASCADE")));
            }
            case "UPDATE" -> {
                c.accept("ONLY");
                TableRef table = c.tableRef();
                yield List.of(new Operation.Update(table, RowFilters.read(c, tokens)));
            }
            case "DELETE" -> {
                c.accept("FROM");
                c.accept("ONLY");
                TableRef table = c.tableRef();
                yield List.of(new Operation.Delete(table, RowFilters.read(c, tokens)));
            }
            case "WITH" -> with(c, tokens);
            case "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE", "PREPARE" ->
                    first.equals("PREPARE") && !c.at("TRANSACTION") ? List.of(new Operation.Other("PREPARE"))
                            : List.of(new Operation.TransactionControl(transactionKeyword(first, c)));
            case "SET" -> List.of(set(c));
            case "RESET" -> List.of(new Operation.SetSetting(c.done() ? "all" : c.next().text().toLowerCase(Locale.ROOT), null, false));
            default -> selectSetConfig(first, c).or(() -> selectInto(first, c))
                    .orElseGet(() -> HARMLESS.contains(first) ? List.of(new Operation.Other(first)) : List.of());
        };
    }

    /**
     * INSERT INTO table ...: the table from the statement's first tokens, then whether a SELECT follows, read as a
     * stream; the rows of a huge VALUES list are never held as tokens.
     */
    private static Operation insert(String sql, boolean standardConformingStrings) {
        List<Token> head = Lexer.tokens(sql, standardConformingStrings, INSERT_HEAD);
        Cursor c = new Cursor(sql, head);
        c.next();
        c.accept("INTO");
        TableRef table = c.tableRef();
        int from;
        if (c.position() < head.size()) {
            from = head.get(c.position()).offset();
        } else if (head.size() < INSERT_HEAD) {
            from = sql.length(); // the statement ended with the name
        } else {
            Token last = head.get(head.size() - 1);
            from = last.offset() + last.text().length();
        }
        return new Operation.Insert(table, Lexer.containsWord(sql, standardConformingStrings, from, "SELECT"));
    }

    private static List<Operation> create(Cursor c, String sql) {
        c.accept("OR", "REPLACE");
        if (c.accept("FUNCTION") || c.accept("PROCEDURE")) {
            return List.of(CreateReader.function(c));
        }
        boolean unique = c.accept("UNIQUE");
        if (c.accept("INDEX")) {
            return List.of(CreateReader.index(c, unique));
        }
        c.accept("GLOBAL");
        c.accept("LOCAL");
        boolean temp = c.accept("TEMP") || c.accept("TEMPORARY");
        boolean unlogged = c.accept("UNLOGGED");
        if (c.accept("TABLE")) {
            return List.of(CreateReader.table(c, unlogged || temp, temp));
        }
        c.accept("RECURSIVE");
        boolean materialized = c.accept("MATERIALIZED");
        if (c.accept("VIEW")) {
            return List.of(CreateReader.view(c, materialized, sql));
        }
        if (c.accept("DOMAIN")) {
            return List.of(CreateReader.domain(c));
        }
        if (c.accept("FUNCTION")) {
            return List.of(CreateReader.function(c));
        }
        return c.done() ? List.of() : List.of(new Operation.Other("CREATE " + c.next().upper()));
    }

    private static List<Operation> alter(Cursor c) {
        if (c.accept("TABLE")) {
            return AlterTableReader.read(c);
        }
        if (c.accept("DOMAIN")) {
            String name = String.join(".", c.qualifiedName());
            if (c.accept("ADD")) {
                return List.of(new Operation.AlterDomainAddConstraint(name, notValid(c)));
            }
            if (c.accept("SET", "NOT", "NULL")) {
                return List.of(new Operation.AlterDomainSetNotNull(name));
            }
            if (c.accept("VALIDATE", "CONSTRAINT")) {
                return List.of(new Operation.AlterDomainValidateConstraint(name, c.identifier()));
            }
            return List.of(new Operation.Other("ALTER DOMAIN"));
        }
        if (c.accept("TYPE")) {
            String name = String.join(".", c.qualifiedName());
            if (c.accept("ADD", "VALUE")) {
                c.accept("IF", "NOT", "EXISTS");
                Token label = c.next();
                String value = label != null && label.kind() == Token.Kind.STRING ? unquote(label.text()) : null;
                return List.of(new Operation.AlterTypeAddValue(name, value));
            }
            if (c.accept("RENAME", "VALUE")) {
                String from = label(c.next());
                c.accept("TO");
                return List.of(new Operation.AlterTypeRenameValue(name, from, label(c.next())));
            }
            return List.of(new Operation.Other("ALTER TYPE"));
        }
        if (c.accept("SCHEMA")) {
            String name = c.identifier();
            if (c.accept("RENAME", "TO")) {
                return List.of(new Operation.RenameSchema(name, c.identifier()));
            }
            return List.of(new Operation.Other("ALTER SCHEMA"));
        }
        return c.done() ? List.of() : List.of(new Operation.Other("ALTER " + c.next().upper()));
    }

    private static String label(Token t) {
        return t != null && t.kind() == Token.Kind.STRING ? unquote(t.text()) : null;
    }

    private static boolean notValid(Cursor c) {
        while (!c.done()) {
            if (c.accept("NOT", "VALID")) {
                return true;
            }
            c.next();
        }
        return false;
    }

    private static List<Operation> drop(Cursor c) {
        if (c.accept("INDEX")) {
            boolean concurrently = c.accept("CONCURRENTLY");
            boolean ifExists = c.accept("IF", "EXISTS");
            List<TableRef> indexes = c.tableRefs();
            return List.of(new Operation.DropIndex(indexes, concurrently, ifExists, c.accept("CASCADE")));
        }
        if (c.accept("TABLE")) {
            boolean ifExists = c.accept("IF", "EXISTS");
            List<TableRef> tables = c.tableRefs();
            return List.of(new Operation.DropTable(tables, ifExists, c.accept("CASCADE")));
        }
        boolean materialized = c.accept("MATERIALIZED");
        if (c.accept("VIEW")) {
            boolean ifExists = c.accept("IF", "EXISTS");
            List<TableRef> views = c.tableRefs();
            return List.of(new Operation.DropView(views, materialized, ifExists, c.accept("CASCADE")));
        }
        if (c.accept("SCHEMA")) {
            boolean ifExists = c.accept("IF", "EXISTS");
            List<String> names = new java.util.ArrayList<>();
            do {
                String name = c.identifier();
                if (name == null) {
                    break;
                }
                names.add(name);
            } while (c.acceptSymbol(","));
            return List.of(new Operation.DropSchema(names, ifExists, c.accept("CASCADE")));
        }
        if (c.accept("DATABASE")) {
            c.accept("IF", "EXISTS");
            return List.of(new Operation.DropDatabase(c.identifier()));
        }
        return c.done() ? List.of() : List.of(new Operation.Other("DROP " + c.next().upper()));
    }

    private static Operation reindex(Cursor c) {
        boolean concurrently = false;
        Cursor options = c.group();
        boolean option = options != null && options.contains("CONCURRENTLY");
        if (option) {
            concurrently = !optionOff(options, "CONCURRENTLY");
        }
        String kind = c.done() ? "INDEX" : c.next().upper();
        concurrently |= c.accept("CONCURRENTLY");
        return new Operation.Reindex(kind, c.tableRef(), concurrently, option);
    }

    private static Operation vacuum(Cursor c) {
        boolean full = false;
        boolean analyzeOnly = false;
        Cursor options = c.group();
        if (options != null) {
            full = options.contains("FULL") && !optionOff(options, "FULL");
        }
        while (c.at("FULL") || c.at("FREEZE") || c.at("VERBOSE") || c.at("ANALYZE") || c.at("ANALYSE")) {
            full |= c.at("FULL");
            c.next();
        }
        return new Operation.Vacuum(c.tableRefs(), full, analyzeOnly);
    }

    /** {@code VACUUM (FULL false)} / {@code REINDEX (CONCURRENTLY off)} turns the option off. */
    private static boolean optionOff(Cursor options, String name) {
        for (Cursor option : options.splitCommas()) {
            if (option.accept(name)) {
                Token value = option.next();
                return value != null && (value.is("false") || value.is("off") || value.text().equals("0"));
            }
        }
        return false;
    }

    private static Operation lock(Cursor c) {
        c.accept("TABLE");
        List<TableRef> tables = c.tableRefs();
        String mode = "ACCESS EXCLUSIVE";
        if (c.accept("IN")) {
            StringBuilder b = new StringBuilder();
            while (!c.done() && !c.at("MODE")) {
                b.append(b.length() == 0 ? "" : " ").append(c.next().upper());
            }
            mode = b.toString();
        }
        return new Operation.LockTable(tables, mode);
    }

    private static List<Operation> refresh(Cursor c) {
        if (!c.accept("MATERIALIZED", "VIEW")) {
            return List.of();
        }
        boolean concurrently = c.accept("CONCURRENTLY");
        return List.of(new Operation.RefreshMaterializedView(c.tableRef(), concurrently));
    }

    private static List<Operation> with(Cursor c, List<Token> tokens) {
        // WITH ... UPDATE/DELETE/INSERT: the data-changing verb after the CTE list, at the top level
        while (!c.done()) {
            if (c.at("UPDATE") || c.at("DELETE") || c.at("INSERT")) {
                String verb = c.next().upper();
                c.accept("FROM");
                c.accept("INTO");
                c.accept("ONLY");
                TableRef table = c.tableRef();
                return switch (verb) {
                    case "UPDATE" -> List.of(new Operation.Update(table, RowFilters.read(c, tokens)));
                    case "DELETE" -> List.of(new Operation.Delete(table, RowFilters.read(c, tokens)));
                    default -> List.of(new Operation.Insert(table, true));
                };
            }
            if (c.group() == null) {
                c.next();
            }
        }
        return List.of(new Operation.Other("WITH"));
    }

    private static String transactionKeyword(String first, Cursor c) {
        if (first.equals("START") && c.accept("TRANSACTION")) {
            return "START TRANSACTION";
        }
        if ((first.equals("COMMIT") || first.equals("ROLLBACK")) && c.accept("PREPARED")) {
            return first + " PREPARED";
        }
        if (first.equals("PREPARE")) {
            return "PREPARE TRANSACTION";
        }
        return first;
    }

    /** SET [SESSION|LOCAL] name {=|TO} value; SET TIME ZONE value; SET CONSTRAINTS/ROLE/TRANSACTION are harmless. */
    private static Operation set(Cursor c) {
        boolean local = c.accept("LOCAL");
        c.accept("SESSION");
        if (c.at("CONSTRAINTS") || c.at("TRANSACTION") || c.at("ROLE") || c.at("SESSION", "AUTHORIZATION")) {
            return new Operation.Other("SET " + c.next().upper());
        }
        String name;
        if (c.accept("TIME", "ZONE")) {
            name = "timezone";
        } else {
            name = String.join(".", c.qualifiedName()).toLowerCase(Locale.ROOT);
            if (!c.acceptSymbol("=")) {
                c.accept("TO");
            }
        }
        String value = c.rest();
        value = unquote(value);
        return new Operation.SetSetting(name, value.isEmpty() || value.equalsIgnoreCase("DEFAULT") ? null : value, local);
    }

    /** {@code SELECT ... INTO [TEMP|UNLOGGED] [TABLE] name FROM ...}: creates a table, like CREATE TABLE AS. */
    private static java.util.Optional<List<Operation>> selectInto(String first, Cursor c) {
        if (!first.equals("SELECT") || !c.containsTopLevel("INTO")) {
            return java.util.Optional.empty();
        }
        while (!c.done() && !c.at("INTO")) {
            if (c.group() == null) {
                c.next();
            }
        }
        c.accept("INTO");
        boolean temp = c.accept("TEMP") || c.accept("TEMPORARY");
        boolean unlogged = c.accept("UNLOGGED");
        c.accept("TABLE");
        TableRef table = c.tableRef();
        if (table == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(List.of(new Operation.CreateTable(table, List.of(), List.of(), false, null, temp || unlogged,
                false, true)));
    }

    /** {@code SELECT set_config('lock_timeout', '5s', true)}. */
    private static java.util.Optional<List<Operation>> selectSetConfig(String first, Cursor c) {
        if (!first.equals("SELECT") || !c.at("set_config")) {
            return java.util.Optional.empty();
        }
        c.next();
        Cursor args = c.group();
        if (args == null) {
            return java.util.Optional.empty();
        }
        List<Cursor> parts = args.splitCommas();
        if (parts.size() != 3) {
            return java.util.Optional.empty();
        }
        String name = unquote(parts.get(0).rest()).toLowerCase(Locale.ROOT);
        String value = unquote(parts.get(1).rest());
        boolean local = parts.get(2).rest().equalsIgnoreCase("true");
        return java.util.Optional.of(List.of(new Operation.SetSetting(name, value, local)));
    }

    static String unquote(String value) {
        String v = value.trim();
        if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
            return v.substring(1, v.length() - 1).replace("''", "'");
        }
        return v;
    }
}
