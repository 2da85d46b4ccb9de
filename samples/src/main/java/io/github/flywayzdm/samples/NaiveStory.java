package io.github.flywayzdm.samples;

import io.github.flywayzdm.lint.Finding;
import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.LintReport;
import org.flywaydb.core.api.FlywayException;

import java.util.List;

/**
 * The failure path: the same changes written the naive way (the article's "dangerous" forms and its one-transaction
 * backfill). The build-time linter lists every problem; the migrate-time guard refuses the first unsafe migration
 * before it runs, so the traffic never notices.
 */
final class NaiveStory {

    static final String LOCATION = "classpath:db/naive";

    private NaiveStory() {
    }

    static SampleResult run(SampleDatabase db, SampleOptions options, Guard guard) throws Exception {
        LintReport lint = SampleLint.lint(LOCATION, LintConfig.builder().lockTimeoutByRunner(true).build());
        StoryStart story = StoryStart.begin(db, options, guard, LOCATION, "2", 1000);
        String refusal;
        try {
            story.migrate(db, guard, LOCATION, "latest");
            refusal = "The guard did NOT refuse the naive migrations.";
        } catch (FlywayException e) {
            refusal = "flyway migrate refused by flyway-zdm:\n" + e.getMessage();
        } finally {
            story.traffic.close();
        }
        return story.result(options, db, guard, LOCATION)
                .withNotes(List.of("flyway-zdm lint over " + LOCATION + ": " + lint.summary() + "\n" + compilerStyle(lint), refusal));
    }

    static String compilerStyle(LintReport report) {
        StringBuilder b = new StringBuilder();
        for (Finding f : report.active()) {
            b.append(f.file()).append(':').append(f.line()).append(':').append(f.column()).append(": ")
                    .append(f.severity().name().toLowerCase(java.util.Locale.ROOT)).append('[').append(f.ruleId())
                    .append("] ").append(f.message()).append('\n');
        }
        return b.toString();
    }
}
