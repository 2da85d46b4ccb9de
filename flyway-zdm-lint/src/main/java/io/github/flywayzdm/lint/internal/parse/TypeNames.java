package io.github.flywayzdm.lint.internal.parse;

import io.github.flywayzdm.lint.internal.model.TypeName;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** PostgreSQL's canonical spelling of type names, so rules compare {@code int4} and {@code integer} as one type. */
final class TypeNames {

    private static final Map<String, String> CANONICAL = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("integer", "integer"),
            Map.entry("int8", "bigint"), Map.entry("bigint", "bigint"),
            Map.entry("int2", "smallint"), Map.entry("smallint", "smallint"),
            Map.entry("varchar", "character varying"), Map.entry("character varying", "character varying"),
            Map.entry("char varying", "character varying"),
            Map.entry("char", "character"), Map.entry("character", "character"), Map.entry("bpchar", "character"),
            Map.entry("timestamp", "timestamp without time zone"),
            Map.entry("timestamp without time zone", "timestamp without time zone"),
            Map.entry("timestamptz", "timestamp with time zone"), Map.entry("timestamp with time zone", "timestamp with time zone"),
            Map.entry("time", "time without time zone"), Map.entry("time without time zone", "time without time zone"),
            Map.entry("timetz", "time with time zone"), Map.entry("time with time zone", "time with time zone"),
            Map.entry("decimal", "numeric"), Map.entry("numeric", "numeric"),
            Map.entry("bool", "boolean"), Map.entry("boolean", "boolean"),
            Map.entry("float8", "double precision"), Map.entry("double precision", "double precision"),
            Map.entry("float", "double precision"),
            Map.entry("float4", "real"), Map.entry("real", "real"),
            Map.entry("serial", "serial"), Map.entry("serial4", "serial"),
            Map.entry("bigserial", "bigserial"), Map.entry("serial8", "bigserial"),
            Map.entry("smallserial", "smallserial"), Map.entry("serial2", "smallserial"),
            Map.entry("varbit", "bit varying"), Map.entry("bit varying", "bit varying"));

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private TypeNames() {
    }

    /** @param words the type's words in order, e.g. ["timestamp", "with", "time", "zone"] or ["public", ".", "my_type"] */
    static TypeName of(String words, List<Integer> modifiers, boolean array) {
        String name = WHITESPACE.matcher(words.trim()).replaceAll(" ");
        if (!name.startsWith("\"")) {
            name = name.toLowerCase(Locale.ROOT);
        }
        if (name.startsWith("pg_catalog.")) {
            name = name.substring("pg_catalog.".length());
        }
        // float(p): p <= 24 is real
        if (name.equals("float") && !modifiers.isEmpty()) {
            return new TypeName(modifiers.get(0) <= 24 ? "real" : "double precision", List.of(), array);
        }
        return new TypeName(CANONICAL.getOrDefault(name, name), modifiers, array);
    }
}
