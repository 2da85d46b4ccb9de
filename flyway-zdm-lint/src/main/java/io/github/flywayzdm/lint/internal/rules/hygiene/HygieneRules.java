package io.github.flywayzdm.lint.internal.rules.hygiene;

import io.github.flywayzdm.lint.internal.rules.Rule;

import java.util.List;

/** The hygiene rules, in the catalogue's order: the one public door to this package's rule classes. */
public final class HygieneRules {

    private HygieneRules() {
    }

    public static List<Rule> all() {
        return List.of(
                new JsonColumn(), new PreferBigintPrimaryKey(), new PreferTextOverVarchar(), new PreferTimestamptz(),
                new BanCharType(), new ForeignKeyWithoutIndex(), new IdentifierTooLong(), new PreferIdentity(),
                new PreferBigintColumn(), new MultipleAlterTable());
    }
}
