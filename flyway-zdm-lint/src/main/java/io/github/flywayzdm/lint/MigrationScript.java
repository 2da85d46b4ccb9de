package io.github.flywayzdm.lint;

import java.util.Objects;

/**
 * One SQL migration to lint.
 *
 * @param path                 how to name it in findings (relative path, or a classpath location)
 * @param content              the SQL text
 * @param executeInTransaction Flyway's {@code executeInTransaction} for this script from its {@code .sql.conf}
 *                             sidecar, or null for Flyway's default (a transaction unless a statement cannot run in one)
 */
public record MigrationScript(String path, String content, Boolean executeInTransaction) {

    public MigrationScript {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
    }

    public static MigrationScript of(String path, String content) {
        return new MigrationScript(path, content, null);
    }

    /** The file name without directories. */
    public String fileName() {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }
}
