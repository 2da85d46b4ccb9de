package io.github.flywayzdm.lint;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {

    @Test
    void readsWhatSetLockTimeoutAccepts() {
        assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("'2min'")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("300")).isEqualTo(Duration.ofMillis(300));
        assertThat(Durations.parse("1500us")).isEqualTo(Duration.ofMillis(2)); // rounded up, as PostgreSQL does
        assertThat(Durations.parse("0")).isEqualTo(Duration.ZERO);
        assertThat(Durations.millis("1.5 seconds")).isEmpty();
        assertThatThrownBy(() -> Durations.parse("10parsecs")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a duration").hasMessageContaining("10parsecs");
        assertThatThrownBy(() -> Durations.parse("25d")).hasMessageContaining("too long");
        assertThat(Durations.parse("24d")).isEqualTo(Duration.ofDays(24));
    }
}
