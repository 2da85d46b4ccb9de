package io.github.flywayzdm.embedded;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The PostgreSQL majors flyway-zdm runs on, and how the one in use is chosen. */
public final class PgVersions {

    /** Major version to the zonky binaries release that provides it. */
    public static final Map<Integer, String> BINARIES;

    /** Used when neither {@code -Dzdm.pg.version} nor {@code ZDM_PG_VERSION} says otherwise. */
    public static final int DEFAULT_MAJOR = 17;

    static {
        Map<Integer, String> m = new TreeMap<>();
        m.put(13, "13.23.0");
        m.put(14, "14.24.0");
        m.put(15, "15.19.0");
        m.put(16, "16.15.0");
        m.put(17, "17.11.0");
        m.put(18, "18.6.0");
        BINARIES = Map.copyOf(m);
    }

    private PgVersions() {
    }

    /** The major selected by the system property {@code zdm.pg.version}, then env {@code ZDM_PG_VERSION}, then the default. */
    public static int selectedMajor() {
        String raw = Optional.ofNullable(System.getProperty("zdm.pg.version"))
                .filter(s -> !s.isBlank())
                .orElseGet(() -> System.getenv("ZDM_PG_VERSION"));
        return raw == null || raw.isBlank() ? DEFAULT_MAJOR : parseMajor(raw);
    }

    /** Accepts "16", "16.4" or "16.15.0"; rejects anything outside 13..18 with a message that lists the choices. */
    public static int parseMajor(String raw) {
        String head = raw.trim().split("\\.")[0];
        int major;
        try {
            major = Integer.parseInt(head);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a PostgreSQL version: '" + raw + "'. Use one of " + BINARIES.keySet());
        }
        requireSupported(major);
        return major;
    }

    static void requireSupported(int major) {
        if (!BINARIES.containsKey(major)) {
            throw new IllegalArgumentException("PostgreSQL " + major + " is not supported. Use one of " + new TreeMap<>(BINARIES).keySet());
        }
    }
}
