package io.github.flywayzdm.cli;

import io.github.flywayzdm.testsupport.ServerIndependent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * bin/zdm's start-up archive on each kind of JDK, through the unpacked distribution: an AOT cache on JDK 25+, an
 * AppCDS archive on JDK 17-24. Each case runs with a JDK of that range found on this machine ({@link Jdks}) and is
 * skipped, saying so, if there is none. The output a user sees must never depend on the archive: every call here is
 * compared with a call that uses none (ZDM_CDS=off), JSON on stdout so that a JVM line there would show.
 */
@ServerIndependent
class ZdmLauncherIT {

    /** The two archive kinds and the JDKs that make them. */
    enum Kind {
        APP_CDS(17, 24, "jsa"),
        AOT_CACHE(25, Integer.MAX_VALUE, "aot");

        final int min;
        final int max;
        final String extension;

        Kind(int min, int max, String extension) {
            this.min = min;
            this.max = max;
            this.extension = extension;
        }

        Path jdk() {
            var home = Jdks.find(min, max);
            assumeTrue(home.isPresent(), "no JDK " + min + (max == Integer.MAX_VALUE ? "+" : "-" + max)
                    + " on this machine (set -Dzdm.jdk." + min + "=<home> or JAVA_HOME_" + min + "_X64): "
                    + name() + " cases skipped");
            return home.get();
        }
    }

    private static final Pattern ARCHIVE = Pattern.compile("zdm-\\d+-(\\d+)\\.(aot|jsa)");

    @TempDir
    Path dir;

    private Map<String, String> env(Path jdk) {
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", jdk.toString());
        env.put("ZDM_CACHE_DIR", dir.resolve("cache").toString());
        return env;
    }

    /** A history with one unsafe migration: exit 1, findings in JSON on stdout, the summary on stderr. */
    private void history() throws IOException {
        Path db = Files.createDirectories(dir.resolve("db/migration"));
        Files.writeString(db.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, status text);\n"
                + "CREATE VIEW open_orders AS SELECT id FROM orders WHERE status = 'open';\n");
        Files.writeString(db.resolve("V2__status.sql"), "SET lock_timeout = '2s';\nCREATE INDEX orders_status ON orders (status);\n");
        Files.writeString(db.resolve("V3__note.sql"), "\uFEFFCOMMENT ON TABLE orders IS 'caf\u00e9 $$ \u2603';\r\n");
    }

    private Dist.Run lint(Map<String, String> env) throws IOException, InterruptedException {
        return timeless(Dist.run(dir, env, "", Dist.zdm().toString(), "lint", "--format", "json", "db/migration"));
    }

    /** The same result but for the run time in the JSON and the summary. */
    private static Dist.Run timeless(Dist.Run r) {
        return new Dist.Run(r.exit(), r.out().replaceAll("\"elapsedMillis\": \\d+", "\"elapsedMillis\": 0"),
                r.err().replaceAll(" in \\d+ ms", ""));
    }

    /** What the user must see, from a call that uses no archive. */
    private Dist.Run expected(Path jdk) throws IOException, InterruptedException {
        Map<String, String> off = env(jdk);
        off.put("ZDM_CDS", "off");
        off.put("ZDM_CACHE_DIR", dir.resolve("unused-cache").toString());
        Dist.Run r = lint(off);
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).startsWith("{").endsWith("}\n").contains("create-index-non-concurrent");
        assertThat(dir.resolve("unused-cache")).as("ZDM_CDS=off writes nothing").doesNotExist();
        return r;
    }

    /** The cache's files; each must be a whole archive of the kind (its size in its name), no temporary file. */
    private List<Path> archives(Path cache, Kind kind) throws IOException {
        List<Path> files;
        try (var list = Files.list(cache)) {
            files = list.sorted().toList();
        }
        for (Path f : files) {
            Matcher m = ARCHIVE.matcher(f.getFileName().toString());
            assertThat(m.matches()).as("only archives in the cache: " + files).isTrue();
            assertThat(m.group(2)).isEqualTo(kind.extension);
            assertThat(Files.size(f)).as("size in the name of " + f).isEqualTo(Long.parseLong(m.group(1)));
        }
        return files;
    }

    /** Where the JVM of the last call loaded the launcher's main class from (JAVA_OPTS logs every class to a file). */
    private String mainClassSource(Path log) throws IOException {
        return Files.readAllLines(log).stream().filter(l -> l.contains(" io.github.flywayzdm.cli.Zdm source: "))
                .findFirst().orElseThrow(() -> new AssertionError("no class-load line for Zdm in " + log));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theFirstCallWritesTheArchiveAndTheSecondUsesItWithTheSameOutput(Kind kind) throws Exception {
        Path jdk = kind.jdk();
        history();
        Dist.Run expected = expected(jdk);
        Map<String, String> env = env(jdk);
        Path log = dir.resolve("classes.log");
        env.put("JAVA_OPTS", "-Xlog:class+load=info:file=" + log);

        Dist.Run first = lint(env);
        assertThat(first).isEqualTo(expected);
        List<Path> archives = archives(dir.resolve("cache"), kind);
        assertThat(archives).as("one archive").hasSize(1);
        assertThat(Files.size(archives.get(0))).isGreaterThan(1_000_000);

        Files.delete(log);
        Dist.Run second = lint(env);
        assertThat(second).isEqualTo(expected);
        assertThat(mainClassSource(log)).as("the second call maps the archive").contains("shared objects file");
        assertThat(archives(dir.resolve("cache"), kind)).isEqualTo(archives);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDamagedOrTruncatedArchiveIsIgnoredSilently(Kind kind) throws Exception {
        Path jdk = kind.jdk();
        history();
        Dist.Run expected = expected(jdk);
        assertThat(lint(env(jdk))).isEqualTo(expected);
        Path archive = archives(dir.resolve("cache"), kind).get(0);
        byte[] good = Files.readAllBytes(archive);
        assertThat(archive.toFile().setWritable(true)).isTrue(); // JDK 17 writes its archive read-only

        // garbage of the size the name says: the JVM itself must refuse it without a word
        byte[] garbage = new byte[good.length];
        Arrays.fill(garbage, (byte) 0x5A);
        Files.write(archive, garbage);
        assertThat(lint(env(jdk))).isEqualTo(expected);

        // the right header, the rest gone (an interrupted copy or cache restore): JDK 17 crashes on such a file
        Files.write(archive, Arrays.copyOf(good, good.length / 2));
        assertThat(lint(env(jdk))).isEqualTo(expected);
        List<Path> after = archives(dir.resolve("cache"), kind);
        assertThat(after).as("the truncated archive was replaced by a whole one").hasSize(1);

        // a zero-filled file that keeps the name (a crash before the data reached the disk)
        assertThat(after.get(0).toFile().setWritable(true)).isTrue();
        Files.write(after.get(0), new byte[(int) Files.size(after.get(0))]);
        assertThat(lint(env(jdk))).isEqualTo(expected);
        assertThat(dir.toFile().list((d, n) -> n.startsWith("hs_err"))).as("no JVM crash report").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anArchiveOfAnotherJdkOrInstallationIsIgnoredSilently(Kind kind) throws Exception {
        Path jdk = kind.jdk();
        history();
        Dist.Run expected = expected(jdk);
        assertThat(lint(env(jdk))).isEqualTo(expected);
        Path ours = archives(dir.resolve("cache"), kind).get(0);

        // the other kind's archive, made by the other JDK, under our name and with its size
        Kind otherKind = kind == Kind.AOT_CACHE ? Kind.APP_CDS : Kind.AOT_CACHE;
        var otherJdk = Jdks.find(otherKind.min, otherKind.max);
        if (otherJdk.isPresent()) {
            Map<String, String> otherEnv = env(otherJdk.get());
            otherEnv.put("ZDM_CACHE_DIR", dir.resolve("other-jdk-cache").toString());
            assertThat(lint(otherEnv)).isEqualTo(expected(otherJdk.get()));
            Path theirs = archives(dir.resolve("other-jdk-cache"), otherKind).get(0);
            Path disguised = ours.resolveSibling(ours.getFileName().toString()
                    .replaceAll("-\\d+\\.", "-" + Files.size(theirs) + "."));
            Files.delete(ours);
            Files.copy(theirs, disguised);
            assertThat(lint(env(jdk))).isEqualTo(expected);
            Files.delete(disguised);
            assertThat(lint(env(jdk))).isEqualTo(expected);
            ours = archives(dir.resolve("cache"), kind).get(0);
        }

        // another installation (another jar path) with the first one's archive swapped in
        Path other = dir.resolve("other");
        assertThat(Dist.run(dir, Map.of(), "", "cp", "-R", Dist.home().toString(), other.toString()).exit()).isZero();
        Map<String, String> otherCache = env(jdk);
        otherCache.put("ZDM_CACHE_DIR", dir.resolve("other-cache").toString());
        Dist.Run copy = timeless(Dist.run(dir, otherCache, "", other.resolve("bin/zdm").toString(), "lint", "--format", "json", "db/migration"));
        assertThat(copy).isEqualTo(expected);
        Path theirs = archives(dir.resolve("other-cache"), kind).get(0);
        Path swapped = theirs.resolveSibling(theirs.getFileName().toString().replaceAll("-\\d+\\.", "-" + Files.size(ours) + "."));
        Files.delete(theirs);
        Files.copy(ours, swapped);
        assertThat(timeless(Dist.run(dir, otherCache, "", other.resolve("bin/zdm").toString(), "lint", "--format", "json", "db/migration")))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoFirstCallsAtOnceBothSucceedAndLeaveWholeArchivesOnly(Kind kind) throws Exception {
        Path jdk = kind.jdk();
        history();
        Dist.Run expected = expected(jdk);
        CompletableFuture<Dist.Run> a = CompletableFuture.supplyAsync(() -> lintUnchecked(env(jdk)));
        CompletableFuture<Dist.Run> b = CompletableFuture.supplyAsync(() -> lintUnchecked(env(jdk)));
        assertThat(a.get(300, TimeUnit.SECONDS)).isEqualTo(expected);
        assertThat(b.get(300, TimeUnit.SECONDS)).isEqualTo(expected);
        // two may both be kept if they finish in the same instant; never a half-written one
        assertThat(archives(dir.resolve("cache"), kind)).hasSizeBetween(1, 2);
        assertThat(lint(env(jdk))).isEqualTo(expected);
    }

    private Dist.Run lintUnchecked(Map<String, String> env) {
        try {
            return lint(env);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aJarReplacedInPlaceWithTheSameSizeAndTimeGetsItsOwnArchive(Kind kind) throws Exception {
        Path jdk = kind.jdk();
        Path home = dir.resolve("zdm");
        assertThat(Dist.run(dir, Map.of(), "", "cp", "-R", Dist.home().toString(), home.toString()).exit()).isZero();
        Path jar = home.resolve("lib/flyway-zdm-cli.jar");
        String zdm = home.resolve("bin/zdm").toString();
        String version;
        try (JarFile j = new JarFile(jar.toFile())) {
            version = j.getManifest().getMainAttributes().getValue("Implementation-Version");
        }
        assertThat(Dist.run(dir, env(jdk), "", zdm, "--version").out()).isEqualTo("zdm " + version + "\n");
        assertThat(archives(dir.resolve("cache"), kind)).hasSize(1);

        // an upgrade that happens to keep the jar's size and time stamp (JDK 25 would serve the old classes from
        // its AOT cache, JDK 17 from its archive: both check no more than size and time, if that)
        String next = ("next-" + "x".repeat(version.length())).substring(0, version.length());
        Path replacement = dir.resolve("replacement.jar");
        rewrite(jar, replacement, "Implementation-Version: " + version, "Implementation-Version: " + next);
        Files.setLastModifiedTime(replacement, Files.getLastModifiedTime(jar));
        Files.move(replacement, jar, StandardCopyOption.REPLACE_EXISTING);
        Dist.Run after = Dist.run(dir, env(jdk), "", zdm, "--version");
        assertThat(after.out()).as(after.err()).isEqualTo("zdm " + next + "\n");
        assertThat(archives(dir.resolve("cache"), kind)).hasSize(2);
        assertThat(Dist.run(dir, env(jdk), "", zdm, "--version").out()).isEqualTo("zdm " + next + "\n");
    }

    /** A copy of a jar with one manifest line replaced, padded with a zip comment to the original's exact size. */
    private static void rewrite(Path jar, Path to, String line, String replacement) throws IOException {
        long size = Files.size(jar);
        byte[] bare = zip(jar, line, replacement, "");
        long missing = size - bare.length;
        assumeTrue(missing >= 0 && missing <= 65_535, "the rewritten jar cannot be padded to the original's size");
        byte[] padded = zip(jar, line, replacement, "p".repeat((int) missing));
        assertThat(padded.length).isEqualTo(size);
        Files.write(to, padded);
    }

    private static byte[] zip(Path jar, String line, String replacement, String comment) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (ZipFile in = new ZipFile(jar.toFile()); ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            for (ZipEntry e : Collections.list(in.entries())) {
                byte[] data = in.getInputStream(e).readAllBytes();
                if (e.getName().equals("META-INF/MANIFEST.MF")) {
                    String manifest = new String(data, StandardCharsets.UTF_8);
                    assertThat(manifest).contains(line);
                    data = manifest.replace(line, replacement).getBytes(StandardCharsets.UTF_8);
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(e.getTime());
                out.putNextEntry(copy);
                out.write(data);
                out.closeEntry();
            }
            out.setComment(comment);
        }
        return bytes.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void collectorAndCompilerFlagsInJavaOptsWinOverTheLaunchersOwn(Kind kind) throws Exception {
        Path jdk = kind.jdk();
        history();
        Dist.Run expected = expected(jdk);
        // the JVM refuses to start with two collectors, or with one compiler thread once tiered compilation is back
        // on: the launcher's flags for short calls must give way, on the call that writes the archive and on the
        // calls that use it
        for (String opts : List.of("-XX:+UseG1GC", "-XX:+UseParallelGC -Xmx256m", "-XX:TieredStopAtLevel=4",
                "-XX:-TieredCompilation", "-XX:CICompilerCount=3")) {
            Map<String, String> own = env(jdk);
            Path cache = dir.resolve("cache-" + opts.replaceAll("\\W", ""));
            own.put("ZDM_CACHE_DIR", cache.toString());
            own.put("JAVA_OPTS", opts);
            assertThat(lint(own)).as(opts + ", first call").isEqualTo(expected);
            assertThat(archives(cache, kind)).as(opts).hasSize(1);
            assertThat(lint(own)).as(opts + ", with its archive").isEqualTo(expected);
        }
        // the same through the options every java reads from the environment (the JVM names them on stderr)
        for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
            Map<String, String> own = env(jdk);
            Path cache = dir.resolve("cache-" + variable);
            own.put("ZDM_CACHE_DIR", cache.toString());
            own.put(variable, "-XX:+UseG1GC");
            for (String call : List.of("first call", "with its archive")) {
                Dist.Run r = lint(own);
                assertThat(r.exit()).as(variable + ", " + call + ": " + r.err()).isEqualTo(expected.exit());
                assertThat(r.out()).as(variable + ", " + call).isEqualTo(expected.out());
                assertThat(r.err()).as(variable + ", " + call).contains("Picked up " + variable).endsWith(expected.err());
            }
            assertThat(archives(cache, kind)).as(variable).hasSize(1);
        }
    }

    /**
     * A JDK older than 17 gets one line and exit 2 (not the JVM's LinkageError with exit 1, which means findings),
     * whichever path the launcher takes. The old JDK's {@code release} file is what the launcher reads; its
     * {@code bin/java} runs this JDK, so a launcher that did not check would lint and exit 1.
     */
    @Test
    void aJdkOlderThan17GetsOneLineAndExit2() throws Exception {
        history();
        Path thisJava = Path.of(System.getProperty("java.home"), "bin", "java");
        for (String release : List.of("11.0.24", "1.8.0_402")) {
            Path old = Files.createDirectories(dir.resolve("jdk-" + release + "/bin"));
            Files.writeString(old.getParent().resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + release + "\"\n");
            Path java = Files.writeString(old.resolve("java"), "#!/bin/sh\nexec '" + thisJava + "' \"$@\"\n");
            assertThat(java.toFile().setExecutable(true)).isTrue();
            String major = release.startsWith("1.") ? "8" : "11";
            Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
            for (String path : List.of("first call", "ZDM_CDS=off", "unwritable cache")) {
                Map<String, String> env = env(old.getParent());
                if (path.equals("ZDM_CDS=off")) {
                    env.put("ZDM_CDS", "off");
                } else if (path.equals("unwritable cache")) {
                    env.put("ZDM_CACHE_DIR", file.resolve("cache").toString());
                }
                Dist.Run r = lint(env);
                assertThat(r.exit()).as(release + ", " + path + ": " + r.err()).isEqualTo(2);
                assertThat(r.out()).as(release + ", " + path).isEmpty();
                assertThat(r.err()).as(release + ", " + path).isEqualTo("zdm: " + java + " is Java " + major
                        + "; zdm needs Java 17 or newer (set JAVA_HOME to a JDK or JRE 17+)\n");
            }
            Path cache = dir.resolve("cache");
            assertThat(Files.exists(cache) ? cache.toFile().list() : new String[0])
                    .as("no archive for a JDK that cannot run zdm").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aCacheThatCannotBeWrittenOrSharingFlagsInJavaOptsMeanNoArchive(Kind kind) throws Exception {
        Path jdk = kind.jdk();
        history();
        Dist.Run expected = expected(jdk);

        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        Map<String, String> unwritable = env(jdk);
        unwritable.put("ZDM_CACHE_DIR", file.resolve("cache").toString());
        assertThat(lint(unwritable)).isEqualTo(expected);
        assertThat(Files.readString(file)).isEqualTo("not a directory");

        // the user's own sharing flags win; ours would clash with them (JDK 25 refuses -Xshare:off with an AOT cache)
        for (String opts : List.of("-Xshare:off", "-XX:SharedArchiveFile=" + dir.resolve("x.jsa"))) {
            Map<String, String> own = env(jdk);
            own.put("JAVA_OPTS", opts);
            assertThat(lint(own)).as(opts).isEqualTo(expected);
            assertThat(dir.resolve("cache")).as(opts).doesNotExist();
        }

        // a read-only cache: an empty one stays empty (unless this user may write anyway, as root may), one that
        // holds the archive is used
        Path readOnly = Files.createDirectories(dir.resolve("read-only-cache"));
        Map<String, String> env = env(jdk);
        env.put("ZDM_CACHE_DIR", readOnly.toString());
        Path log = dir.resolve("classes.log");
        env.put("JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
        assertThat(readOnly.toFile().setWritable(false, false)).isTrue();
        try {
            boolean enforced = !Files.isWritable(readOnly);
            assertThat(lint(env)).isEqualTo(expected);
            if (enforced) {
                assertThat(readOnly.toFile().list()).isEmpty();
            }
            assertThat(readOnly.toFile().setWritable(true, false)).isTrue();
            assertThat(lint(env)).isEqualTo(expected);
            List<Path> archives = archives(readOnly, kind);
            assertThat(archives).hasSize(1);
            assertThat(readOnly.toFile().setWritable(false, false)).isTrue();
            Files.delete(log);
            assertThat(lint(env)).isEqualTo(expected);
            assertThat(mainClassSource(log)).contains("shared objects file");
            assertThat(archives(readOnly, kind)).isEqualTo(archives);
        } finally {
            readOnly.toFile().setWritable(true, false);
        }
    }
}
