package io.github.flywayzdm.testsupport.disguise;

import java.util.List;

import static io.github.flywayzdm.testsupport.disguise.Disguise.LONG_NAME;
import static io.github.flywayzdm.testsupport.disguise.Disguise.of;

/**
 * The disguised dangerous migrations, by blind-spot class, shared by the tests that prove each one dangerous and
 * failed: flyway-zdm-lint's DisguisedMigrationsTest (real Flyway run, {@code zdm lint}'s defaults) and
 * flyway-zdm-callbacks' GuardedDisguisesTest (the enforce-mode guard in a real Flyway migrate).
 */
public final class Catalogue {

    private static final String INDEX = "create-index-non-concurrent";
    private static final String TYPE = "alter-column-type-rewrite";
    private static final String NOT_NULL = "set-not-null-scan";
    private static final String CHECK = "add-check-without-not-valid";
    private static final String VOLATILE = "add-column-volatile-default";
    private static final String LOCK = "lock-table";

    private Catalogue() {
    }

    public static List<Disguise> all() {
        return List.of(
                // ---- 1. DO blocks: executed at migrate time, their statements are the migration's statements ----------
                of("do/plain", INDEX, "DO $$ BEGIN CREATE INDEX i ON orders (customer_id); END $$;"),
                of("do/if-missing", INDEX, """
                        DO $$
                        BEGIN
                          IF NOT EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'orders_customer_idx') THEN
                            CREATE INDEX orders_customer_idx ON orders (customer_id);
                          END IF;
                        END
                        $$;"""),
                of("do/declare", VOLATILE, """
                        DO $body$
                        DECLARE
                          n int := 0;
                          label text;
                        BEGIN
                          ALTER TABLE orders ADD COLUMN score double precision DEFAULT random();
                        END
                        $body$ LANGUAGE plpgsql;"""),
                of("do/execute-constant", INDEX, "DO $$ BEGIN EXECUTE 'CREATE INDEX i ON orders (status)'; END $$;"),
                of("do/execute-e-string", INDEX, "DO $$ BEGIN EXECUTE E'CREATE INDEX i ON orders (status)\\n'; END $$;"),
                of("do/execute-dollar", TYPE, "DO $a$ BEGIN EXECUTE $b$ALTER TABLE orders ALTER COLUMN total TYPE bigint$b$; END $a$;"),
                of("do/else-branch", INDEX, """
                        DO $$ BEGIN
                          IF current_setting('server_version_num')::int < 0 THEN
                            RAISE NOTICE 'never';
                          ELSE
                            CREATE INDEX i ON orders (customer_id);
                          END IF;
                        END $$;"""),
                of("do/elsif-branch", TYPE, """
                        DO $$ BEGIN
                          IF false THEN NULL;
                          ELSIF true THEN ALTER TABLE orders ALTER COLUMN total TYPE bigint;
                          END IF;
                        END $$;"""),
                of("do/nested-block", LOCK, "DO $$ BEGIN BEGIN LOCK TABLE orders; PERFORM pg_sleep(0); END; END $$;"),
                of("do/exception-handler", INDEX, """
                        DO $$ BEGIN
                          CREATE INDEX i ON orders (customer_id);
                        EXCEPTION WHEN duplicate_table THEN
                          RAISE NOTICE 'exists';
                        END $$;"""),
                of("do/for-loop", INDEX, "DO $$ BEGIN FOR k IN 1..1 LOOP CREATE INDEX ON orders (customer_id); END LOOP; END $$;"),
                of("do/while-loop", CHECK, """
                        DO $$ DECLARE done boolean := false; BEGIN
                          WHILE NOT done LOOP
                            ALTER TABLE orders ADD CONSTRAINT orders_total_pos CHECK (total > 0);
                            done := true;
                          END LOOP;
                        END $$;"""),
                of("do/case-statement", NOT_NULL, """
                        DO $$ BEGIN
                          CASE 1 WHEN 2 THEN NULL;
                          ELSE ALTER TABLE orders ALTER COLUMN status SET NOT NULL;
                          END CASE;
                        END $$;"""),
                of("do/label", INDEX, "DO $$ <<outer>> BEGIN CREATE INDEX i ON orders (customer_id); END outer $$;"),
                of("do/string-body", INDEX, "DO 'BEGIN CREATE INDEX i ON orders (customer_id); END';"),
                of("do/language-first", INDEX, "DO LANGUAGE plpgsql $$ BEGIN CREATE INDEX i ON orders (customer_id); END $$;"),
                of("do/unicode-tag", INDEX, "DO $ä$ BEGIN CREATE INDEX i ON orders (customer_id); END $ä$;"),
                of("do/after-harmless", TYPE, """
                        SELECT 1;
                        DO $$ BEGIN RAISE NOTICE 'start'; ALTER TABLE orders ALTER COLUMN total TYPE bigint; END $$;"""),

                // ---- 2. relation identity: "created in this migration" must mean the same relation ------------------
                of("name/if-not-exists", INDEX, "CREATE TABLE IF NOT EXISTS orders (id bigint);\nCREATE INDEX ON orders (customer_id);"),
                of("name/other-schema", INDEX, "CREATE TABLE archive.orders (id bigint);\nCREATE INDEX ON orders (customer_id);"),
                of("name/search-path-set-reset", INDEX, """
                        SET search_path = archive;
                        CREATE TABLE orders (id bigint);
                        RESET search_path;
                        CREATE INDEX ON orders (customer_id);"""),
                of("name/search-path-to", INDEX, """
                        SET search_path TO archive, public;
                        CREATE TABLE orders (id bigint);
                        SET search_path TO public;
                        CREATE INDEX ON orders (customer_id);"""),
                of("name/search-path-set-config", TYPE, """
                        SELECT set_config('search_path', 'archive', false);
                        CREATE TABLE orders (total int);
                        SELECT set_config('search_path', 'public', false);
                        ALTER TABLE orders ALTER COLUMN total TYPE bigint;"""),
                of("name/search-path-reset-all", INDEX, """
                        SET SESSION search_path = archive;
                        CREATE TABLE orders (id bigint);
                        RESET ALL;
                        CREATE INDEX ON orders (customer_id);"""),
                of("name/temp-then-qualified", INDEX, "CREATE TEMP TABLE orders (customer_id bigint);\nCREATE INDEX ON public.orders (customer_id);"),
                of("name/temp-dropped", INDEX, """
                        CREATE TEMPORARY TABLE orders (customer_id bigint);
                        DROP TABLE orders;
                        CREATE INDEX ON orders (customer_id);"""),
                of("name/temp-rewrite", TYPE, "CREATE TEMP TABLE orders (total int);\nALTER TABLE public.orders ALTER COLUMN total TYPE bigint;"),
                of("name/non-ascii-fold", INDEX, "CREATE TABLE Ärzte (id bigint);\nCREATE INDEX ON ärzte (name);").table("public.ärzte"),
                of("name/truncated-if-not-exists", INDEX, "CREATE TABLE IF NOT EXISTS " + LONG_NAME + "_new (id bigint);\nCREATE INDEX ON "
                        + LONG_NAME + "_new (v);").table("public." + LONG_NAME),
                of("name/unicode-escape", INDEX, "CREATE TABLE U&\"x\" (id bigint);\nCREATE INDEX ON U&\"\\006Frders\" (customer_id);"),
                of("name/uescape", INDEX, "CREATE TABLE U&\"!0078\" UESCAPE '!' (id bigint);\nCREATE INDEX ON U&\"!006Frders\" UESCAPE '!' (customer_id);"),
                of("name/quoted-lower", TYPE, "CREATE TABLE \"Orders\" (total int);\nALTER TABLE \"orders\" ALTER COLUMN total TYPE bigint;"),

                // ---- 3. the lexer: read the script the way the server does -------------------------------------------
                of("lex/bom-mid-word", INDEX, "CREATE IN\uFEFFDEX i ON orders (customer_id);"),
                of("lex/bom-concatenated", INDEX, "SELECT 1;\n\uFEFFCREATE INDEX i ON orders (customer_id);"),
                of("lex/bom-in-name", TYPE, "ALTER TABLE ord\uFEFFers ALTER COLUMN total TYPE bigint;"),
                of("lex/cr-ends-comment", INDEX, "CREATE -- a note\rINDEX i ON orders (customer_id);"),
                of("lex/cr-comment-second-action", TYPE, "ALTER TABLE orders ADD COLUMN flag int, -- a note\rALTER COLUMN total TYPE bigint;"),
                of("lex/euro-dollar-tag", TYPE, "ALTER TABLE orders ADD COLUMN memo text DEFAULT $€$x$€$, ALTER COLUMN total TYPE bigint;"),
                of("lex/umlaut-dollar-tag", TYPE, "ALTER TABLE orders ADD COLUMN memo text DEFAULT $ö$x$ö$, ALTER COLUMN total TYPE bigint;"),
                of("lex/nested-comment", INDEX, "CREATE INDEX i /* outer /* inner */ still outer */ ON orders (customer_id);"),
                of("lex/e-string-continued", TYPE, "ALTER TABLE orders ADD COLUMN memo text DEFAULT E'it'\n'\\'s', ALTER COLUMN total TYPE bigint -- '\n;"),
                of("lex/standard-conforming-off", TYPE, """
                        SET standard_conforming_strings = off;
                        ALTER TABLE orders ADD COLUMN memo text DEFAULT 'x\\'', ALTER COLUMN total TYPE bigint, ADD COLUMN w text DEFAULT 'y' -- '
                        ;"""),
                of("lex/begin-atomic-labels", INDEX, """
                        SELECT begin atomic FROM (SELECT 1 AS begin) AS s;
                        CREATE INDEX i ON orders (customer_id);
                        SELECT 1 AS end;"""),
                of("lex/operator-then-comment", TYPE, "ALTER TABLE orders ADD COLUMN z int DEFAULT 2*--x\n3, ALTER COLUMN total TYPE bigint;"),
                of("lex/u-string", TYPE, "ALTER TABLE orders ADD COLUMN memo text DEFAULT U&'\\0041', ALTER COLUMN total TYPE bigint;"),
                of("lex/string-continuation-comment", TYPE,
                        "ALTER TABLE orders ADD COLUMN memo text DEFAULT 'a' -- one\n'b', ALTER COLUMN total TYPE bigint;"),
                // Flyway skips a no-break space between statements (the server alone would not): it must not hide them
                of("lex/nbsp-indent", INDEX, "\u00A0 \u00A0 CREATE INDEX i ON orders (customer_id);"),
                of("lex/nbsp-between", TYPE, "SELECT 1;\u00A0 \u00A0 \nALTER TABLE orders ALTER COLUMN total TYPE bigint;\u00A0\n"),
                of("lex/quoted-semicolon-name", INDEX, "CREATE INDEX \"i;x\" ON orders (customer_id);"),

                // ---- 4. placeholders are substituted before splitting, as Flyway does ----------------------------------
                of("placeholder/semicolon", INDEX, "SELECT '${v}';").placeholder("v", "'; CREATE INDEX i ON orders (customer_id); SELECT '"),
                of("placeholder/comment-end", INDEX, "/* ${v} */ SELECT 1;").placeholder("v", "*/ CREATE INDEX i ON orders (customer_id); /*"),
                of("placeholder/newline", INDEX, "-- owner: ${v}\nSELECT 1;").placeholder("v", "x\nCREATE INDEX i ON orders (customer_id);"),
                of("placeholder/quote", TYPE, "COMMENT ON TABLE orders IS '${v}';")
                        .placeholder("v", "x'; ALTER TABLE orders ALTER COLUMN total TYPE bigint; COMMENT ON TABLE orders IS 'y"),
                of("placeholder/do-body", INDEX, "DO $$ BEGIN ${body} END $$;").placeholder("body", "CREATE INDEX i ON orders (customer_id);"),

                // ---- 5. stale schema state ---------------------------------------------------------------------------
                of("state/renamed-constraint", NOT_NULL, """
                        ALTER TABLE orders RENAME CONSTRAINT orders_status_nn TO status_present;
                        ALTER TABLE orders DROP CONSTRAINT status_present;
                        ALTER TABLE orders ALTER COLUMN status SET NOT NULL;""")
                        .setup("ALTER TABLE orders ADD CONSTRAINT orders_status_nn CHECK (status IS NOT NULL);"),
                of("state/drop-then-set-not-null", NOT_NULL, "ALTER TABLE orders DROP CONSTRAINT orders_status_nn, ALTER COLUMN status SET NOT NULL;")
                        .setup("ALTER TABLE orders ADD CONSTRAINT orders_status_nn CHECK (status IS NOT NULL);"),
                of("state/drop-in-do-then-set", NOT_NULL, """
                        DO $$ BEGIN ALTER TABLE orders DROP CONSTRAINT orders_status_nn; END $$;
                        ALTER TABLE orders ALTER COLUMN status SET NOT NULL;""")
                        .setup("ALTER TABLE orders ADD CONSTRAINT orders_status_nn CHECK (status IS NOT NULL);"),

                // ---- 6. ON ONLY is a no-op only on a partitioned parent ------------------------------------------------
                of("only/ordinary-table", INDEX, "CREATE INDEX i ON ONLY orders (customer_id);"),
                of("only/qualified-unique", INDEX, "CREATE UNIQUE INDEX i ON ONLY public.orders (id, customer_id);"),

                // ---- 7. a suppression covers exactly the next statement -------------------------------------------------
                of("suppress/same-line-index", INDEX, """
                        -- zdm:ignore create-index-non-concurrent: small is a tiny lookup table
                        CREATE INDEX small_x ON small (x); CREATE INDEX i ON orders (customer_id);"""),
                of("suppress/same-line-rewrite", TYPE, """
                        -- zdm:ignore alter-column-type-rewrite: small is tiny
                        ALTER TABLE small ALTER COLUMN x TYPE bigint; ALTER TABLE orders ALTER COLUMN total TYPE bigint;"""),

                // ---- a call of a function an earlier migration created runs its body --------------------------------------
                of("call/select-function", INDEX, "SELECT add_customer_index();").setup("""
                        CREATE FUNCTION add_customer_index() RETURNS void LANGUAGE plpgsql AS $$
                        BEGIN CREATE INDEX i ON orders (customer_id); END $$;"""),
                of("call/perform-in-do", TYPE, "DO $$ BEGIN PERFORM widen_total(); END $$;").setup("""
                        CREATE OR REPLACE FUNCTION widen_total() RETURNS void AS $f$
                        BEGIN ALTER TABLE orders ALTER COLUMN total TYPE bigint; END $f$ LANGUAGE plpgsql;"""),
                of("call/procedure", INDEX, "CALL index_orders();").setup("""
                        CREATE PROCEDURE index_orders() LANGUAGE sql AS 'CREATE INDEX i ON orders (customer_id)';"""),

                // ---- mixtures ------------------------------------------------------------------------------------------
                of("mix/do-in-other-schema-path", INDEX, """
                        SET search_path = archive;
                        CREATE TABLE orders (customer_id bigint);
                        SET search_path = public;
                        DO $$ BEGIN CREATE INDEX ON orders (customer_id); END $$;"""),
                of("mix/bom-in-do", INDEX, "DO $$ BEGIN CREATE IN\uFEFFDEX i ON orders (customer_id); END $$;"),
                of("mix/do-execute-after-temp", TYPE, """
                        CREATE TEMP TABLE orders (total int);
                        DO $$ BEGIN EXECUTE 'ALTER TABLE public.orders ALTER COLUMN total TYPE bigint'; END $$;"""),
                of("mix/placeholder-schema", INDEX, "CREATE TABLE ${schema}.orders (id bigint);\nCREATE INDEX ON orders (customer_id);")
                        .placeholder("schema", "archive"),
                of("mix/if-not-exists-in-do", INDEX, """
                        DO $$ BEGIN
                          CREATE TABLE IF NOT EXISTS orders (id bigint);
                          CREATE INDEX ON orders (customer_id);
                        END $$;"""));
    }
}
