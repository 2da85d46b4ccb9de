package io.github.flywayzdm.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;

/** What a command may touch of the outside world; tests pass their own. */
record Io(InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env, boolean interactive) {

    boolean githubActions() {
        return "true".equalsIgnoreCase(env.getOrDefault("GITHUB_ACTIONS", ""));
    }

    /** Colour on a terminal only, never when NO_COLOR is set (https://no-color.org). */
    boolean colour(ColourMode mode) {
        return switch (mode) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> interactive && env.getOrDefault("NO_COLOR", "").isEmpty() && !"dumb".equals(env.get("TERM"));
        };
    }

    enum ColourMode { AUTO, ALWAYS, NEVER }
}
