package io.github.flywayzdm.callbacks;

import io.github.flywayzdm.callbacks.internal.GuardRun;
import io.github.flywayzdm.callbacks.internal.RunReport;
import io.github.flywayzdm.callbacks.internal.ZdmLog;
import io.github.flywayzdm.lint.ControlChars;
import io.github.flywayzdm.lint.UrlMask;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;

import java.sql.SQLException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The flyway-zdm migrate-time guard. Register it like any Flyway callback:
 * {@code callbacks=io.github.flywayzdm.callbacks.ZdmCallback} (CLI, config file, Maven/Gradle plugin), or
 * {@code Flyway.configure().callbacks(new ZdmCallback(ZdmSettings.builder()...build()))} from Java.
 * <p>
 * Before each migration it lints the SQL Flyway is about to run and refuses it (mode enforce) or warns (mode warn),
 * then applies lock_timeout / statement_timeout so that nothing leaks into later migrations, and watches the migration
 * from a second session to name whoever blocks it and, with a watchdog limit, to cancel it when it blocks others.
 * With the no-argument constructor settings come from {@code flyway.zdm.*} / {@code FLYWAY_ZDM_*}.
 */
public class ZdmCallback implements Callback {

    /** The name this callback answers to, also when a framework wraps it in a proxy. */
    public static final String CALLBACK_NAME = "flyway-zdm";


    private static final ZdmLog LOG = ZdmLog.get(ZdmCallback.class);
    private static final Set<Event> EVENTS = EnumSet.of(Event.BEFORE_MIGRATE, Event.BEFORE_EACH_MIGRATE,
            Event.AFTER_EACH_MIGRATE_STATEMENT_ERROR, Event.AFTER_EACH_MIGRATE, Event.AFTER_EACH_MIGRATE_ERROR,
            Event.AFTER_MIGRATE, Event.AFTER_MIGRATE_ERROR);

    private final ZdmSettings explicit;
    private GuardRun run;
    private RunReport lastReport;
    private int attempt = 1;
    private boolean off;

    /** Settings from Flyway's configuration ({@code flyway.zdm.*}), the environment ({@code FLYWAY_ZDM_*}) or defaults. */
    public ZdmCallback() {
        this(null);
    }

    public ZdmCallback(ZdmSettings settings) {
        this.explicit = settings;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return EVENTS.contains(event);
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public String getCallbackName() {
        return CALLBACK_NAME;
    }

    @Override
    public synchronized void handle(Event event, Context context) {
        try {
            switch (event) {
                case BEFORE_MIGRATE -> {
                    if (start(context) != null) {
                        run.preflight();
                    }
                }
                case BEFORE_EACH_MIGRATE -> {
                    if (start(context) != null) {
                        run.beforeEach(context);
                    }
                }
                case AFTER_EACH_MIGRATE_STATEMENT_ERROR -> {
                    if (run != null) {
                        run.statementError(context);
                    }
                }
                case AFTER_EACH_MIGRATE, AFTER_EACH_MIGRATE_ERROR -> {
                    if (run != null) {
                        run.afterEach(context, event == Event.AFTER_EACH_MIGRATE_ERROR);
                    }
                }
                case AFTER_MIGRATE -> finish(null);
                case AFTER_MIGRATE_ERROR -> finish("migrate failed (Flyway's error message says why)");
                default -> { }
            }
        } catch (SQLException e) {
            throw new FlywayException(ControlChars.escape(UrlMask.mask("flyway-zdm: " + event.getId() + " failed: " + e.getMessage())), e);
        } catch (ZdmVetoException e) {
            if (event == Event.BEFORE_MIGRATE) {
                finish(e.getMessage());
            }
            throw e;
        }
    }

    /** The current run, started on its first event; null in mode off. */
    private GuardRun start(Context context) throws SQLException {
        if (run == null && !off) {
            ZdmSettings settings = settings(context.getConfiguration());
            off = settings.mode() == ZdmSettings.Mode.OFF;
            if (!off) {
                run = new GuardRun(settings, context.getConfiguration(), attempt);
            }
        }
        return run;
    }

    /** Ends the run; {@code failure} says why when it failed outside a migration's own record. */
    private void finish(String failure) {
        off = false;
        if (run != null) {
            try {
                if (failure != null) {
                    run.report().failed(failure);
                }
                run.finish();
            } finally {
                lastReport = run.report();
                run.close();
                run = null;
            }
        }
    }

    /** The settings in force for {@code config}: the explicit ones, else flyway.zdm.* / FLYWAY_ZDM_* / defaults. */
    public ZdmSettings settings(Configuration config) {
        if (explicit != null) {
            return explicit;
        }
        Map<String, String> values = new LinkedHashMap<>();
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("FLYWAY_ZDM_")) {
                values.put(k.substring("FLYWAY_ZDM_".length()).toLowerCase(Locale.ROOT), v);
            }
        });
        System.getProperties().forEach((k, v) -> {
            if (k.toString().startsWith("flyway.zdm.")) {
                values.put(k.toString().substring("flyway.zdm.".length()), v.toString());
            }
        });
        extension(config).ifPresent(ext -> values.putAll(ext.values()));
        try {
            return ZdmSettings.fromMap(values);
        } catch (IllegalArgumentException e) {
            throw new FlywayException(ControlChars.escape(UrlMask.mask("flyway-zdm: invalid configuration: " + e.getMessage())));
        }
    }

    private static Optional<ZdmConfigurationExtension> extension(Configuration config) {
        try {
            return Optional.ofNullable(config.getPluginRegister().getPlugin(ZdmConfigurationExtension.class));
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("flyway-zdm: no configuration extension: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** Set by {@link ZdmMigrate} so the report shows which attempt ran a migration. */
    synchronized void attempt(int value) {
        this.attempt = value;
    }

    /**
     * The last finished migrate run in this process, as embedding applications show it (the Spring Boot Actuator
     * endpoint): its report id, start, outcome (success, failed, refused), the run's error ("" when none) and one
     * summary line per migration, as logged.
     */
    public record RunSummary(String id, java.time.Instant started, String outcome, String error, java.util.List<String> migrations) {
    }

    /** The last finished migrate run's summary, or empty before the first. */
    public Optional<RunSummary> lastRun() {
        return lastReport().map(r -> new RunSummary(r.id(), r.started(), r.outcome(), r.failure(), r.summaryLines()));
    }

    /** The report of the last finished migrate run, for tests and embedding applications. */
    synchronized Optional<RunReport> lastReport() {
        return Optional.ofNullable(lastReport);
    }
}
