package io.github.flywayzdm.lint;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Masks passwords in connection URLs and in any text that may quote one (a driver's "No suitable driver found for
 * &lt;url&gt;", a configuration echo): {@code postgres://user:secret@host/db} becomes {@code postgres://user:***@host/db},
 * {@code ?user=u&password=secret} becomes {@code ?user=u&password=***}. Every front end runs what it prints through
 * this, so a password typed into a URL never reaches a console, a log or a report.
 */
public final class UrlMask {

    /** scheme://user:password@ (also jdbc:postgresql://user:password@, which the driver does not accept but users write). */
    private static final Pattern USER_INFO = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*:(?:[a-z0-9+.-]+:)*//[^/\\s:@?#]*):[^\\s/?#]*@");
    /** password=... as a URL parameter or a key=value property. */
    private static final Pattern PARAMETER = Pattern.compile("(?i)\\b((?:ssl)?password|passwd|pwd)=[^&;\\s'\",)]*");

    private UrlMask() {
    }

    /** {@code text} with every password in it replaced by {@code ***}; null stays null. */
    public static String mask(String text) {
        if (text == null || !mayHoldSecret(text)) {
            return text;
        }
        String out = USER_INFO.matcher(text).replaceAll("$1:***@");
        return PARAMETER.matcher(out).replaceAll("$1=***");
    }

    private static boolean mayHoldSecret(String text) {
        if (text.indexOf('@') >= 0) {
            return true;
        }
        if (text.indexOf('=') < 0) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("passw") || lower.contains("pwd");
    }
}
