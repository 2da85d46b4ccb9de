package io.github.flywayzdm.lint.internal.rules.hygiene;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.BaseRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;
import io.github.flywayzdm.lint.internal.model.TableRef;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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

    @Override
    public void check(StatementContext ctx) {
        List<String> names = new ArrayList<>();
        for (Operation op : ctx.statement().operations()) {
            if (op instanceof Operation.CreateTable t) {
                add(names, t.table());
                t.columns().forEach(c -> names.add(c.name()));
                t.constraints().forEach(c -> names.add(c.name()));
            } else if (op instanceof Operation.AddColumn a) {
                names.add(a.column().name());
            } else if (op instanceof Operation.AddConstraint a) {
                names.add(a.constraint().name());
            } else if (op instanceof Operation.CreateIndex i) {
                names.add(i.name());
            } else if (op instanceof Operation.CreateView v) {
                add(names, v.table());
            } else if (op instanceof Operation.RenameTable r) {
                names.add(r.newName());
            } else if (op instanceof Operation.RenameColumn r) {
                names.add(r.newName());
            }
        }
        for (String name : names) {
            if (name != null && name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
                ctx.report(null, "Name " + name + " is " + name.getBytes(StandardCharsets.UTF_8).length
                        + " bytes: PostgreSQL truncates it to 63", null);
            }
        }
    }

    private static void add(List<String> names, TableRef ref) {
        if (ref != null) {
            names.add(ref.name());
        }
    }

}
