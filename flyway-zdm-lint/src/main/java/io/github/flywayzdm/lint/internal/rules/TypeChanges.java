package io.github.flywayzdm.lint.internal.rules;

import io.github.flywayzdm.lint.internal.model.TypeName;

import java.util.List;
import java.util.Set;

/**
 * Which column type changes PostgreSQL does without rewriting the table (binary-coercible, checked on a real
 * server in the trace module's proofs), and which of those are plain widenings that running code tolerates.
 */
public final class TypeChanges {

    private static final Set<String> PRECISION_TYPES = Set.of("timestamp without time zone", "timestamp with time zone",
            "time without time zone", "time with time zone", "interval");

    private TypeChanges() {
    }

    /**
     * @param sessionUtc the script sets the session TimeZone to UTC before the change (timestamp ↔ timestamptz)
     */
    public static boolean rewrites(TypeName from, TypeName to, int pgMajor, boolean sessionUtc) {
        if (from == null || to == null) {
            return true;
        }
        if (from.array() != to.array()) {
            return true;
        }
        String a = from.name();
        String b = to.name();
        if (a.equals(b)) {
            return !sameOrWider(a, from.modifiers(), to.modifiers());
        }
        if (a.equals("character varying") && b.equals("text")) {
            return false;
        }
        if (a.equals("text") && b.equals("character varying") && to.modifiers().isEmpty()) {
            return false;
        }
        if (a.equals("cidr") && b.equals("inet")) {
            return false;
        }
        // citext (extension) is binary-coercible with text and varchar both ways (pg_cast castmethod 'b')
        if (a.equals("citext") && (b.equals("text") || b.equals("character varying") && to.modifiers().isEmpty())
                || b.equals("citext") && (a.equals("text") || a.equals("character varying"))) {
            return false;
        }
        if (a.equals("timestamp without time zone") && b.equals("timestamp with time zone")
                || a.equals("timestamp with time zone") && b.equals("timestamp without time zone")) {
            return !(pgMajor >= 12 && sessionUtc);
        }
        return true;
    }

    /** PostgreSQL rebuilds the column's indexes although the table is not rewritten: the operator class changes. */
    public static boolean rebuildsIndexes(TypeName from, TypeName to) {
        return from != null && to != null && from.array() == to.array()
                && (from.name().equals("citext") != to.name().equals("citext"));
    }

    /** Same type, and the new modifiers accept every old value: varchar(10)→varchar(20), numeric(10,2)→numeric(12,2). */
    private static boolean sameOrWider(String type, List<Integer> from, List<Integer> to) {
        if (to.isEmpty()) {
            return true; // varchar(n)→varchar, numeric(p,s)→numeric
        }
        if (from.isEmpty()) {
            return false; // unlimited → limited must check every value
        }
        return switch (type) {
            case "character varying", "bit varying" -> to.get(0) >= from.get(0);
            case "numeric" -> to.get(0) >= from.get(0) && scale(to) == scale(from);
            default -> PRECISION_TYPES.contains(type) ? to.get(0) >= from.get(0) : to.equals(from);
        };
    }

    private static int scale(List<Integer> modifiers) {
        return modifiers.size() > 1 ? modifiers.get(1) : 0;
    }

    /** A change running application code keeps working with: a widening within the same kind of type. */
    public static boolean widening(TypeName from, TypeName to) {
        if (from == null || to == null || from.array() != to.array()) {
            return false;
        }
        String a = from.name();
        String b = to.name();
        if (a.equals(b)) {
            return sameOrWider(a, from.modifiers(), to.modifiers());
        }
        return a.equals("character varying") && b.equals("text")
                || a.equals("text") && b.equals("character varying") && to.modifiers().isEmpty()
                || a.equals("smallint") && (b.equals("integer") || b.equals("bigint"))
                || a.equals("integer") && b.equals("bigint")
                || a.equals("cidr") && b.equals("inet")
                || a.equals("real") && b.equals("double precision")
                || a.equals("citext") && b.equals("text") || a.equals("text") && b.equals("citext")
                || a.equals("character varying") && b.equals("citext");
    }
}
