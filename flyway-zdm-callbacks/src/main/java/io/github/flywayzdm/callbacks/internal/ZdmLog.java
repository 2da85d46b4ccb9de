package io.github.flywayzdm.callbacks.internal;

import io.github.flywayzdm.lint.ControlChars;
import io.github.flywayzdm.lint.UrlMask;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogFactory;

/**
 * Logs through Flyway's own log system, so messages appear wherever Flyway's do: SLF4J when the application uses it
 * (Spring Boot, most Java apps), the console in the Flyway CLI. Messages use SLF4J-style {} placeholders.
 */
public final class ZdmLog {

    private final Log log;

    private ZdmLog(Log log) {
        this.log = log;
    }

    public static ZdmLog get(Class<?> owner) {
        return new ZdmLog(LogFactory.getLog(owner));
    }

    public void debug(String format, Object... args) {
        if (log.isDebugEnabled()) {
            log.debug(format(format, args));
        }
    }

    public void info(String format, Object... args) {
        log.info(format(format, args));
    }

    public void warn(String format, Object... args) {
        log.warn(format(format, args));
    }

    public void error(String format, Object... args) {
        log.error(format(format, args));
    }

    /** The message with its {} filled in, passwords masked and control characters escaped (names may carry ANSI escapes). */
    static String format(String format, Object... args) {
        return ControlChars.escape(UrlMask.mask(fill(format, args)));
    }

    private static String fill(String format, Object... args) {
        StringBuilder sb = new StringBuilder();
        int arg = 0;
        int from = 0;
        int at;
        while ((at = format.indexOf("{}", from)) >= 0) {
            sb.append(format, from, at).append(arg < args.length ? String.valueOf(args[arg++]) : "{}");
            from = at + 2;
        }
        return sb.append(format.substring(from)).toString();
    }
}
