package io.github.flywayzdm.backfill.internal;

import java.util.List;
import java.util.stream.Collectors;

/** Quoting for names that come from the backfill definition: always quoted, so no name can inject SQL. */
public final class Identifiers {

    private Identifiers() {
    }

    public static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    public static String qualified(String schema, String name) {
        return schema == null ? quote(name) : quote(schema) + "." + quote(name);
    }

    static String list(List<String> names) {
        return names.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
    }

    /** Two sessions creating the same table at once: the loser gets one of these, and the table exists either way. */
    static boolean alreadyExists(java.sql.SQLException e) {
        String state = e.getSQLState();
        return "23505".equals(state) || "42P07".equals(state) || "42710".equals(state);
    }
}
