package io.github.flywayzdm.samples;

import java.nio.file.Path;

/**
 * {@code mvn -q -pl samples -am compile exec:java}: seeds orders/customers on a real PostgreSQL, starts simulated
 * application traffic and runs the zero-downtime migrations with flyway-zdm guarding each one, then prints what the
 * traffic saw. {@code -Dexec.args=--naive} shows the naive migrations refused instead.
 */
public final class SampleMain {

    private SampleMain() {
    }

    public static void main(String[] args) throws Exception {
        SampleOptions options;
        try {
            options = SampleOptions.parse(args);
        } catch (SampleOptions.UsageException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.println(SampleOptions.USAGE);
            return;
        }
        SampleResult result = run(options);
        result.print(System.out);
        Path report = SampleReport.write(result, options.reportDir());
        System.out.println("\nReport: " + report.toAbsolutePath());
    }

    static SampleResult run(SampleOptions options) throws Exception {
        try (SampleDatabase db = SampleDatabase.open()) {
            System.out.println("flyway-zdm sample on " + db.description());
            Guard guard = SampleGuard.create(options.reportDir());
            return options.naive() ? NaiveStory.run(db, options, guard) : ZeroDowntimeStory.run(db, options, guard);
        }
    }
}
