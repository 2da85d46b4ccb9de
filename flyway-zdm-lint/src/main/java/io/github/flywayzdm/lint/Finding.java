package io.github.flywayzdm.lint;

import java.util.Objects;

/**
 * One problem found in a migration.
 *
 * @param ruleId          the rule's stable id
 * @param severity        effective severity (after configuration and size-awareness)
 * @param file            the script's path as given to the linter (relative where possible)
 * @param line            1-based line of the statement's first token
 * @param column          1-based column of the statement's first token
 * @param excerpt         the statement, shortened to a few lines
 * @param message         what is wrong with this statement, naming the objects involved
 * @param why             the lock it takes and whether it rewrites or scans
 * @param safeAlternative concrete SQL steps that achieve the same safely
 * @param suppression     the in-SQL suppression covering it, or null when it is active
 */
public record Finding(String ruleId, Severity severity, String file, int line, int column, String excerpt,
                      String message, String why, String safeAlternative, Suppression suppression) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        excerpt = excerpt == null ? "" : excerpt;
        why = why == null ? "" : why;
        safeAlternative = safeAlternative == null ? "" : safeAlternative;
    }

    public boolean suppressed() {
        return suppression != null;
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, newSeverity, file, line, column, excerpt, message, why, safeAlternative, suppression);
    }

    public Finding withMessage(String newMessage) {
        return new Finding(ruleId, severity, file, line, column, excerpt, newMessage, why, safeAlternative, suppression);
    }

    public Finding suppressedBy(Suppression by) {
        return new Finding(ruleId, severity, file, line, column, excerpt, message, why, safeAlternative, by);
    }
}
