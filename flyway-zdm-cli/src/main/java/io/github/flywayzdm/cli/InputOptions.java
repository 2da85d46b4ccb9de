package io.github.flywayzdm.cli;

import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.LintException;
import io.github.flywayzdm.lint.LintSettings;
import io.github.flywayzdm.lint.MigrationFiles;
import io.github.flywayzdm.lint.MigrationScript;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which migrations, and the linter settings: shared by {@code zdm lint} and {@code zdm trace}. */
final class InputOptions {

    static final Path FLYWAY_DEFAULT_LOCATION = Path.of("src/main/resources/db/migration");

    List<String> paths = new ArrayList<>();

    String pgVersion;
    String failOn;
    Path config;
    final Map<String, String> rules = new LinkedHashMap<>();
    final List<String> excludes = new ArrayList<>();
    final Map<String, String> placeholders = new LinkedHashMap<>();
    String baselineVersion;
    boolean lockTimeoutByRunner;

    static final String PATHS_HELP = "Migration files or directories; '-' for stdin. Default: src/main/resources/db/migration";

    void register(ArgParser p) {
        p.value("--pg-version", "MAJOR", "Target PostgreSQL major version, 10..18 (default 17; the trace runs 13..18).", v -> pgVersion = v)
                .value("--fail-on", "LEVEL", "error (default), warning, info or never.", v -> failOn = v)
                .value("--config", "FILE", "Settings file (pg-version, fail-on, rule.<id>, exclude, ...).", v -> config = Path.of(v))
                .pair("--rule", "ID=LEVEL", "Override a rule's severity: error, warning, info or off.", rules::put)
                .value("--exclude", "GLOB", "Skip scripts whose path matches (repeatable).", excludes::add)
                .pair("-P, --placeholder", "NAME=VALUE", "A Flyway placeholder value (repeatable).", placeholders::put)
                .value("--baseline-version", "VERSION", "Skip versioned scripts at or below VERSION.", v -> baselineVersion = v)
                .flag("--lock-timeout-by-runner",
                        "lock_timeout is set by the runner (e.g. the flyway-zdm callbacks), not in each script.",
                        () -> lockTimeoutByRunner = true);
    }

    /** The settings file first, then the flags, so flags win. */
    LintConfig.Builder config() {
        LintConfig.Builder builder = LintConfig.builder();
        if (config != null) {
            LintSettings.load(config, builder);
        }
        set(builder, "pg-version", pgVersion);
        set(builder, "fail-on", failOn);
        set(builder, "baseline-version", baselineVersion);
        rules.forEach((id, level) -> set(builder, "rule." + id, level));
        placeholders.forEach((name, value) -> set(builder, "placeholder." + name, value));
        excludes.forEach(glob -> set(builder, "exclude", glob));
        if (lockTimeoutByRunner) {
            builder.lockTimeoutByRunner(true);
        }
        return builder;
    }

    private static void set(LintConfig.Builder builder, String key, String value) {
        if (value != null) {
            LintSettings.apply(builder, key, value);
        }
    }

    List<MigrationScript> scripts(Io io) {
        List<String> given = paths.isEmpty() ? defaultLocation() : paths;
        List<MigrationScript> scripts = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (String p : given) {
            if (p.equals("-")) {
                scripts.add(MigrationFiles.read("<stdin>", io.in()));
            } else {
                files.add(Path.of(p));
            }
        }
        scripts.addAll(MigrationFiles.load(files));
        return scripts;
    }

    private static List<String> defaultLocation() {
        if (!Files.isDirectory(FLYWAY_DEFAULT_LOCATION)) {
            throw new LintException("no PATH given and " + FLYWAY_DEFAULT_LOCATION
                    + " does not exist here: name migration files or directories (or '-' for stdin)");
        }
        return List.of(FLYWAY_DEFAULT_LOCATION.toString());
    }

    /** git runs where the migrations live, which need not be the working directory. */
    Path gitDir() {
        return paths.stream().filter(p -> !p.equals("-")).map(Path::of)
                .map(p -> Files.isDirectory(p) ? p : p.toAbsolutePath().getParent())
                .findFirst().orElse(Path.of("")).toAbsolutePath();
    }
}
