package io.github.flywayzdm.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Paints the compiler-style text report: severity words coloured, rule ids bold. */
final class Colours {

    private static final Pattern FINDING = Pattern.compile("(?m)^(.*?:\\d+:\\d+: )(error|warning|info)(\\[[^\\]]+\\])");
    private static final String RESET = "\u001B[0m";

    private Colours() {
    }

    static String paint(String text) {
        Matcher m = FINDING.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String colour = switch (m.group(2)) {
                case "error" -> "\u001B[1;31m";
                case "warning" -> "\u001B[1;33m";
                default -> "\u001B[1;36m";
            };
            m.appendReplacement(b, Matcher.quoteReplacement(m.group(1) + colour + m.group(2) + RESET + "\u001B[1m" + m.group(3) + RESET));
        }
        m.appendTail(b);
        return b.toString();
    }
}
