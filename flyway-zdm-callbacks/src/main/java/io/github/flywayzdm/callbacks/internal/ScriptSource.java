package io.github.flywayzdm.callbacks.internal;

import io.github.flywayzdm.lint.FlywayPlaceholders;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.Configuration;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a SQL migration's text through Flyway's resolved locations and has the linter's one reading apply Flyway's
 * placeholders to it ({@link FlywayPlaceholders}; this class only gathers the values).
 */
public final class ScriptSource {

    private final Configuration config;
    private Location[] locations; // Flyway builds a new Locations object on every getLocations() call

    public ScriptSource(Configuration config) {
        this.config = config;
    }

    /** True for migrations Flyway runs from a SQL file (not Java, not synthetic). */
    public boolean isSql(MigrationInfo info) {
        String script = info.getScript();
        if (script == null || info.getType() == null || info.getType().isSynthetic()) {
            return false;
        }
        for (String suffix : config.getSqlMigrationSuffixes()) {
            if (script.toLowerCase(Locale.ROOT).endsWith(suffix.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** The raw text of the migration's file, or empty when no location holds it. */
    public Optional<String> raw(MigrationInfo info) {
        return read(info.getScript(), info.getPhysicalLocation());
    }

    /** The {@code .sql.conf} sidecar of the script, when present. */
    public Optional<String> sidecar(MigrationInfo info) {
        String physical = info.getPhysicalLocation();
        return read(info.getScript() + ".conf", physical == null || physical.isEmpty() ? null : physical + ".conf");
    }

    /**
     * The sidecar's {@code executeInTransaction}, read as Flyway reads a .conf file (Java properties); empty when the
     * script has no sidecar or the sidecar does not say true or false.
     */
    public Optional<Boolean> executeInTransaction(MigrationInfo info) {
        return sidecar(info).flatMap(text -> {
            java.util.Properties props = new java.util.Properties();
            try {
                props.load(new java.io.StringReader(text));
            } catch (java.io.IOException | IllegalArgumentException e) {
                return Optional.empty();
            }
            String value = props.getProperty("executeInTransaction", "").trim();
            return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")
                    ? Optional.of(Boolean.parseBoolean(value)) : Optional.empty();
        });
    }

    /** The text Flyway will execute: placeholders substituted unless disabled for the script or globally. */
    public Optional<String> substituted(MigrationInfo info, Map<String, String> builtIns) {
        return raw(info).map(raw -> placeholdersApply(info) ? substitute(raw, info.getScript(), builtIns) : raw);
    }

    /** An applied script by its name (lint context): the global placeholder setting applies. */
    public Optional<String> substituted(String script, Map<String, String> builtIns) {
        return read(script, null).map(raw -> config.isPlaceholderReplacement() ? substitute(raw, script, builtIns) : raw);
    }

    public boolean placeholdersApply(MigrationInfo info) {
        Boolean perScript = info.isPlaceholderReplacement();
        return perScript != null ? perScript : config.isPlaceholderReplacement();
    }

    /** Applies the configured and built-in placeholders to a script's raw text. */
    public String substitute(String raw, String script, Map<String, String> builtIns) {
        if (!raw.contains(config.getPlaceholderPrefix())) {
            return raw;
        }
        Map<String, String> values = new java.util.LinkedHashMap<>(builtIns); // in order: the last of one name ignoring case wins
        values.put("flyway:filename", fileName(script));
        values.putAll(config.getPlaceholders()); // a configured value wins over a built-in, as in Flyway
        return FlywayPlaceholders.of(values, config.getPlaceholderPrefix(), config.getPlaceholderSuffix()).apply(raw);
    }

    /** Flyway's built-in placeholders that are cheap to know. */
    public Map<String, String> builtIns(String user, String database) {
        Map<String, String> m = new HashMap<>();
        String configured = AppliedScripts.configuredSchema(config);
        String schema = configured != null ? configured : "public";
        m.put("flyway:defaultSchema", schema);
        m.put("flyway:user", user == null ? "" : user);
        m.put("flyway:database", database == null ? "" : database);
        m.put("flyway:table", config.getTable());
        m.put("flyway:timestamp", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
        m.put("flyway:workingDirectory", config.getWorkingDirectory() == null ? "" : config.getWorkingDirectory());
        return m;
    }

    private Optional<String> read(String script, String physical) {
        Charset charset = config.getEncoding() == null ? StandardCharsets.UTF_8 : config.getEncoding();
        try {
            if (locations == null) {
                locations = config.getLocations();
            }
            for (Location location : locations) {
                if (location.isFileSystem()) {
                    Path file = Path.of(location.getRootPath()).resolve(script);
                    if (Files.isRegularFile(file)) {
                        return Optional.of(Files.readString(file, charset));
                    }
                } else if (location.isClassPath()) {
                    String root = location.getRootPath();
                    String name = root.isEmpty() ? script : root + "/" + script;
                    URL url = config.getClassLoader().getResource(name);
                    if (url != null) {
                        try (InputStream in = url.openStream()) {
                            return Optional.of(new String(in.readAllBytes(), charset));
                        }
                    }
                }
            }
            if (physical != null && !physical.isEmpty() && Files.isRegularFile(Path.of(physical))) {
                return Optional.of(Files.readString(Path.of(physical), charset));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String fileName(String script) {
        int slash = Math.max(script.lastIndexOf('/'), script.lastIndexOf('\\'));
        return script.substring(slash + 1);
    }
}
