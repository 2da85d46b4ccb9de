package io.github.flywayzdm.samples;

import io.github.flywayzdm.lint.Finding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs both stories at a small volume on a real PostgreSQL and checks the schema, the traffic and the refusals. */
class SampleMainTest {

    private static SampleResult story;
    private static SampleResult naive;
    private static FinalSchema schema;

    @BeforeAll
    static void runBothStories(@TempDir Path dir) throws Exception {
        try (SampleDatabase db = SampleDatabase.open()) {
            story = ZeroDowntimeStory.run(db, SampleOptions.parse("--orders", "20000", "--threads", "2",
                    "--report-dir", dir.toString()), SampleGuard.create(dir));
            schema = FinalSchema.read(db);
        }
        try (SampleDatabase db = SampleDatabase.open()) {
            naive = NaiveStory.run(db, SampleOptions.parse("--orders", "20000", "--threads", "2", "--naive"),
                    SampleGuard.create(dir));
        }
    }

    @Test
    void everyMigrationOfTheStoryRanAndTheFinalSchemaIsTheContractedOne() {
        assertThat(story.success()).isTrue();
        assertThat(story.migrations()).extracting(SampleResult.MigrationRow::version)
                .contains("3", "5", "7", "10", "11", "13", "17");
        assertThat(schema.fullNameNotNull()).isTrue();
        assertThat(schema.statusNotNull()).isTrue();
        assertThat(schema.nameColumnGone()).isTrue();
        assertThat(schema.customerIndexValid()).isTrue();
        assertThat(schema.foreignKeyValidated()).isTrue();
        assertThat(schema.ordersWithoutStatus()).isZero();
    }

    @Test
    void theStatusBackfillWasQueuedFinishedByTheApplicationsInstancesAndVerifiedBeforeTheContract() {
        assertThat(story.migrations()).extracting(SampleResult.MigrationRow::version).containsSubsequence("6", "7", "7.5", "8", "9");
        String note = story.notes().stream().filter(n -> n.startsWith("Background backfill orders-status:")).findFirst().orElseThrow();
        assertThat(note).contains("the application's 2 instances").contains("(status done)");
        java.util.regex.Matcher rows = java.util.regex.Pattern.compile("updated ([0-9,]+) rows").matcher(note);
        assertThat(rows.find()).as(note).isTrue();
        assertThat(Long.parseLong(rows.group(1).replace(",", ""))).as("every seeded order had no status").isGreaterThanOrEqualTo(20_000);
    }

    @Test
    void trafficWasServedThroughoutAndNeverWaitedLongerThanTheLockTimeout() {
        TrafficStats during = story.duringMigrations();
        assertThat(during.served()).isGreaterThan(100);
        assertThat(during.errors()).as("errors: %s", during.sampleErrors()).isZero();
        assertThat(during.longestNanos()).isLessThan(2_000_000_000L);
        assertThat(story.baseline().served()).isGreaterThan(0);
    }

    @Test
    void theSafeStoryHasNoUnsuppressedErrorFindings() {
        Set<String> errors = story.migrations().stream().flatMap(m -> m.findings().stream())
                .filter(f -> !f.suppressed() && f.severity() == io.github.flywayzdm.lint.Severity.ERROR)
                .map(Finding::ruleId).collect(Collectors.toSet());
        assertThat(errors).isEmpty();
        assertThat(story.migrations().stream().flatMap(m -> m.findings().stream()).filter(Finding::suppressed)
                .map(Finding::ruleId)).contains("drop-column");
    }

    @Test
    void theNaiveMigrationsAreFlaggedWithTheExpectedRules() {
        String lintNote = naive.notes().get(0);
        assertThat(lintNote).contains("[set-not-null-scan]", "[create-index-non-concurrent]",
                "[add-foreign-key-without-not-valid]", "[unbatched-data-change]", "[drop-column]");
        assertThat(lintNote).doesNotContain("V4__orders_add_status.sql");
        String refusal = naive.notes().get(1);
        assertThat(refusal).contains("refused by flyway-zdm").contains("V3").contains("set-not-null-scan");
        assertThat(naive.migrations()).extracting(SampleResult.MigrationRow::version).doesNotContain("3");
    }

    @Test
    void theReportListsEveryMigration(@TempDir Path dir) throws Exception {
        Path report = SampleReport.write(story, dir);
        String html = Files.readString(report);
        for (SampleResult.MigrationRow m : story.migrations()) {
            assertThat(html).contains("data-version=\"" + m.version() + "\"");
        }
    }

    @Test
    void theReportRendersInHeadlessChromiumWithEveryMigration(@TempDir Path dir) throws Exception {
        java.util.Optional<HeadlessChromium> chromium = HeadlessChromium.find();
        org.junit.jupiter.api.Assumptions.assumeTrue(chromium.isPresent(), "Debian's chromium is not installed (.ci/run installs it)");
        Path report = SampleReport.write(story, dir);
        Path png = dir.resolve("report.png");
        chromium.get().screenshot(report, png, dir.resolve("profile"));
        assertThat(png).isRegularFile();
        assertThat(Files.size(png)).isGreaterThan(10_000);
        String dom = chromium.get().dumpDom(report, dir.resolve("profile"));
        assertThat(dom).contains("<table id=\"migrations\"");
        for (SampleResult.MigrationRow m : story.migrations()) {
            assertThat(dom).contains("data-version=\"" + m.version() + "\"");
        }
    }

    /** The schema facts the story must end with, read from the catalog. */
    record FinalSchema(boolean fullNameNotNull, boolean statusNotNull, boolean nameColumnGone, boolean customerIndexValid,
                       boolean foreignKeyValidated, long ordersWithoutStatus) {

        static FinalSchema read(SampleDatabase db) throws Exception {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("""
                         SELECT
                           (SELECT attnotnull FROM pg_attribute WHERE attrelid = 'customers'::regclass AND attname = 'full_name'),
                           (SELECT attnotnull FROM pg_attribute WHERE attrelid = 'orders'::regclass AND attname = 'status'),
                           NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'customers'::regclass AND attname = 'name' AND NOT attisdropped),
                           (SELECT indisvalid FROM pg_index WHERE indexrelid = 'orders_customer_id_idx'::regclass),
                           (SELECT convalidated FROM pg_constraint WHERE conname = 'orders_customer_id_fkey'),
                           (SELECT count(*) FROM orders WHERE status IS NULL)
                         """)) {
                rs.next();
                return new FinalSchema(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4),
                        rs.getBoolean(5), rs.getLong(6));
            }
        }
    }
}
