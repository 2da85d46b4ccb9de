package io.github.flywayzdm.cli;

import io.github.flywayzdm.lint.LintException;
import io.github.flywayzdm.lint.report.ReportFormat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/** Where and how a report goes: shared by {@code zdm lint} and {@code zdm trace}. */
final class OutputOptions {

    String format;
    Path output;
    Io.ColourMode colour = Io.ColourMode.AUTO;

    void register(ArgParser p) {
        p.value("--format", "FORMAT", "text, json, sarif, junit, github or gitlab (default text; github when GITHUB_ACTIONS=true).",
                        v -> format = v)
                .value("-o, --output", "FILE", "Write the report to FILE; the text report (annotations under GitHub Actions) still goes to stdout.", v -> output = Path.of(v))
                .value("--color", "WHEN", "auto (default: only on a terminal, never with NO_COLOR), always, never.", v -> colour = colourMode(v));
    }

    private static Io.ColourMode colourMode(String v) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "auto" -> Io.ColourMode.AUTO;
            case "always" -> Io.ColourMode.ALWAYS;
            case "never" -> Io.ColourMode.NEVER;
            default -> throw new ArgParser.UsageException("Invalid value for option '--color': expected auto, always or never, got '" + v + "'");
        };
    }

    /** Parsed before any work, so a typo fails at once. */
    ReportFormat format(Io io) {
        return format != null ? ReportFormat.parse(format) : io.githubActions() ? ReportFormat.GITHUB : ReportFormat.TEXT;
    }

    /**
     * Text to stdout (coloured on a terminal); another format to the output file, or to stdout with the summary on
     * stderr so stdout stays machine-readable. Under GitHub Actions, a report written to a file leaves workflow
     * annotations on stdout instead of the text, so one call gives both the SARIF file and the annotations.
     */
    void print(Io io, ReportFormat chosen, Function<ReportFormat, String> render, String summary) {
        print(io, chosen, render, summary, null, null);
    }

    /**
     * {@link #print(Io, ReportFormat, Function, String)}, the text report (when it goes to stdout) taken from
     * {@code text}, which has rendered the findings meanwhile, followed by {@code textEnd}.
     */
    void print(Io io, ReportFormat chosen, Function<ReportFormat, String> render, String summary, TextStream text,
               String textEnd) {
        if (output != null) {
            write(output, render.apply(chosen));
            if (io.githubActions() && chosen != ReportFormat.GITHUB) {
                io.write(render.apply(ReportFormat.GITHUB));
                io.err().println("zdm: " + summary);
            } else {
                text(io, render, text, textEnd);
            }
        } else if (chosen == ReportFormat.TEXT) {
            text(io, render, text, textEnd);
        } else {
            io.write(render.apply(chosen));
            io.err().println("zdm: " + summary);
        }
    }

    /** Whether stdout gets the text report (coloured when {@link #colour} says so). */
    boolean textOnStdout(Io io, ReportFormat chosen) {
        return output == null ? chosen == ReportFormat.TEXT : !(io.githubActions() && chosen != ReportFormat.GITHUB);
    }

    private void text(Io io, Function<ReportFormat, String> render, TextStream stream, String end) {
        if (stream != null) {
            io.write(stream.bytes(end));
            return;
        }
        String text = render.apply(ReportFormat.TEXT);
        io.write(io.colour(colour) ? Colours.paint(text) : text);
    }

    private static void write(Path file, String content) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LintException(file + ": cannot write the report: " + e.getMessage()
                    .toLowerCase(Locale.ROOT).replace(file.toString().toLowerCase(Locale.ROOT), "").strip(), e);
        }
    }
}
