package io.github.flywayzdm.lint.internal.rules;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every name of the bundled non-volatile list is read (the list is read line by line at start-up). */
class VolatilityListTest {

    @Test
    void everyListedBuiltinCountsAsNonVolatileAndOthersAsVolatile() throws Exception {
        List<String> names;
        try (InputStream in = Volatility.class.getResourceAsStream("non-volatile-builtins.txt")) {
            names = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
        assertThat(names).hasSizeGreaterThan(1000);
        for (String name : names) {
            assertThat(Volatility.isVolatile(name + "(1)")).as(name).isFalse();
        }
        assertThat(Volatility.isVolatile("clock_timestamp()")).isTrue();
        assertThat(Volatility.isVolatile("zdm_not_a_builtin(1)")).isTrue();
    }
}
