package io.github.flywayzdm.lint.internal.rules.hygiene;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Identifiers;
import io.github.flywayzdm.lint.internal.rules.BaseRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;
import io.github.flywayzdm.lint.internal.split.SqlLexer;

import java.nio.charset.StandardCharsets;

/** PostgreSQL silently truncates names longer than 63 bytes (NAMEDATALEN - 1). */
public final class IdentifierTooLong extends BaseRule {

    static final int MAX_BYTES = 63;

    public IdentifierTooLong() {
        super("identifier-too-long", Severity.WARNING, Category.HYGIENE,
                "A table, column, index, constraint or view name longer than 63 bytes",
                "PostgreSQL truncates identifiers to 63 bytes with only a NOTICE: the object gets a different name than the "
                        + "migration wrote, later migrations that use the full name fail or hit another object, and two long "
                        + "names that share their first 63 bytes collide.",
                "Shorten the name to at most 63 bytes (UTF-8: non-ASCII letters take 2-4 bytes each).",
                "");
    }

    /**
     * Reads the names from the statement's text: the parsed operations carry them already truncated, as the server
     * stores them. Any name written longer than 63 bytes is reported, once.
     */
    @Override
    public void check(StatementContext ctx) {
        java.util.Set<String> reported = new java.util.HashSet<>();
        SqlLexer lexer = new SqlLexer(ctx.statement().sql());
        while (lexer.next()) {
            if (lexer.kind() != SqlLexer.Kind.WORD && lexer.kind() != SqlLexer.Kind.QUOTED) {
                continue;
            }
            String name = Identifiers.unquoted(lexer.text(), '\\');
            int bytes = name.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_BYTES && reported.add(name)) {
                ctx.report(null, "Name " + name + " is " + bytes + " bytes: PostgreSQL truncates it to 63", null);
            }
        }
    }
}
