package io.github.flywayzdm.cli;

import io.github.flywayzdm.lint.ControlChars;
import io.github.flywayzdm.lint.LintException;
import io.github.flywayzdm.lint.UrlMask;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code zdm}: the command-line front end of flyway-zdm. A call loads only what its command needs: {@code --version}
 * no linter, {@code lint} no trace, embedded server or JDBC driver.
 */
public final class Zdm {

    static final String EXIT_CODES = """
              0  no finding at or above --fail-on
              1  findings at or above --fail-on
              2  bad usage, bad input or a tool error (one line on stderr says which)
            """;

    private static final String USAGE = """
            Usage: zdm [-hV] COMMAND
            Zero-downtime checks for PostgreSQL migrations (Flyway layout).
              -h, --help      Show this help message and exit.
              -V, --version   Print version information and exit.
            Commands:
              lint   Lints migration scripts for operations that block traffic or break running code.
              trace  Applies the migrations to a throwaway PostgreSQL and reports what each statement locked.
              backfill  Runs and controls background backfills: run, status, pause, resume, cancel, retry.
              help   Shows the help of a command: zdm help lint.

            Exit codes:
            """ + EXIT_CODES;

    private Zdm() {
    }

    public static void main(String[] args) {
        int exit = run(args, System.in, System.out, System.err, System.getenv(), System.console() != null);
        if (Boolean.getBoolean("zdm.cds.training")) {
            Training.run(); // the launcher is writing a class-data archive: load what a typical lint needs
        }
        System.exit(exit);
    }

    /** Runs one command line; returns the exit code. Never throws for bad input. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env,
                          boolean interactive) {
        PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        Io io = new Io(in, o, e, env, interactive, out);
        try {
            return dispatch(args, io);
        } catch (ArgParser.UsageException ex) {
            e.println("zdm: " + ControlChars.escape(UrlMask.mask(ex.getMessage())));
            return ExitCode.ERROR;
        } catch (OutOfMemoryError ex) {
            // the work's objects are unreachable once the stack has unwound, so this line can still be printed
            e.println("zdm: out of memory (give the JVM more heap, e.g. JAVA_OPTS=-Xmx2g, or lint fewer files at once)");
            return ExitCode.ERROR;
        } catch (StackOverflowError ex) {
            e.println("zdm: stack overflow (a statement nested too deeply?); JAVA_OPTS=-Xss8m gives the JVM a deeper stack");
            return ExitCode.ERROR;
        } catch (RuntimeException ex) {
            e.println("zdm: " + oneLine(ex));
            return ExitCode.ERROR;
        } finally {
            o.flush();
            e.flush();
        }
    }

    private static int dispatch(String[] args, Io io) {
        if (args.length == 0) {
            throw new ArgParser.UsageException("Missing command: use 'zdm lint' or 'zdm trace' (see 'zdm --help')");
        }
        String first = args[0];
        switch (first) {
            case "-h", "--help" -> {
                io.out().print(USAGE);
                return ExitCode.CLEAN;
            }
            case "-V", "--version" -> {
                io.out().println(version());
                return ExitCode.CLEAN;
            }
            case "help" -> {
                if (args.length == 1) {
                    io.out().print(USAGE);
                    return ExitCode.CLEAN;
                }
                return execute(command(args[1], io), args[1], new String[] {"--help"}, io);
            }
            default -> {
                return execute(command(first, io), first, args, io);
            }
        }
    }

    private static Command command(String name, Io io) {
        return switch (name) {
            case "lint" -> new LintCommand(io);
            case "trace" -> new TraceCommand(io);
            case "backfill" -> new BackfillCommand(io);
            default -> throw new ArgParser.UsageException(name.startsWith("-")
                    ? "Unknown option: '" + name + "' (see 'zdm --help')"
                    : "Unknown command: '" + name + "': use 'zdm lint' or 'zdm trace' (see 'zdm --help')");
        };
    }

    private static int execute(Command command, String name, String[] args, Io io) {
        boolean[] help = {false};
        boolean[] version = {false};
        ArgParser parser = new ArgParser(name);
        command.register(parser);
        parser.flag("-h, --help", "Show this help message and exit.", () -> help[0] = true)
                .flag("-V, --version", "Print version information and exit.", () -> version[0] = true);
        List<String> positional = parser.parse(args, args.length > 0 && args[0].equals(name) ? 1 : 0);
        if (help[0]) {
            io.out().print(command.description() + parser.optionHelp() + "\nExit codes:\n" + command.exitCodes());
            return ExitCode.CLEAN;
        }
        if (version[0]) {
            io.out().println(version());
            return ExitCode.CLEAN;
        }
        return command.call(positional);
    }

    static String version() {
        String v = Zdm.class.getPackage().getImplementationVersion();
        return "zdm " + (v == null ? "(development build)" : v);
    }

    /** Tool errors are one line: the message users can act on, never a stack trace. */
    private static String oneLine(Exception ex) {
        Throwable t = ex;
        if (t instanceof UncheckedIOException u) {
            t = u.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        if (!(t instanceof LintException) && !(t instanceof IllegalArgumentException)) {
            message = t.getClass().getSimpleName() + ": " + message;
        }
        return ControlChars.escape(UrlMask.mask(message.lines().findFirst().orElse(message)));
    }
}
