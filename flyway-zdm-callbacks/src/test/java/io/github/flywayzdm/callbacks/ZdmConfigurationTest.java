package io.github.flywayzdm.callbacks;

import io.github.flywayzdm.lint.Severity;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZdmConfigurationTest {

    @Test
    void readsTheZdmNamespaceFromFlywaysOwnConfiguration() {
        var config = Flyway.configure().configuration(Map.of(
                "flyway.url", "jdbc:postgresql://localhost/none",
                "flyway.callbacks", ZdmCallback.class.getName(),
                "flyway.zdm.mode", "warn",
                "flyway.zdm.lockTimeout", "250ms",
                "flyway.zdm.statementTimeout", "2min",
                "flyway.zdm.watchdog", "15s",
                "flyway.zdm.smallTableRows", "500",
                "flyway.zdm.reportDirectory", "target/zdm"));

        ZdmSettings s = new ZdmCallback().settings(config);

        assertThat(s.mode()).isEqualTo(ZdmSettings.Mode.WARN);
        assertThat(s.lockTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(s.statementTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.watchdogLimit()).contains(Duration.ofSeconds(15));
        assertThat(s.smallTableRows()).isEqualTo(500);
        assertThat(s.reportDirectory()).contains(Path.of("target/zdm"));
        assertThat(config.getCallbacks()).hasAtLeastOneElementOfType(ZdmCallback.class);
    }

    @Test
    void environmentVariablesMapToTheNamespace() {
        ZdmConfigurationExtension ext = new ZdmConfigurationExtension();
        assertThat(ext.getConfigurationParameterFromEnvironmentVariable("FLYWAY_ZDM_MODE")).isEqualTo("flyway.zdm.mode");
        assertThat(ext.getConfigurationParameterFromEnvironmentVariable("FLYWAY_ZDM_LOCK_TIMEOUT")).isEqualTo("flyway.zdm.lockTimeout");
        assertThat(ext.getConfigurationParameterFromEnvironmentVariable("FLYWAY_URL")).isNull();
    }

    @Test
    void defaultsAndBuilder() {
        ZdmSettings d = ZdmSettings.defaults();
        assertThat(d.mode()).isEqualTo(ZdmSettings.Mode.ENFORCE);
        assertThat(d.lockTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(d.statementTimeout()).isZero();
        assertThat(d.watchdogLimit()).isEmpty();

        ZdmSettings s = ZdmSettings.fromMap(Map.of("fail_on", "warning", "severity.json-column", "error",
                "disableRules", "drop-column, rename-column"));
        assertThat(s.failOn()).isEqualTo(Severity.WARNING);
        assertThat(s.severities()).containsEntry("json-column", Severity.ERROR);
        assertThat(s.disabledRules()).containsExactlyInAnyOrder("drop-column", "rename-column");
    }

    @Test
    void badValuesNameTheSetting() {
        var config = Flyway.configure().configuration(Map.of("flyway.zdm.lockTimeout", "soon"));
        assertThatThrownBy(() -> new ZdmCallback().settings(config)).isInstanceOf(FlywayException.class)
                .hasMessageContaining("flyway.zdm.lockTimeout").hasMessageContaining("soon");
        assertThatThrownBy(() -> ZdmSettings.fromMap(Map.of("mode", "strict")))
                .hasMessageContaining("flyway.zdm.mode").hasMessageContaining("enforce, warn or off");
    }
}
