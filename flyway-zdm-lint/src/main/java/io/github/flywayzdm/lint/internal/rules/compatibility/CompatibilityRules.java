package io.github.flywayzdm.lint.internal.rules.compatibility;

import io.github.flywayzdm.lint.internal.rules.Rule;

import java.util.List;

/** The compatibility rules, in the catalogue's order: the one public door to this package's rule classes. */
public final class CompatibilityRules {

    private CompatibilityRules() {
    }

    public static List<Rule> all() {
        return List.of(
                new RenameColumn(), new RenameTable(), new DropColumn(), new DropTable(),
                new DropNotNull(), new ChangeColumnTypeCompat(), new TruncateTable(), new DropDatabase(),
                new DropSchemaCascade(), new DropView(), new RenameSchema(), new RenameEnumValue(),
                new DropDefaultOfRequiredColumn());
    }
}
