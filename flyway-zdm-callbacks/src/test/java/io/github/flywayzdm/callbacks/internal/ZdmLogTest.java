package io.github.flywayzdm.callbacks.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ZdmLogTest {

    @Test
    void everyLogLineIsMaskedAndEscaped() {
        assertThat(ZdmLog.format("flyway-zdm: preflight checks skipped: {}", "No suitable driver found for postgres://app:Hunter2@db/prod"))
                .isEqualTo("flyway-zdm: preflight checks skipped: No suitable driver found for postgres://app:***@db/prod");
        assertThat(ZdmLog.format("table {}\n  next line", "t\u001b[2J")).isEqualTo("table t\\u001b[2J\n  next line");
        assertThat(ZdmLog.format("{} and {}", "a")).isEqualTo("a and {}");
    }

    @Test
    void reportFilesAreMaskedToo() {
        assertThat(RunReport.str("jdbc:postgresql://h/db?password=Hunter2")).isEqualTo("\"jdbc:postgresql://h/db?password=***\"");
        assertThat(RunReport.esc("postgres://u:Hunter2@h/db <b>")).isEqualTo("postgres://u:***@h/db &lt;b&gt;");
    }
}
