package io.github.flywayzdm.cli;

import io.github.flywayzdm.lint.ControlChars;
import io.github.flywayzdm.lint.LintException;
import io.github.flywayzdm.lint.UrlMask;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** {@code zdm}: the command-line front end of flyway-zdm. */
@Command(name = "zdm", mixinStandardHelpOptions = true, versionProvider = Zdm.Version.class,
        description = "Zero-downtime checks for PostgreSQL migrations (Flyway layout).",
        subcommands = {LintCommand.class, TraceCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no finding at or above --fail-on", "1:findings at or above --fail-on",
                "2:bad usage, bad input or a tool error (one line on stderr says which)"})
public final class Zdm implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err, System.getenv(), System.console() != null));
    }

    /** Runs one command line; returns the exit code. Never throws for bad input. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env,
                          boolean interactive) {
        PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        Io io = new Io(in, o, e, env, interactive);
        CommandLine cli = new CommandLine(new Zdm(), new Factory(io));
        cli.setOut(o).setErr(e).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            e.println("zdm: " + oneLine(ex));
            return ExitCode.ERROR;
        });
        cli.setParameterExceptionHandler((ex, args1) -> {
            e.println("zdm: " + ControlChars.escape(UrlMask.mask(ex.getMessage())));
            e.println("Try 'zdm " + (ex.getCommandLine().getCommandName().equals("zdm") ? "" : ex.getCommandLine().getCommandName() + " ")
                    + "--help' for more information.");
            return ExitCode.ERROR;
        });
        try {
            return cli.execute(args);
        } finally {
            o.flush();
            e.flush();
        }
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

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: use 'zdm lint' or 'zdm trace' (see 'zdm --help')");
    }

    /** Gives commands the {@link Io} of this run. */
    private record Factory(Io io) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == LintCommand.class) {
                return type.cast(new LintCommand(io));
            }
            if (type == TraceCommand.class) {
                return type.cast(new TraceCommand(io));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Zdm.class.getPackage().getImplementationVersion();
            return new String[] {"zdm " + (v == null ? "(development build)" : v)};
        }
    }
}
