package io.github.flywayzdm.lint.internal.rules.hygiene;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.BaseRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;
import io.github.flywayzdm.lint.internal.split.SqlLexer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** PostgreSQL silently truncates names longer than 63 bytes (NAMEDATALEN - 1). */
final class IdentifierTooLong extends BaseRule {

    static final int MAX_BYTES = 63;

    IdentifierTooLong() {
        super("identifier-too-long", Severity.WARNING, Category.HYGIENE,
                "A table, column, index, constraint or view name longer than 63 bytes",
                "PostgreSQL truncates identifiers to 63 bytes with only a NOTICE: the object gets a different name than the "
                        + "migration wrote, later migrations that use the full name fail or hit another object, and two long "
                        + "names that share their first 63 bytes collide.",
                "Shorten the name to at most 63 bytes (UTF-8: non-ASCII letters take 2-4 bytes each).",
                "");
    }

    @Override
    public Set<Class<? extends Operation>> handles() {
        return Set.of(Operation.CreateTable.class,
                Operation.AddColumn.class,
                Operation.AddConstraint.class,
                Operation.CreateIndex.class,
                Operation.CreateView.class,
                Operation.RenameTable.class,
                Operation.RenameColumn.class);
    }

    @Override
    public void check(StatementContext ctx) {
        if (!names(ctx.statement().operations()) || ctx.statement().sql().length() <= MAX_BYTES || !mayBeCut(ctx.statement().sql())) {
            return;
        }
        // the model holds names as the server will (cut to 63 bytes): read the written ones from the tokens
        SqlLexer lexer = new SqlLexer(ctx.statement().sql());
        java.util.Set<String> reported = new java.util.HashSet<>();
        while (lexer.next()) {
            String name = switch (lexer.kind()) {
                case WORD -> lexer.text();
                case QUOTED -> unquote(lexer.text());
                default -> null;
            };
            if (name != null && name.length() * 3 > MAX_BYTES) {
                int bytes = name.getBytes(StandardCharsets.UTF_8).length;
                if (bytes > MAX_BYTES && reported.add(name)) {
                    ctx.report(null, "Name " + name + " is " + bytes + " bytes: PostgreSQL truncates it to 63", null);
                }
            }
        }
    }

    /** A word or quoted name long enough to exceed 63 bytes (a UTF-16 char is at most 3 bytes of UTF-8): lex only then. */
    private static boolean mayBeCut(String sql) {
        int run = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '"') {
                int close = sql.indexOf('"', i + 1);
                if (close < 0 || (close - i - 1) * 3 > MAX_BYTES) {
                    return true;
                }
                i = close;
                run = 0;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c >= 0x80) {
                if (++run * 3 > MAX_BYTES) {
                    return true;
                }
            } else {
                run = 0;
            }
        }
        return false;
    }

    /** Statements that name a new object or a new name for one. */
    private static boolean names(List<Operation> ops) {
        for (Operation op : ops) {
            if (op instanceof Operation.CreateTable || op instanceof Operation.AddColumn || op instanceof Operation.AddConstraint
                    || op instanceof Operation.CreateIndex || op instanceof Operation.CreateView || op instanceof Operation.RenameTable
                    || op instanceof Operation.RenameColumn) {
                return true;
            }
        }
        return false;
    }

    private static String unquote(String quoted) {
        if (quoted.startsWith("U&")) {
            return null; // escapes: leave to the normalizer
        }
        return quoted.length() >= 2 ? quoted.substring(1, quoted.length() - 1).replace("\"\"", "\"") : quoted;
    }
}
