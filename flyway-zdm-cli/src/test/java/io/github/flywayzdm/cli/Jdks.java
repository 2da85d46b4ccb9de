package io.github.flywayzdm.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JDKs on this machine that the launcher tests run bin/zdm with, in this order: the test JVM's own, {@code -Dzdm.jdk.N=home},
 * {@code JAVA_HOME_N_X64} / {@code JAVA_HOME_N_ARM64} (what actions/setup-java sets) and the JDKs in /usr/lib/jvm.
 */
final class Jdks {

    private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    private Jdks() {
    }

    /** The first JDK whose feature version is in [min, max] (/usr/lib/jvm newest name first); empty if none. */
    static Optional<Path> find(int min, int max) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of(System.getProperty("java.home")));
        for (int v = max == Integer.MAX_VALUE ? min + 10 : max; v >= min; v--) {
            String property = System.getProperty("zdm.jdk." + v);
            if (property != null) {
                candidates.add(Path.of(property));
            }
            for (String arch : List.of("X64", "ARM64")) {
                String env = System.getenv("JAVA_HOME_" + v + "_" + arch);
                if (env != null) {
                    candidates.add(Path.of(env));
                }
            }
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> homes = Files.list(jvms)) {
                homes.sorted(Comparator.reverseOrder()).forEach(candidates::add);
            } catch (IOException e) {
                // no system JDKs to offer
            }
        }
        return candidates.stream()
                .filter(home -> Files.isExecutable(home.resolve("bin/java")))
                .filter(home -> {
                    int v = feature(home);
                    return v >= min && v <= max;
                })
                .findFirst();
    }

    /** The feature version a JDK's release file names, or 0. */
    static int feature(Path home) {
        try {
            Matcher m = VERSION.matcher(Files.readString(home.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
