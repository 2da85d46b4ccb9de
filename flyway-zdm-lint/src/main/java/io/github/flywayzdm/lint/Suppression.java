package io.github.flywayzdm.lint;

/**
 * An in-SQL suppression, e.g. {@code -- zdm:ignore create-index-non-concurrent: table is empty}.
 *
 * @param line      where the suppression comment is
 * @param fileWide  true for {@code zdm:ignore-file}
 * @param reason    the text after the colon (never blank for a valid suppression)
 */
public record Suppression(int line, boolean fileWide, String reason) {
}
