package io.github.flywayzdm.callbacks.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationRecordTest {

    @Test
    void theReportsRowIsAValueTheGuardCannotChangeAfterwards() {
        MigrationDraft draft = new MigrationDraft();
        draft.version = "2";
        draft.description = "index";
        draft.notes.add("first");
        RunReport report = new RunReport();
        report.add(draft);

        MigrationRecord before = report.migrations().get(0);
        draft.notes.add("ANALYZE public.orders"); // the deferred ANALYZE notes a migration after it ran
        draft.outcome = MigrationRecord.Outcome.FAILED;

        assertThat(before.notes()).containsExactly("first");
        assertThat(before.outcome()).isEqualTo(MigrationRecord.Outcome.SUCCESS);
        assertThatThrownBy(() -> before.notes().add("x")).isInstanceOf(UnsupportedOperationException.class);
        MigrationRecord after = report.migrations().get(0);
        assertThat(after.notes()).containsExactly("first", "ANALYZE public.orders");
        assertThat(after.label()).isEqualTo("V2 'index'");
        assertThat(report.json()).contains("\"version\": \"2\"").contains("\"outcome\": \"failed\"")
                .contains("\"notes\": [\"first\", \"ANALYZE public.orders\"]");
    }
}
