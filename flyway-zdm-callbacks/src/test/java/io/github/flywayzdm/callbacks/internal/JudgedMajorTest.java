package io.github.flywayzdm.callbacks.internal;

import io.github.flywayzdm.lint.LintConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guard judges with the server's own major whenever the linter knows it; it used to clamp 10-12 up to 13 silently. */
class JudgedMajorTest {

    @Test
    void everyMajorTheLinterKnowsIsJudgedAsItself() {
        for (int major = LintConfig.OLDEST_PG_MAJOR; major <= LintConfig.NEWEST_PG_MAJOR; major++) {
            assertThat(ScriptLint.judgedMajor(major)).isEqualTo(major);
            assertThat(LintConfig.builder().pgMajor(major).build().pgMajor()).isEqualTo(major);
        }
        assertThat(ScriptLint.judgedMajor(12)).as("before: 13").isEqualTo(12);
    }

    @Test
    void majorsOutsideItAreJudgedAsTheNearestKnownOne() {
        assertThat(ScriptLint.judgedMajor(LintConfig.NEWEST_PG_MAJOR + 1)).isEqualTo(LintConfig.NEWEST_PG_MAJOR);
        assertThat(ScriptLint.judgedMajor(9)).isEqualTo(LintConfig.OLDEST_PG_MAJOR);
        assertThatThrownBy(() -> LintConfig.builder().pgMajor(LintConfig.NEWEST_PG_MAJOR + 1))
                .as("the bounds are the linter's").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LintConfig.builder().pgMajor(LintConfig.OLDEST_PG_MAJOR - 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
