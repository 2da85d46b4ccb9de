package io.github.flywayzdm.trace;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.flywayzdm.lint.report.ReportFormat;
import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

@WithPostgres
class TraceReportFormatsTest {

    private static TraceReport report(TestDatabase db) {
        return LockTrace.builder().server(db.server().adminUrl(), db.server().user(), db.server().password()).build()
                .run(Scripts.of("V1__orders.sql", Scripts.ORDERS, "V2__index.sql", "CREATE INDEX orders_status ON orders (status);",
                        "V3__typo.sql", "ALTER TABLE ordres ADD COLUMN b int;"));
    }

    @Test
    void textJsonAndSarif(TestDatabase db) throws Exception {
        TraceReport r = report(db);

        assertThat(r.render(ReportFormat.TEXT)).contains("db/V2__index.sql:1  CREATE INDEX orders_status ON orders (status)")
                .contains("    lock     ShareLock on public.orders (table, held ")
                .contains("    trace    error[trace-index-build-blocks-writes]")
                .contains("    FAILED  42P01: ");

        JsonNode json = new ObjectMapper().readTree(r.render(ReportFormat.JSON));
        assertThat(json.get("failed").asBoolean()).isTrue();
        JsonNode index = json.get("statements").get(2);
        assertThat(index.get("file").asString()).isEqualTo("db/V2__index.sql");
        assertThat(index.get("locks").findValuesAsString("mode")).contains("ShareLock");
        assertThat(json.get("findings").findValuesAsString("rule")).contains(TraceRules.INDEX_BUILD);

        String sarif = r.render(ReportFormat.SARIF);
        try (InputStream schema = getClass().getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema).validate(sarif, InputFormat.JSON))
                    .isEmpty();
        }
        assertThat(sarif).contains("\"ruleId\": \"trace-index-build-blocks-writes\"").contains("\"ruleId\": \"trace-statement-failed\"");
    }
}
