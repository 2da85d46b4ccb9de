package io.github.flywayzdm.lint.internal.rules;

import io.github.flywayzdm.lint.internal.engine.RuleCatalogue;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.RuleInfo;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RuleCatalogueTest {

    @Test
    void everyRuleHasAStableIdAndCompleteExplanation() {
        Set<String> ids = new HashSet<>();
        for (Rule rule : RuleCatalogue.all()) {
            RuleInfo info = rule.info();
            assertThat(ids.add(info.id())).as("duplicate id %s", info.id()).isTrue();
            assertThat(info.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(info.summary()).as(info.id()).isNotBlank();
            assertThat(info.why()).as(info.id()).hasSizeGreaterThan(40);
            assertThat(info.safeAlternative()).as(info.id()).isNotBlank();
            assertThat(rule.getClass().getSimpleName()).as("one class per rule").isNotEqualTo("BaseRule");
        }
        assertThat(ids).hasSizeGreaterThanOrEqualTo(50);
    }

    @Test
    void theRuleReferenceIsUpToDate() throws Exception {
        Path docs = Path.of("..", "docs", "rules.md");
        String expected = RuleReference.render();
        String actual = Files.exists(docs) ? Files.readString(docs, StandardCharsets.UTF_8) : "";
        assertThat(actual).as("docs/rules.md is stale: regenerate it by running "
                + "io.github.flywayzdm.lint.internal.rules.RuleReference.main (test classpath of flyway-zdm-lint, "
                + "working directory flyway-zdm-lint)").isEqualTo(expected);
        assertThat(Linter.rules()).allSatisfy(r -> assertThat(actual).contains("### " + r.id()));
    }
}
