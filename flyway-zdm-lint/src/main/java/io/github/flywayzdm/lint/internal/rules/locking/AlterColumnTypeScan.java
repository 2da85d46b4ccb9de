package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;
import io.github.flywayzdm.lint.internal.catalog.TableState;
import io.github.flywayzdm.lint.internal.model.ConstraintDef;
import io.github.flywayzdm.lint.internal.model.TypeName;
import io.github.flywayzdm.lint.internal.rules.TypeChanges;

import java.util.List;

/**
 * A type change that does not rewrite the table still reads all of it under ACCESS EXCLUSIVE when it re-checks the
 * column's validated CHECK constraints, or rebuilds its indexes (text ↔ citext changes the operator class).
 */
final class AlterColumnTypeScan extends OperationRule<Operation.AlterColumnType> {

    AlterColumnTypeScan() {
        super(Operation.AlterColumnType.class, "alter-column-type-scan", Severity.ERROR, Category.LOCKING,
                "ALTER COLUMN ... TYPE without a rewrite that still scans the table (CHECK re-validation, index rebuild)",
                "Even a binary-coercible change (varchar(n)→text, varchar(n)→varchar(m>n)) makes PostgreSQL drop and re-add "
                        + "every CHECK constraint that uses the column and re-validate it with a full scan, and rebuild every "
                        + "index whose operator class changes (text↔citext), all while ACCESS EXCLUSIVE blocks reads and writes.",
                "ALTER TABLE t DROP CONSTRAINT t_c_check;                         -- the type change then needs no scan\n"
                        + "ALTER TABLE t ALTER COLUMN c TYPE text;\n"
                        + "ALTER TABLE t ADD CONSTRAINT t_c_check CHECK (...) NOT VALID;  -- instant\n"
                        + "ALTER TABLE t VALIDATE CONSTRAINT t_c_check;                   -- separate migration, traffic flows",
                "Seen on PostgreSQL 13-18 (proof: a validated CHECK on the column moves the scan counter, no relfilenode change).");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.AlterColumnType a) {
        if (!existing(ctx, a.table())) {
            return;
        }
        TableState t = ctx.catalog().table(a.table()).orElse(null);
        TypeName old = t == null ? null : t.column(a.column()).map(TableState.ColumnState::type).orElse(null);
        if (old == null || a.using() != null && !a.usingPlainCast()
                || TypeChanges.rewrites(old, a.newType(), ctx.pgMajor(), true)) {
            return; // a rewrite (alter-column-type-rewrite reports it) or unknown
        }
        List<String> dropped = ctx.statement().all(Operation.DropConstraint.class).stream().map(Operation.DropConstraint::name).toList();
        List<String> checks = t.constraints().stream()
                .filter(c -> c.validated() && c.def().kind() == ConstraintDef.Kind.CHECK && uses(c.def(), a.column()))
                .filter(c -> !dropped.contains(c.def().name()))
                .map(c -> c.def().name()).toList();
        boolean indexes = TypeChanges.rebuildsIndexes(old, a.newType())
                && t.indexes().stream().anyMatch(i -> i.columns().contains(a.column()));
        if (!checks.isEmpty()) {
            ctx.report(a.table(), "Changing " + a.table() + "." + a.column() + " to " + a.newType() + " does not rewrite, but "
                    + "re-validates CHECK " + String.join(", ", checks) + " with a full scan under ACCESS EXCLUSIVE", null);
        } else if (indexes) {
            ctx.report(a.table(), "Changing " + a.table() + "." + a.column() + " from " + old + " to " + a.newType()
                    + " does not rewrite, but rebuilds the column's indexes under ACCESS EXCLUSIVE", null);
        }
    }

    /** The constraint names the column (its column list, or the column as a word of its expression). */
    static boolean uses(ConstraintDef def, String column) {
        if (def.columns().contains(column)) {
            return true;
        }
        return def.expression() != null && namesWord(def.expression(), column);
    }

    /**
     * Whether {@code column} occurs in {@code expression} as a word, quoted or not, ASCII letters in any case: what
     * {@code (?i)(?<![A-Za-z0-9_$])"?column"?(?![A-Za-z0-9_$])} finds (a double quote is no word character, so the
     * optional quotes change nothing), without compiling a pattern per constraint and call.
     */
    static boolean namesWord(String expression, String column) {
        int n = column.length();
        if (n == 0 || hasSurrogate(column)) {
            // never for a name read from valid text (a regex matches code points, not half a pair): its own reading
            return java.util.regex.Pattern.compile("(?i)(?<![A-Za-z0-9_$])\"?" + java.util.regex.Pattern.quote(column)
                    + "\"?(?![A-Za-z0-9_$])").matcher(expression).find();
        }
        for (int k = 0; k + n <= expression.length(); k++) {
            if ((k == 0 || !word(expression.charAt(k - 1))) && (k + n == expression.length() || !word(expression.charAt(k + n)))
                    && asciiCaseEqual(expression, k, column)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean word(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$';
    }

    private static boolean asciiCaseEqual(String text, int at, String word) {
        for (int i = 0; i < word.length(); i++) {
            if (lower(text.charAt(at + i)) != lower(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
}
