package io.github.flywayzdm.lint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Loads migration scripts from files and directories (recursively, {@code *.sql}), with Flyway's {@code .sql.conf}
 * sidecars. Problems are {@link LintException}s with a one-line message that names the path.
 */
public final class MigrationFiles {

    /**
     * From this many files on, a second thread reads half of them (a short CLI call spends about 5% of its main
     * thread reading 1,000 files); fewer are read on the calling thread, a thread costs more than it saves.
     */
    private static final int MIN_FILES_FOR_A_THREAD = 64;

    private MigrationFiles() {
    }

    /** Paths are shown relative to the working directory where possible. */
    public static List<MigrationScript> load(List<Path> paths) {
        return load(paths, Path.of("").toAbsolutePath());
    }

    public static List<MigrationScript> load(List<Path> paths, Path baseDir) {
        // the files in order; a missing path stays in its place, so the first problem in order is the one reported
        List<Object> files = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                files.add(new LintException(path + ": no such file or directory"));
                break;
            }
            if (Files.isDirectory(path)) {
                try {
                    files.addAll(sqlFilesIn(path));
                } catch (LintException e) {
                    files.add(e);
                    break;
                }
            } else {
                files.add(path);
            }
        }
        Object[] read = new Object[files.size()];
        AtomicInteger next = new AtomicInteger();
        Runnable reader = () -> {
            int i;
            while ((i = next.getAndIncrement()) < read.length) {
                try {
                    read[i] = files.get(i) instanceof Path file ? read(file, baseDir) : files.get(i);
                } catch (RuntimeException | Error e) {
                    read[i] = e; // raised by the calling thread, in order
                }
            }
        };
        Thread helper = files.size() < MIN_FILES_FOR_A_THREAD ? null : new Thread(reader, "zdm-lint-read");
        if (helper != null) {
            helper.setDaemon(true);
            try {
                helper.start();
            } catch (OutOfMemoryError e) {
                helper = null; // no thread to spare: this one reads them all
            }
        }
        reader.run();
        if (helper != null) {
            try {
                helper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LintException("interrupted while reading the migrations", e);
            }
        }
        List<MigrationScript> scripts = new ArrayList<>(read.length);
        for (Object r : read) {
            if (r instanceof RuntimeException e) {
                throw e;
            }
            if (r instanceof Error e) {
                throw e;
            }
            scripts.add((MigrationScript) r);
        }
        return scripts;
    }

    /** Reads one script from a stream, e.g. standard input, named {@code name} in findings. */
    public static MigrationScript read(String name, InputStream in) {
        try {
            return new MigrationScript(name, decode(name, in.readAllBytes()), null);
        } catch (IOException e) {
            throw new LintException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static List<Path> sqlFilesIn(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            // not isRegularFile: a dangling link named *.sql must fail loudly, not vanish from the run
            return walk.filter(p -> !Files.isDirectory(p) && p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".sql"))
                    .sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new LintException(dir + ": cannot list directory: " + e.getMessage(), e);
        }
    }

    private static MigrationScript read(Path file, Path baseDir) {
        String display = display(file, baseDir);
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // a FIFO or device named *.sql would be read forever (or block): refuse it at once
            throw new LintException(display + ": not a regular file (a FIFO, socket or device is not read as a migration)");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            throw new LintException(display + ": cannot read file (permission denied)", e);
        } catch (NoSuchFileException e) {
            throw new LintException(display + ": no such file", e);
        } catch (IOException e) {
            throw new LintException(display + ": cannot read file: " + e.getMessage(), e);
        }
        return new MigrationScript(display, decode(display, bytes), executeInTransaction(file, display));
    }

    /** Strict UTF-8 (a BOM is dropped); invalid bytes are reported with their line. */
    static String decode(String name, byte[] bytes) {
        // the JDK's own UTF-8 constructor is the fast path; it turns every malformed sequence into U+FFFD, so a text
        // without one was valid (one that has it, valid or not, is decoded again strictly to find out)
        String fast = new String(bytes, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return fast.startsWith("\uFEFF") ? fast.substring(1) : fast;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (MalformedInputException e) {
            throw new LintException(name + ":" + lineOfFirstBadByte(bytes) + ": not valid UTF-8 (save the file as UTF-8)", e);
        } catch (CharacterCodingException e) {
            throw new LintException(name + ": not valid UTF-8: " + e.getMessage(), e);
        }
    }

    private static int lineOfFirstBadByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true); // stops at the first malformed byte
        int line = 1;
        for (int i = 0; i < in.position(); i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static Boolean executeInTransaction(Path sql, String display) {
        Path conf = sql.resolveSibling(sql.getFileName() + ".conf");
        if (!Files.isRegularFile(conf)) {
            return null;
        }
        Properties props = new Properties();
        try (var reader = Files.newBufferedReader(conf, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new LintException(display + ".conf: not valid UTF-8 (save the file as UTF-8)", e);
        } catch (IOException e) {
            throw new LintException(display + ".conf: cannot read: " + e.getMessage(), e);
        }
        String value = props.getProperty("executeInTransaction");
        if (value == null) {
            return null;
        }
        if (!value.trim().equalsIgnoreCase("true") && !value.trim().equalsIgnoreCase("false")) {
            throw new LintException(display + ".conf: executeInTransaction must be true or false, got '" + value.trim() + "'");
        }
        return Boolean.parseBoolean(value.trim());
    }

    private static String display(Path file, Path baseDir) {
        Path abs = file.toAbsolutePath().normalize();
        Path base = baseDir.toAbsolutePath().normalize();
        Path shown = abs.startsWith(base) ? base.relativize(abs) : abs;
        return shown.toString().replace('\\', '/');
    }
}
