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
 *   <li>Names compare after {@link Identifiers#normalize} (A-Z folding only, 63-byte truncation, U&amp; escapes).</li>
 * </ul>
 * Mutable, one per migration; the engine applies each operation after the rules have seen it.
 */
public final class Relations {

    private static final List<String> DEFAULT_PATH = List.of("$user", "public");

    private List<String> searchPath = DEFAULT_PATH;
    private final Set<TableRef> created = new HashSet<>();

    public void apply(Operation op) {
        if (op instanceof Operation.SetSetting s && (s.name().equals("search_path") || s.name().equals("all"))) {
            searchPath = s.value() == null ? DEFAULT_PATH : parsePath(s.value());
        } else if (op instanceof Operation.CreateTable t && !t.ifNotExists() && t.table() != null) {
            created.add(resolveForCreate(t.table()));
        } else if (op instanceof Operation.CreateView v && v.materialized() && v.table() != null) {
            created.add(resolveForCreate(v.table()));
        } else if (op instanceof Operation.DropTable d) {
            d.dropped().forEach(ref -> created.remove(resolve(ref)));
        } else if (op instanceof Operation.RenameTable r && r.table() != null && r.newName() != null && createdHere(r.table())) {
            TableRef from = resolve(r.table());
            created.remove(from);
            created.add(new TableRef(from.schema(), r.newName()));
        }
    }

    /** True only when {@code ref} certainly names a relation this migration created. */
    public boolean createdHere(TableRef ref) {
        return ref != null && created.contains(resolve(ref));
    }

    /** The schema-qualified relation an existing-object reference means at this point of the migration. */
    public TableRef resolve(TableRef ref) {
        if (ref.schema() != null) {
            return ref;
        }
        TableRef temp = new TableRef("pg_temp", ref.name());
        if (created.contains(temp)) {
            return temp;
        }
        return new TableRef(firstSchema(), ref.name());
    }

    private TableRef resolveForCreate(TableRef ref) {
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
