package io.github.flywayzdm.lint;

/**
 * The catalogue entry of a rule: what {@code --explain} prints and the rule reference documents.
 *
 * @param id              stable kebab-case id used in reports and suppressions
 * @param defaultSeverity severity unless configured otherwise
 * @param category        what kind of harm it prevents
 * @param summary         one line: what is flagged
 * @param why             the lock taken, whether it rewrites or scans, and why that hurts under traffic
 * @param safeAlternative the safe way, as concrete SQL steps
 * @param versions        PostgreSQL version nuances ("" when none)
 */
public record RuleInfo(String id, Severity defaultSeverity, Category category, String summary, String why,
                       String safeAlternative, String versions) {
}
