package io.github.flywayzdm.maven;

import io.github.flywayzdm.lint.ControlChars;
import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.MigrationScript;
import io.github.flywayzdm.lint.report.ReportFormat;
import io.github.flywayzdm.trace.LockTrace;
import io.github.flywayzdm.trace.TraceFinding;
import io.github.flywayzdm.trace.TraceReport;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.List;
import java.util.Locale;

/**
 * Applies the migrations to a throwaway PostgreSQL of {@code pgVersion} (embedded, or a fresh database on
 * {@code jdbcUrl}) and reports what each statement really locked, rewrote and scanned. Not run unless declared in an
 * execution or called as {@code mvn zdm:trace}; binds to {@code verify} when declared.
 */
@Mojo(name = "trace", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class TraceMojo extends AbstractZdmMojo {

    /** Rows put into each table a migration creates, so later statements meet realistic sizes. */
    @Parameter(property = "zdm.seedRows", defaultValue = "0")
    private long seedRows;

    /** Trace on this server instead of an embedded one (the user needs CREATEDB). */
    @Parameter(property = "zdm.jdbcUrl")
    private String jdbcUrl;

    @Parameter(property = "zdm.user")
    private String user;

    /** Better from the environment: ZDM_TRACE_PASSWORD is read when this is empty. */
    @Parameter(property = "zdm.password")
    private String password;

    @Parameter(property = "zdm.trace.skip", defaultValue = "false")
    private boolean traceSkip;

    @Override
    protected String goal() {
        return "trace";
    }

    @Override
    protected boolean goalSkipped() {
        return traceSkip;
    }

    @Override
    protected void run(LintConfig config, List<ReportFormat> reportFormats, List<MigrationScript> scripts) throws MojoExecutionException, MojoFailureException {
        LockTrace.Builder builder = LockTrace.builder().seedRows(seedRows).lintConfig(config);
        config.failOn().ifPresentOrElse(builder::failOn, builder::failNever);
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            builder.server(jdbcUrl, user, password != null ? password : System.getenv("ZDM_TRACE_PASSWORD"));
        } else {
            builder.pgMajor(config.pgMajor());
        }
        TraceReport report = builder.build().run(scripts);
        write("zdm-trace", reportFormats, report::render);
        log(report);
        if (report.failed()) {
            throw new MojoFailureException("flyway-zdm trace: " + report.summary() + ". Reports: " + outputDirectory);
        }
    }

    private void log(TraceReport report) {
        for (TraceFinding f : report.findings()) {
            String line = basedir().resolve(f.file()).toAbsolutePath() + ":[" + f.line() + ",1] "
                    + f.severity().name().toLowerCase(Locale.ROOT) + "[" + f.ruleId() + "] " + ControlChars.escape(f.message());
            log(f.severity(), line);
        }
        if (report.failure() != null) {
            getLog().error("flyway-zdm trace: failed at " + ControlChars.escape(String.valueOf(report.failure())));
        }
        getLog().info("flyway-zdm trace: " + report.summary());
    }
}
