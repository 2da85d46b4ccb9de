package io.github.flywayzdm.trace;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lock an earlier statement of the transaction took is listed again on a later statement only when that statement
 * names the relation, as the engine reads it (search_path, quoting, folding, truncation): never because the name
 * appears in a string or a comment, or because another schema has a table of that name.
 */
@WithPostgres
class NamedRelationsTest {

    private static final String LONG_64 = "a".repeat(60) + "_tab";          // 64 bytes: the server keeps 63
    private static final String LONG_63 = LONG_64.substring(0, 63);

    private static TraceReport run(TestDatabase db, String... nameThenSql) {
        return LockTrace.builder().server(db.server().adminUrl(), db.server().user(), db.server().password()).build()
                .run(Scripts.of(nameThenSql));
    }

    private static List<String> listed(TraceReport report, String file, int line) {
        StatementTrace st = report.statement(file, line).orElseThrow(() -> new AssertionError("no trace of " + file + ":" + line
                + "\n" + report.render(io.github.flywayzdm.lint.report.ReportFormat.TEXT)));
        return st.locks().stream().filter(l -> !l.acquired()).map(HeldLock::relation).distinct().sorted().toList();
    }

    @Test
    void aNameOnlyInAStringOrACommentIsNotTouched(TestDatabase db) {
        TraceReport r = run(db, "V1__orders.sql", "CREATE TABLE orders (id int);",
                "V2__mention.sql", "ALTER TABLE orders ADD COLUMN a int;\n"
                        + "SELECT 'orders' AS label;\n"
                        + "SELECT 1 /* orders */ -- orders\n;\n"
                        + "SELECT $q$ orders $q$;\n"
                        + "ALTER TABLE orders ADD COLUMN b int;");
        assertThat(r.failure()).isNull();
        assertThat(listed(r, "V2__mention.sql", 2)).isEmpty();
        assertThat(listed(r, "V2__mention.sql", 3)).isEmpty();
        assertThat(listed(r, "V2__mention.sql", 5)).isEmpty();
        assertThat(listed(r, "V2__mention.sql", 6)).containsExactly("public.orders");
    }

    @Test
    void quotedMixedCaseIsNotItsLowerCaseNamesake(TestDatabase db) {
        TraceReport r = run(db, "V1__tables.sql", "CREATE TABLE orders (id int);\nCREATE TABLE \"Orders\" (id int);",
                "V2__both.sql", "ALTER TABLE orders ADD COLUMN a int;\n"
                        + "ALTER TABLE \"Orders\" ADD COLUMN a int;\n"
                        + "ALTER TABLE \"Orders\" ADD COLUMN b int;\n"
                        + "ALTER TABLE ORDERS ADD COLUMN b int;");
        assertThat(r.failure()).isNull();
        assertThat(listed(r, "V2__both.sql", 3)).containsExactly("public.\"Orders\"");
        assertThat(listed(r, "V2__both.sql", 4)).containsExactly("public.orders");
    }

    @Test
    void aSchemaQualifiedNameAndOneReachedThroughSearchPath(TestDatabase db) {
        TraceReport r = run(db, "V1__tables.sql", "CREATE TABLE orders (id int);\nCREATE SCHEMA archive;\nCREATE TABLE archive.orders (id int);",
                "V2__two_schemas.sql", "ALTER TABLE orders ADD COLUMN a int;\n"
                        + "ALTER TABLE archive.orders ADD COLUMN a int;\n"
                        + "ALTER TABLE archive.orders ADD COLUMN b int;\n"
                        + "SET search_path = archive, public;\n"
                        + "ALTER TABLE orders ADD COLUMN c int;\n"
                        + "RESET search_path;\n"
                        + "ALTER TABLE orders ADD COLUMN c int;\n"
                        + "SELECT set_config('search_path', 'archive', false);\n"
                        + "ALTER TABLE orders ADD COLUMN d int;");
        assertThat(r.failure()).isNull();
        assertThat(listed(r, "V2__two_schemas.sql", 3)).containsExactly("archive.orders");
        assertThat(listed(r, "V2__two_schemas.sql", 5)).containsExactly("archive.orders");
        assertThat(listed(r, "V2__two_schemas.sql", 7)).containsExactly("public.orders");
        assertThat(listed(r, "V2__two_schemas.sql", 9)).containsExactly("archive.orders");
    }

    @Test
    void aSixtyFourByteNameIsTheTableTheServerTruncatedItTo(TestDatabase db) {
        TraceReport r = run(db, "V1__long.sql", "CREATE TABLE " + LONG_63 + " (id int);\nCREATE TABLE other (id int);",
                "V2__long.sql", "ALTER TABLE " + LONG_63 + " ADD COLUMN a int;\n"
                        + "ALTER TABLE other ADD COLUMN a int;\n"
                        + "ALTER TABLE " + LONG_64 + " ADD COLUMN b int;");
        assertThat(r.failure()).isNull();
        assertThat(listed(r, "V2__long.sql", 3)).containsExactly("public." + LONG_63);
    }

    @Test
    void unicodeNamesFoldOnlyAsciiLetters(TestDatabase db) {
        // unquoted Ärzte stays Ärzte (only A-Z fold), a table apart from ärzte
        TraceReport r = run(db, "V1__aerzte.sql", "CREATE TABLE Ärzte (id int);\nCREATE TABLE ärzte (id int);",
                "V2__aerzte.sql", "ALTER TABLE ärzte ADD COLUMN a int;\n"
                        + "ALTER TABLE Ärzte ADD COLUMN a int;\n"
                        + "ALTER TABLE ÄRZTE ADD COLUMN b int;\n"
                        + "ALTER TABLE \"ärzte\" ADD COLUMN b int;");
        assertThat(r.failure()).as(r.failure()).isNull();
        assertThat(listed(r, "V2__aerzte.sql", 3)).containsExactly("public.\"Ärzte\"");
        assertThat(listed(r, "V2__aerzte.sql", 4)).containsExactly("public.\"ärzte\"");
    }
}
