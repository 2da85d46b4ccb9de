package io.github.flywayzdm.lint;

import io.github.flywayzdm.lint.report.ReportFormat;
import io.github.flywayzdm.lint.report.ReportWriter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ControlCharsTest {

    @Test
    void escapesTerminalControlsButKeepsLayout() {
        assertThat(ControlChars.escape("x\u001b[31mred\u001b[0m")).isEqualTo("x\\u001b[31mred\\u001b[0m");
        assertThat(ControlChars.escape("a\rb\bc\u009bd\u202ee\u007f")).isEqualTo("a\\u000db\\u0008c\\u009bd\\u202ee\\u007f");
        assertThat(ControlChars.escape("line 1\n\tline 2 ünïcødé")).isEqualTo("line 1\n\tline 2 ünïcødé");
        assertThat(ControlChars.escape(null)).isNull();
    }

    @Test
    void theTextReportEscapesIdentifiers() {
        LintReport report = Linter.of(LintConfig.builder().build()).lint(List.of(
                new MigrationScript("V1__t.sql", "CREATE TABLE \"t\u001b[2J\" (id bigint PRIMARY KEY);", null),
                new MigrationScript("V2__i.sql", "CREATE INDEX \"i\u001b[31m\" ON \"t\u001b[2J\" (id);", null)));
        String text = ReportWriter.render(report, ReportFormat.TEXT);
        assertThat(text).contains("\\u001b[31m").doesNotContain("\u001b");
    }
}
