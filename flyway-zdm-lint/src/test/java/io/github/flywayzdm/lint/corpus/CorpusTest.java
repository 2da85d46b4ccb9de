package io.github.flywayzdm.lint.corpus;

import io.github.flywayzdm.lint.Finding;
import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.LintReport;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.MigrationScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.DynamicTest;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every labelled case under {@code src/test/resources/corpus} (see its README) through the public Linter,
 * after the shared base schema, and compares the active findings with the {@code -- expect:} marks.
 */
class CorpusTest {

    @TestFactory
    Stream<DynamicTest> everyCaseFindsExactlyWhatItExpects() throws Exception {
        Path root = corpusRoot();
        String schema = Files.readString(root.resolve("_schema.sql"));
        return cases(root).stream().map(file -> DynamicTest.dynamicTest(root.relativize(file).toString(), () -> {
            CorpusCase c = CorpusCase.read(file);
            MigrationScript base = MigrationScript.of("V0__schema.sql", schema);
            MigrationScript script = new MigrationScript("V1__" + file.getFileName(), c.sql(), c.transactional());
            LintConfig config = LintConfig.builder().pgMajor(c.pgMajor()).lockTimeoutByRunner(c.lockTimeoutByRunner())
                    .statementTimeoutByRunner(c.statementTimeoutByRunner()).build();
            LintReport report = Linter.of(config).lint(List.of(base, script), s -> s == script);
            Set<String> actual = report.active().stream().map(f -> f.ruleId() + "@" + f.line())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(actual).as("findings of %s:%n%s", file.getFileName(), describe(report.active()))
                    .isEqualTo(c.expected());
        }));
    }

    @Test
    void theCorpusIsLargeAndCoversEveryRule() throws Exception {
        Path root = corpusRoot();
        int statements = 0;
        Set<String> expectedRules = new TreeSet<>();
        for (Path file : cases(root)) {
            CorpusCase c = CorpusCase.read(file);
            statements += c.statementCount();
            c.expected().forEach(e -> expectedRules.add(e.substring(0, e.indexOf('@'))));
        }
        assertThat(statements).isGreaterThanOrEqualTo(150);
        Set<String> toolOnly = Set.of("split-problem", "suppression-without-reason", "suppression-unknown-rule",
                "unused-suppression");
        Set<String> allRules = Linter.rules().stream().map(r -> r.id()).filter(id -> !toolOnly.contains(id))
                .collect(Collectors.toCollection(TreeSet::new));
        allRules.removeAll(expectedRules);
        assertThat(allRules).as("rules without a corpus case that triggers them").isEmpty();
    }

    static List<Path> cases(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".sql") && !p.getFileName().toString().startsWith("_")).sorted().toList();
        }
    }

    static Path corpusRoot() throws URISyntaxException {
        return Path.of(CorpusTest.class.getResource("/corpus/_schema.sql").toURI()).getParent();
    }

    private static String describe(List<Finding> findings) {
        return findings.stream().map(f -> "  " + f.ruleId() + "@" + f.line() + " " + f.message()).collect(Collectors.joining("\n"));
    }
}
