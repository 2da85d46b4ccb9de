package io.github.flywayzdm.samples;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SampleOptionsTest {

    @Test
    void aThreadCountThatIsNotANumberIsAUsageErrorNotJavasNumberFormatText() {
        assertThatThrownBy(() -> SampleOptions.parse("--threads", "abc"))
                .hasMessage("--threads must be a whole number of at least 1, got 'abc'")
                .hasMessageNotContaining("For input string");
        assertThatThrownBy(() -> SampleOptions.parse("--threads", "0")).hasMessageContaining("at least 1");
    }

    @Test
    void rowCountsAcceptSuffixesAndRefuseTheRest() {
        assertThat(SampleOptions.parseCount("200k")).isEqualTo(200_000);
        assertThat(SampleOptions.parseCount("1_000_000")).isEqualTo(1_000_000);
        assertThatThrownBy(() -> SampleOptions.parseCount("many")).hasMessage("Not a row count: many");
    }
}
