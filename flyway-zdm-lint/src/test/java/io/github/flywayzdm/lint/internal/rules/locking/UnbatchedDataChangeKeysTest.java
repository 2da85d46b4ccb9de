package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Finding;
import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.LintReport;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.MigrationScript;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.TableKeys;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * unbatched-data-change on tables the migrations did not create: their keys come from the live catalog when a runner
 * knows it (TableKeys), and a WHERE pinning columns of a table whose keys nobody knows is info, not a failure.
 */
class UnbatchedDataChangeKeysTest {

    private static final MigrationScript HISTORY = MigrationScript.of("V1__t.sql", "CREATE TABLE kept (id bigint, code text);");

    private final List<String> asked = new ArrayList<>();

    private List<Finding> lint(String sql, TableKeys keys, Severity configured) {
        LintConfig.Builder b = LintConfig.builder().lockTimeoutByRunner(true).statementTimeoutByRunner(true).tableKeys(keys)
                .failOn(Severity.WARNING);
        if (configured != null) {
            b.severity("unbatched-data-change", configured);
        }
        LintReport report = Linter.of(b.build()).lint(List.of(HISTORY, MigrationScript.of("V2__fix.sql", sql)), s -> s.path().startsWith("V2"));
        return report.active().stream().filter(f -> f.ruleId().equals("unbatched-data-change")).toList();
    }

    private TableKeys live(List<List<String>> keys) {
        return (schema, table) -> {
            asked.add(schema + "." + table);
            return table.equals("legacy") || table.equals("kept") ? Optional.of(keys) : Optional.empty();
        };
    }

    @Test
    void aPinnedWhereOnATableWithUnknownKeysIsInfoWhateverTheConfiguredSeverity() {
        List<Finding> f = lint("UPDATE legacy SET flag = true WHERE id = 42;", TableKeys.unknown(), Severity.ERROR);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.INFO);
            assertThat(x.message()).contains("pins id").contains("no key of legacy is known");
        });
    }

    @Test
    void anUnpinnedWhereOnATableWithUnknownKeysKeepsItsSeverity() {
        assertThat(lint("UPDATE legacy SET flag = true WHERE created < now();", TableKeys.unknown(), null))
                .singleElement().extracting(Finding::severity).isEqualTo(Severity.WARNING);
        assertThat(lint("DELETE FROM legacy;", TableKeys.unknown(), null))
                .singleElement().extracting(Finding::severity).isEqualTo(Severity.WARNING);
    }

    @Test
    void liveKeysCoveringThePinnedColumnsMakeItAOneRowFix() {
        assertThat(lint("UPDATE legacy SET flag = true WHERE id = 42;", live(List.of(List.of("id"))), null)).isEmpty();
        assertThat(lint("DELETE FROM legacy WHERE tenant = 1 AND code IN ('a', 'b');", live(List.of(List.of("tenant", "code"))), null))
                .isEmpty();
    }

    @Test
    void liveKeysThatDoNotCoverThePinnedColumnsKeepTheWarning() {
        assertThat(lint("UPDATE legacy SET flag = true WHERE tenant = 1;", live(List.of(List.of("tenant", "code"))), null))
                .singleElement().extracting(Finding::severity).isEqualTo(Severity.WARNING);
        assertThat(lint("UPDATE legacy SET flag = true WHERE id = 42;", live(List.of()), null))
                .as("a live table without any unique key").singleElement().extracting(Finding::severity).isEqualTo(Severity.WARNING);
    }

    @Test
    void aTableTheHistoryCreatedWithoutAKeyIsJudgedByALiveUniqueIndexMadeOutsideTheMigrations() {
        assertThat(lint("UPDATE kept SET code = 'x' WHERE id = 1;", TableKeys.unknown(), null))
                .singleElement().extracting(Finding::severity).isEqualTo(Severity.WARNING);
        assertThat(lint("UPDATE kept SET code = 'x' WHERE id = 1;", live(List.of(List.of("id"))), null)).isEmpty();
    }

    @Test
    void theLiveKeysAreAskedForOnlyWhenAPinnedWhereNeedsThem() {
        TableKeys keys = live(List.of(List.of("id")));
        lint("UPDATE legacy SET flag = true; DELETE FROM legacy WHERE created < now(); "
                + "UPDATE legacy SET flag = false WHERE id IN (SELECT id FROM legacy LIMIT 100); "
                + "CREATE TABLE fresh (id int); UPDATE fresh SET id = 1 WHERE id = 2;", keys, null);
        assertThat(asked).isEmpty();
        lint("UPDATE legacy SET flag = true WHERE id = 7;", keys, null);
        assertThat(asked).containsExactly("null.legacy");
    }
}
