package io.github.flywayzdm.lint.internal.catalog;

import io.github.flywayzdm.lint.internal.model.Identifiers;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.model.TableRef;
import io.github.flywayzdm.lint.internal.split.SqlLexer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which relations one migration certainly created, identified as PostgreSQL identifies them, so that "created in this
 * migration" (which exempts a table from the lock rules) cannot be claimed for a live table by a look-alike name.
 *
 * <ul>
 *   <li>An unqualified name resolves through {@code search_path}, followed across SET / SET LOCAL / RESET /
 *       {@code set_config} (default {@code "$user", public}; a {@code $user} schema is assumed not to exist): CREATE
 *       puts the table in the first schema of the path, and a later reference means the created table only when that
 *       same first schema (or {@code pg_temp}, which the server searches first) holds it. So
 *       {@code CREATE TABLE archive.orders} never exempts {@code public.orders}.</li>
 *   <li>A TEMP table lives in {@code pg_temp}: it exempts only what resolves to it.</li>
 *   <li>{@code CREATE TABLE IF NOT EXISTS} may have created nothing (the live table already existed): it exempts
 *       nothing.</li>
 *   <li>Names compare after {@link Identifiers#normalize} (A-Z folding only, U&amp; escapes) and
 *       {@link Identifiers#truncate} (63 bytes, as stored).</li>
 * </ul>
 * Mutable, one per migration; the engine applies each operation after the rules have seen it.
 */
public final class Relations {

    private static final List<String> DEFAULT_PATH = List.of("$user", "public");

    private List<String> searchPath = DEFAULT_PATH;
    /** The script changed search_path (SET, SET LOCAL, RESET, set_config): before that, the session's own path holds. */
    private boolean pathSetHere;
    private final Set<TableRef> created = new HashSet<>();

    /** The relation as the server stores its name (63 bytes at most). */
    private static TableRef stored(TableRef ref) {
        return new TableRef(ref.schema() == null ? null : Identifiers.truncate(ref.schema()), Identifiers.truncate(ref.name()));
    }

    public void apply(Operation op) {
        if (op instanceof Operation.SetSetting s && (s.name().equals("search_path") || s.name().equals("all"))) {
            searchPath = s.value() == null ? DEFAULT_PATH : parsePath(s.value());
            pathSetHere = true;
        } else if (op instanceof Operation.CreateTable t && !t.ifNotExists() && t.table() != null) {
            created.add(resolveForCreate(t.table()));
        } else if (op instanceof Operation.CreateView v && v.materialized() && v.table() != null) {
            created.add(resolveForCreate(v.table()));
        } else if (op instanceof Operation.DropTable d) {
            d.dropped().forEach(ref -> created.remove(resolve(ref)));
        } else if (op instanceof Operation.RenameTable r && r.table() != null && r.newName() != null && createdHere(r.table())) {
            TableRef from = resolve(r.table());
            created.remove(from);
            created.add(stored(new TableRef(from.schema(), r.newName())));
        }
    }

    /** True only when {@code ref} certainly names a relation this migration created. */
    public boolean createdHere(TableRef ref) {
        return ref != null && created.contains(resolve(ref));
    }

    /**
     * The name to look {@code written} up with in the live catalog (table sizes, unique keys). Unqualified while the
     * script has not changed search_path: the migration session resolves it with its own path, which only the server
     * knows (Flyway sets it from flyway.schemas). Once the script set the path, qualified with its first schema: a
     * relation found there is the one the server resolves to, and a table that lives further down the path is then
     * not found, so it counts as unknown (full severity), never as some other schema's table of the same name.
     */
    public TableRef liveName(TableRef written) {
        TableRef ref = stored(written);
        return ref.schema() != null || !pathSetHere ? ref : new TableRef(firstSchema(), ref.name());
    }

    /** The schema-qualified relation an existing-object reference means at this point of the migration. */
    public TableRef resolve(TableRef written) {
        TableRef ref = stored(written);
        if (ref.schema() != null) {
            return ref;
        }
        TableRef temp = new TableRef("pg_temp", ref.name());
        if (created.contains(temp)) {
            return temp;
        }
        return new TableRef(firstSchema(), ref.name());
    }

    private TableRef resolveForCreate(TableRef written) {
        TableRef ref = stored(written);
        return ref.schema() != null ? ref : new TableRef(firstSchema(), ref.name());
    }

    private String firstSchema() {
        for (String schema : searchPath) {
            if (!schema.equals("$user") && !schema.equals("pg_catalog") && !schema.equals("pg_temp")) {
                return schema;
            }
        }
        return "public";
    }

    /** {@code a, "B", 'c'} → [a, B, c]; a value PostgreSQL would reject becomes an empty path (nothing resolves). */
    static List<String> parsePath(String value) {
        List<String> path = new ArrayList<>();
        SqlLexer lexer = new SqlLexer(value);
        while (lexer.next()) {
            switch (lexer.kind()) {
                case WORD, QUOTED -> path.add(Identifiers.normalize(lexer.text()));
                case STRING -> {
                    String text = lexer.text();
                    path.addAll(parsePath(text.substring(1, Math.max(1, text.length() - 1)).replace("''", "'")));
                }
                default -> {
                    // commas
                }
            }
        }
        return path.isEmpty() ? List.of("\u0000none") : path;
    }
}
