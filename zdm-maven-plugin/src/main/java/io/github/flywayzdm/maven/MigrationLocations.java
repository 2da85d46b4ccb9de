package io.github.flywayzdm.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns Flyway location strings into directories of this project: {@code filesystem:path} relative to the project,
 * {@code classpath:path} (or no prefix, as in Flyway) inside the resource directories, falling back to the output
 * directory for generated resources. Sources win over {@code target/classes}, so a file is never linted twice.
 */
final class MigrationLocations {

    private final Path basedir;
    private final List<Path> resourceDirs;
    private final Path outputDir;

    MigrationLocations(Path basedir, List<Path> resourceDirs, Path outputDir) {
        this.basedir = basedir;
        this.resourceDirs = resourceDirs;
        this.outputDir = outputDir;
    }

    record Resolved(List<Path> found, List<String> missing) {
    }

    Resolved resolve(List<String> locations) {
        List<Path> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String location : locations) {
            List<Path> dirs = resolve(location.strip());
            if (dirs.isEmpty()) {
                missing.add(location.strip());
            }
            dirs.stream().filter(d -> !found.contains(d)).forEach(found::add);
        }
        return new Resolved(found, missing);
    }

    private List<Path> resolve(String location) {
        if (location.startsWith("filesystem:")) {
            Path dir = basedir.resolve(location.substring("filesystem:".length())).normalize();
            return Files.exists(dir) ? List.of(dir) : List.of();
        }
        if (location.contains(":") && !location.startsWith("classpath:")) {
            throw new IllegalArgumentException("unsupported location '" + location + "': use filesystem:PATH or classpath:PATH");
        }
        String path = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
        path = path.replaceFirst("^/+", "");
        List<Path> dirs = new ArrayList<>();
        for (Path resources : resourceDirs) {
            Path dir = resources.resolve(path).normalize();
            if (Files.isDirectory(dir)) {
                dirs.add(dir);
            }
        }
        Path generated = outputDir.resolve(path).normalize();
        if (dirs.isEmpty() && Files.isDirectory(generated)) {
            dirs.add(generated);
        }
        return dirs;
    }
}
