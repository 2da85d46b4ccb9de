package io.github.flywayzdm.callbacks.internal;

import io.github.flywayzdm.callbacks.ZdmCallback;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.Configuration;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Whether anything but Flyway and flyway-zdm may run on the migration's session between two migrations: another Java
 * callback, or a SQL callback script of an event that fires between migrations ({@code beforeEachMigrate},
 * {@code afterEachMigrate} and their statement/error forms, {@code afterVersioned}, {@code beforeRepeatables}).
 * Either may change session settings, so the guard then re-sends its timeouts before every migration. A location
 * that cannot be listed counts as holding such a script.
 */
final class BetweenMigrations {

    private static final List<String> BETWEEN_EVENTS = List.of("beforeeachmigrate", "aftereachmigrate", "afterversioned",
            "beforerepeatables");

    private BetweenMigrations() {
    }

    /** True when only Flyway and flyway-zdm run between migrations in this configuration. */
    static boolean onlyFlyway(Configuration config) {
        for (Callback c : config.getCallbacks()) {
            if (!(c instanceof ZdmCallback) && !ZdmCallback.CALLBACK_NAME.equals(c.getCallbackName())) {
                return false;
            }
        }
        if (config.isSkipDefaultCallbacks()) {
            return true;
        }
        try {
            for (Location location : locations(config)) {
                if (holdsCallbackScript(config, location)) {
                    return false;
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return true;
    }

    private static List<Location> locations(Configuration config) {
        List<Location> all = new java.util.ArrayList<>(List.of(config.getLocations()));
        try {
            Object extra = Configuration.class.getMethod("getCallbackLocations").invoke(config);
            if (extra instanceof Location[] more) {
                all.addAll(List.of(more));
            }
        } catch (ReflectiveOperationException e) {
            // a Flyway without callbackLocations: its SQL callbacks live in the migration locations
        }
        return all;
    }

    private static boolean holdsCallbackScript(Configuration config, Location location) throws IOException {
        if (location.isFileSystem()) {
            Path root = Path.of(location.getRootPath());
            if (!Files.isDirectory(root)) {
                return false;
            }
            try (Stream<Path> files = Files.walk(root)) {
                return files.anyMatch(p -> callbackScript(p.getFileName().toString()));
            }
        }
        if (!location.isClassPath()) {
            return true; // a cloud or custom location: cannot tell
        }
        String root = location.getRootPath();
        Enumeration<URL> urls = config.getClassLoader().getResources(root.isEmpty() ? "" : root + "/");
        while (urls.hasMoreElements()) {
            URL url = urls.nextElement();
            if (url.getProtocol().equals("file")) {
                try (Stream<Path> files = Files.walk(Path.of(java.net.URI.create(url.toString())))) {
                    if (files.anyMatch(p -> callbackScript(p.getFileName().toString()))) {
                        return true;
                    }
                }
            } else if (url.getProtocol().equals("jar")) {
                // the class loader's own cached jar: read it, never close it
                JarURLConnection jar = (JarURLConnection) url.openConnection();
                JarFile file = jar.getJarFile();
                String prefix = jar.getEntryName() == null ? "" : jar.getEntryName();
                for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
                    String name = e.nextElement().getName();
                    if (name.startsWith(prefix) && callbackScript(name.substring(name.lastIndexOf('/') + 1))) {
                        return true;
                    }
                }
            } else {
                return true; // e.g. Spring Boot's nested jars or a custom class loader: cannot tell
            }
        }
        return false;
    }

    static boolean callbackScript(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return BETWEEN_EVENTS.stream().anyMatch(name::startsWith);
    }
}
