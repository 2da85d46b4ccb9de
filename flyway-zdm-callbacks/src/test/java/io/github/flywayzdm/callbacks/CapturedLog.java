package io.github.flywayzdm.callbacks;

import org.flywaydb.core.api.FlywayException;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What the tests' SLF4J binding (slf4j-simple, which writes to System.err) printed while open, still passed through
 * to the console; and the error text as the Flyway CLI prints it.
 */
final class CapturedLog implements AutoCloseable {

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    CapturedLog() {
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public synchronized void write(int b) {
                captured.write(b);
                original.write(b);
            }

            @Override
            public synchronized void write(byte[] b, int off, int len) {
                captured.write(b, off, len);
                original.write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8));
    }

    synchronized String text() {
        System.err.flush();
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** What Flyway's command line prints for a failed command: each cause, FlywayException by message, others by toString(). */
    static String asFlywayCliPrints(Throwable e) {
        StringBuilder sb = new StringBuilder();
        String preamble = "";
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(preamble).append(t instanceof FlywayException ? t.getMessage() : t.toString());
            preamble = "\r\nCaused by: ";
        }
        return sb.toString();
    }

    static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
