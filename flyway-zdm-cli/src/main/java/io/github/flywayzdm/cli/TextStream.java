package io.github.flywayzdm.cli;

import io.github.flywayzdm.lint.Finding;
import io.github.flywayzdm.lint.report.TextReport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * The text report rendered and UTF-8 encoded on a thread of its own while the linter judges the next scripts (the
 * linter's thread is a cold call's critical path). Nothing reaches standard output before the whole run succeeded, so
 * a run that fails part-way prints its one error line and no partial report, as before. The bytes are exactly those of
 * {@code ReportWriter.render(report, TEXT)} (painted when coloured) encoded as UTF-8.
 */
final class TextStream implements Consumer<List<Finding>> {

    /** Ends the queue (compared by identity). */
    private static final List<Finding> END = new ArrayList<>();

    private final BlockingQueue<List<Finding>> scripts = new LinkedBlockingQueue<>();
    private final TextReport text = new TextReport();
    private final boolean colour;
    /** Written by the writer thread only; read after it has been joined. */
    private final List<byte[]> chunks = new ArrayList<>();
    private final Thread writer;
    private volatile Throwable failure;

    TextStream(boolean colour) {
        this.colour = colour;
        this.writer = new Thread(this::render, "zdm-report-text");
        writer.setDaemon(true); // a run that fails never waits for it
        writer.start();
    }

    /** One linted script's findings, in report order; called on the linter's thread. */
    @Override
    public void accept(List<Finding> findings) {
        if (!findings.isEmpty()) {
            scripts.add(findings);
        }
    }

    private void render() {
        try {
            List<Finding> next;
            while ((next = scripts.take()) != END) {
                chunks.add(encode(text.findings(next)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    /** Painting is per line and every piece ends a line, so the pieces painted one by one give the whole painted. */
    private byte[] encode(String piece) {
        return (colour ? Colours.paint(piece) : piece).getBytes(StandardCharsets.UTF_8);
    }

    /** Waits for the findings handed over so far; their bytes followed by {@code end}'s, for one write. */
    byte[] bytes(String end) {
        scripts.add(END);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering the report", e);
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        byte[] last = encode(end);
        int size = last.length;
        for (byte[] c : chunks) {
            size += c.length;
        }
        byte[] all = new byte[size];
        int at = 0;
        for (byte[] c : chunks) {
            System.arraycopy(c, 0, all, at, c.length);
            at += c.length;
        }
        System.arraycopy(last, 0, all, at, last.length);
        return all;
    }

    Thread writer() {
        return writer;
    }

    /** The run failed (or is over): the writer stops after the script it renders, and nothing is written. */
    void abandon() {
        scripts.clear();
        scripts.add(END);
    }
}
