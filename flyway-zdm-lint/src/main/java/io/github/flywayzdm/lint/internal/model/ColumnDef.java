package io.github.flywayzdm.lint.internal.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A column as declared in CREATE TABLE or ADD COLUMN.
 *
 * @param name          normalized column name
 * @param type          declared type (null when unknown, e.g. a parse gap)
 * @param notNull       NOT NULL declared inline
 * @param defaultExpr   DEFAULT expression as written, or null
 * @param generated     identity/generated kind
 * @param inlinePrimaryKey PRIMARY KEY declared on the column
 * @param inlineUnique  UNIQUE declared on the column
 * @param inlineCheck   CHECK expression declared on the column, or null
 * @param references    REFERENCES target declared on the column, or null
 * @param inlineCheckName the name of the inline CHECK ({@code CONSTRAINT n CHECK (...)}), or null when generated
 */
public record ColumnDef(String name, TypeName type, boolean notNull, String defaultExpr, Generated generated,
                        boolean inlinePrimaryKey, boolean inlineUnique, String inlineCheck, TableRef references,
                        String inlineCheckName) {

    public enum Generated { NONE, IDENTITY, STORED, VIRTUAL }

    private static final Pattern SERIAL = Pattern.compile("(small|big)?serial[248]?");

    public Optional<String> defaultExpression() {
        return Optional.ofNullable(defaultExpr);
    }

    /** serial, bigserial, smallserial (and serial4/serial8/serial2). */
    public boolean serial() {
        return type != null && SERIAL.matcher(type.name()).matches();
    }
}
