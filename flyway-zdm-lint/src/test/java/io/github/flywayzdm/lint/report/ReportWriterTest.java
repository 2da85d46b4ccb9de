package io.github.flywayzdm.lint.report;

import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.LintReport;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.MigrationScript;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Two active findings (an error and a warning), one suppressed, in a path that needs URI escaping. */
    private static LintReport report() {
        List<MigrationScript> scripts = List.of(
                MigrationScript.of("db/migration/V1__t.sql", "CREATE TABLE t (id bigint PRIMARY KEY, c text, d text);"),
                MigrationScript.of("db/my migrations/V2__x.sql", """
                        CREATE INDEX t_c_idx ON t (c) WHERE c <> '"quoted" & <odd>';
                        ALTER TABLE t DROP COLUMN c;
                        -- zdm:ignore drop-column: nothing reads d since release 3
                        ALTER TABLE t DROP COLUMN d;
                        """));
        return Linter.of(LintConfig.builder().lockTimeoutByRunner(true).disable("statements-after-access-exclusive").disable("multiple-alter-table").build())
                .lint(scripts, s -> s.path().contains("V2"));
    }

    @Test
    void textIsCompilerStyleWithWhyAndFix() {
        String text = ReportWriter.render(report(), ReportFormat.TEXT);
        assertThat(text).contains("db/my migrations/V2__x.sql:1:1: error[create-index-non-concurrent] CREATE INDEX t_c_idx")
                .contains("db/my migrations/V2__x.sql:2:1: warning[drop-column]")
                .contains("    = why: ").contains("    = fix: CREATE INDEX CONCURRENTLY t_c_idx ON t (c)")
                .doesNotContain("DROP COLUMN d")
                .contains("1 error, 1 warning, 0 info (1 suppressed) in ");
    }

    @Test
    void jsonParsesAndKeepsSuppressedFindingsMarked() throws Exception {
        JsonNode root = JSON.readTree(ReportWriter.render(report(), ReportFormat.JSON));
        assertThat(root.get("summary").get("errors").asInt()).isEqualTo(1);
        assertThat(root.get("summary").get("failed").asBoolean()).isTrue();
        assertThat(root.get("findings")).hasSize(3);
        JsonNode suppressed = root.get("findings").get(2);
        assertThat(suppressed.get("suppressed").asBoolean()).isTrue();
        assertThat(suppressed.get("suppression").get("reason").asString()).isEqualTo("nothing reads d since release 3");
        assertThat(root.get("findings").get(0).get("statement").asString()).contains("\"quoted\" & <odd>");
    }

    @Test
    void sarifHasTheStructureCodeScanningNeeds() throws Exception {
        JsonNode run = JSON.readTree(ReportWriter.render(report(), ReportFormat.SARIF)).get("runs").get(0);
        JsonNode rules = run.get("tool").get("driver").get("rules");
        assertThat(rules.size()).isEqualTo(Linter.rules().size());
        JsonNode results = run.get("results");
        assertThat(results).hasSize(3);
        JsonNode first = results.get(0);
        assertThat(first.get("ruleId").asString()).isEqualTo("create-index-non-concurrent");
        assertThat(rules.get(first.get("ruleIndex").asInt()).get("id").asString()).isEqualTo("create-index-non-concurrent");
        assertThat(first.get("level").asString()).isEqualTo("error");
        JsonNode location = first.get("locations").get(0).get("physicalLocation");
        assertThat(location.get("artifactLocation").get("uri").asString()).isEqualTo("db/my%20migrations/V2__x.sql");
        assertThat(location.get("artifactLocation").get("uriBaseId").asString()).isEqualTo("SRCROOT");
        assertThat(location.get("region").get("startLine").asInt()).isEqualTo(1);
        assertThat(first.get("partialFingerprints").get("zdmFingerprint/v1").asString()).hasSize(32);
        assertThat(results.get(2).get("suppressions").get(0).get("kind").asString()).isEqualTo("inSource");
    }

    @Test
    void fingerprintsSurviveLinesMovingButNotStatementsChanging() {
        LintReport a = Linter.withDefaults().lint(List.of(MigrationScript.of("V1__t.sql", "CREATE TABLE t (c int);"),
                MigrationScript.of("V2__i.sql", "CREATE INDEX i ON t (c);")), s -> s.path().startsWith("V2"));
        LintReport b = Linter.withDefaults().lint(List.of(MigrationScript.of("V1__t.sql", "CREATE TABLE t (c int);"),
                MigrationScript.of("V2__i.sql", "\n\n-- moved down\nCREATE INDEX i ON t (c);")), s -> s.path().startsWith("V2"));
        LintReport c = Linter.withDefaults().lint(List.of(MigrationScript.of("V1__t.sql", "CREATE TABLE t (c int, d int);"),
                MigrationScript.of("V2__i.sql", "CREATE INDEX i ON t (d);")), s -> s.path().startsWith("V2"));
        String fa = Fingerprints.of(a.active().get(0));
        assertThat(Fingerprints.of(b.active().get(0))).isEqualTo(fa);
        assertThat(Fingerprints.of(c.active().get(0))).isNotEqualTo(fa);
    }

    @Test
    void junitXmlHasOneFailurePerActiveFinding() throws Exception {
        String xml = ReportWriter.render(report(), ReportFormat.JUNIT);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(2);
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("2");
        assertThat(doc.getElementsByTagName("testcase").item(0).getAttributes().getNamedItem("name").getNodeValue())
                .isEqualTo("db/my migrations/V2__x.sql");
    }

    @Test
    void githubAnnotationsEscapeTheirProperties() {
        String gh = ReportWriter.render(report(), ReportFormat.GITHUB);
        assertThat(gh.lines()).hasSize(2);
        assertThat(gh).startsWith("::error file=db/my migrations/V2__x.sql,line=1,col=1,title=create-index-non-concurrent::CREATE INDEX");
        assertThat(gh).contains("::warning file=").contains("%0A");
    }

    @Test
    void gitlabCodeQualityIsAJsonArray() throws Exception {
        JsonNode issues = JSON.readTree(ReportWriter.render(report(), ReportFormat.GITLAB));
        assertThat(issues.isArray()).isTrue();
        assertThat(issues).hasSize(2);
        assertThat(issues.get(0).get("severity").asString()).isEqualTo("major");
        assertThat(issues.get(0).get("location").get("path").asString()).isEqualTo("db/my migrations/V2__x.sql");
        assertThat(issues.get(0).get("location").get("lines").get("begin").asInt()).isEqualTo(1);
    }

    @Test
    void emptyReportsAreValidDocuments() throws Exception {
        LintReport empty = Linter.withDefaults().lint(List.of());
        assertThat(JSON.readTree(ReportWriter.render(empty, ReportFormat.JSON)).get("findings")).isEmpty();
        assertThat(JSON.readTree(ReportWriter.render(empty, ReportFormat.SARIF)).get("runs").get(0).get("results")).isEmpty();
        assertThat(JSON.readTree(ReportWriter.render(empty, ReportFormat.GITLAB))).isEmpty();
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(ReportWriter.render(empty, ReportFormat.JUNIT).getBytes(StandardCharsets.UTF_8)));
        assertThat(ReportFormat.parse(" Sarif ")).isEqualTo(ReportFormat.SARIF);
    }
}
