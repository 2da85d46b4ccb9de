package io.github.flywayzdm.lint.internal.model;

import java.util.List;

/**
 * A column type, normalized: {@code name} is PostgreSQL's canonical lower-case spelling where known
 * ({@code int4} → {@code integer}, {@code varchar} → {@code character varying}, {@code timestamptz} →
 * {@code timestamp with time zone}, {@code serial} stays {@code serial}), {@code modifiers} the numbers in parentheses.
 */
public record TypeName(String name, List<Integer> modifiers, boolean array) {

    public TypeName {
        modifiers = List.copyOf(modifiers);
    }

    public static TypeName of(String name, Integer... modifiers) {
        return new TypeName(name, List.of(modifiers), false);
    }

    public boolean is(String canonicalName) {
        return name.equals(canonicalName);
    }

    @Override
    public String toString() {
        String mods = modifiers.isEmpty() ? "" : modifiers.toString().replace('[', '(').replace(']', ')').replace(" ", "");
        return name + mods + (array ? "[]" : "");
    }
}
