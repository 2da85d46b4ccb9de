package io.github.flywayzdm.callbacks.internal;

import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.Linter;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LintAheadTest {

    @Test
    void prefetchesTheNextVersionAndOnlyHandsOutAnExactCleanMatch() throws Exception {
        Path dir = Files.createTempDirectory("zdm-ahead");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("V1__a.sql"), "CREATE TABLE a (id bigint);\n");
        Files.writeString(dir.resolve("sub/V1_5__b.sql"), "ALTER TABLE a ADD COLUMN note text;\n");
        Files.writeString(dir.resolve("V2__c.sql"), "CREATE INDEX a_idx ON a (id);\n");
        Files.writeString(dir.resolve("V10__d.sql"), "ALTER TABLE a ADD COLUMN x int;\n");
        var config = Flyway.configure().locations("filesystem:" + dir).load().getConfiguration();

        try (LintAhead ahead = new LintAhead(Linter.of(LintConfig.builder().lockTimeoutByRunner(true).build()), config)) {
            ahead.prefetch(MigrationVersion.fromVersion("1"), s -> s);
            assertThat(ahead.take("sub/V1_5__b.sql", "ALTER TABLE a ADD COLUMN note text;\n")).isPresent();

            ahead.prefetch(MigrationVersion.fromVersion("1.5"), s -> s);
            // V2 has an active finding: it must be linted again with live table sizes
            assertThat(ahead.take("V2__c.sql", "CREATE INDEX a_idx ON a (id);\n")).isEmpty();

            ahead.prefetch(MigrationVersion.fromVersion("2"), s -> s);
            assertThat(ahead.take("V10__d.sql", "ALTER TABLE a ADD COLUMN x int; -- edited\n")).isEmpty();
        }
    }
}
