package io.github.flywayzdm.testsupport.disguise;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One disguised dangerous migration: a script that PostgreSQL and Flyway accept and that really blocks, scans under a
 * strong lock or rewrites the live table, written so that a reader which does not read SQL the server's way would
 * pass it.
 *
 * @param id           short name, the blind-spot class first
 * @param script       the migration under test (V3)
 * @param setup        an earlier migration (V2) run before it, may be empty
 * @param table        the live table the danger is about, schema-qualified
 * @param rule         the rule that must report it
 * @param placeholders Flyway placeholders for the run and for the linter
 */
public record Disguise(String id, String script, String setup, String table, String rule, Map<String, String> placeholders) {

    /** 63 bytes: the longest name PostgreSQL keeps; one more character is cut off. */
    public static final String LONG_NAME = "t" + "x".repeat(62);

    public static final String SCHEMA = """
            CREATE SCHEMA archive;
            CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, status text, total int, note varchar(20));
            INSERT INTO orders SELECT g, g % 100, 'new', g, 'n' FROM generate_series(1, 3000) g;
            CREATE TABLE small (id bigint PRIMARY KEY, x int);
            CREATE TABLE ärzte (id bigint PRIMARY KEY, name text);
            INSERT INTO ärzte SELECT g, 'dr ' || g FROM generate_series(1, 500) g;
            CREATE TABLE LONGNAME (id bigint PRIMARY KEY, v int);
            INSERT INTO LONGNAME SELECT g, g FROM generate_series(1, 500) g;
            ANALYZE;
            """.replace("LONGNAME", LONG_NAME);

    static Disguise of(String id, String rule, String script) {
        return new Disguise(id, script, "", "public.orders", rule, Map.of());
    }

    Disguise setup(String sql) {
        return new Disguise(id, script, sql, table, rule, placeholders);
    }

    Disguise table(String qualified) {
        return new Disguise(id, script, setup, qualified, rule, placeholders);
    }

    Disguise placeholder(String name, String value) {
        Map<String, String> p = new LinkedHashMap<>(placeholders);
        p.put(name, value);
        return new Disguise(id, script, setup, table, rule, p);
    }

    /** The migration file name the disguised script is written to; the schema and setup come before it. */
    public static final String SCRIPT_FILE = "V3__disguise.sql";

    /** The migrations of this case in Flyway's order, file name → content: the schema (V1), the setup (V2) if any, the script (V3). */
    public Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("V1__schema.sql", SCHEMA);
        if (!setup.isBlank()) {
            files.put("V2__setup.sql", setup);
        }
        files.put(SCRIPT_FILE, script);
        return files;
    }

    @Override
    public String toString() {
        return id;
    }
}
