package io.github.flywayzdm.lint.internal.engine;

import io.github.flywayzdm.testsupport.ServerIndependent;
import io.github.flywayzdm.lint.Finding;
import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.LintReport;
import io.github.flywayzdm.lint.MigrationScript;
import io.github.flywayzdm.lint.RuleInfo;
import io.github.flywayzdm.lint.bench.LintBenchmark;
import io.github.flywayzdm.lint.internal.catalog.CatalogView;
import io.github.flywayzdm.lint.internal.model.AnalyzedStatement;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.model.TableRef;
import io.github.flywayzdm.lint.internal.rules.Rule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;
import io.github.flywayzdm.lint.report.ReportFormat;
import io.github.flywayzdm.lint.report.ReportWriter;
import io.github.flywayzdm.testsupport.disguise.Catalogue;
import io.github.flywayzdm.testsupport.disguise.Disguise;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine sends a statement only to the rules that handle one of its operation types ({@link Rule#handles}). That
 * is only right if no rule ever reports on, or keeps state from, a statement outside its set: checked here by asking
 * every rule about every statement of the lint corpus, the disguised migrations and the benchmark corpus, and by
 * comparing the findings of both engines.
 */
@ServerIndependent
class RuleDispatchTest {

    /** The settings that change verdicts (target version, the runner's timeouts). */
    private static final List<LintConfig> CONFIGS = List.of(LintConfig.defaults(), LintConfig.builder().pgMajor(11).build(),
            LintConfig.builder().pgMajor(13).build(), LintConfig.builder().lockTimeoutByRunner(true).build(),
            LintConfig.builder().statementTimeoutByRunner(true).build());

    private record Run(LintConfig config, List<MigrationScript> scripts) {
    }

    @Test
    void noRuleReportsOrKeepsStateOnAStatementOutsideItsOperationTypes(@TempDir Path dir) throws Exception {
        List<String> violations = new ArrayList<>();
        Set<String> ruled = new TreeSet<>();
        List<Rule> audited = RuleCatalogue.all().stream().map(r -> (Rule) new Audited(r, violations, ruled)).toList();
        for (Run run : runs(dir)) {
            new LintEngine(run.config(), audited, false).run(run.scripts(), s -> true);
        }
        assertThat(violations).as("rules that acted on a statement outside their handles()").isEmpty();
        // the audit saw the rules at work: a rule that never reports anything would pass it trivially
        assertThat(ruled).hasSizeGreaterThan(40);
    }

    @Test
    void findingsAreTheSameWithAndWithoutTheDispatch(@TempDir Path dir) throws Exception {
        int findings = 0;
        for (Run run : runs(dir)) {
            LintReport every = new LintEngine(run.config(), RuleCatalogue.all(), false).run(run.scripts(), s -> true);
            LintReport dispatched = new LintEngine(run.config(), RuleCatalogue.all(), true).run(run.scripts(), s -> true);
            assertThat(dispatched.findings()).isEqualTo(every.findings());
            assertThat(text(dispatched)).isEqualTo(text(every));
            findings += every.findings().size();
        }
        assertThat(findings).isGreaterThan(1000);
    }

    /** The text report without its elapsed time. */
    private static String text(LintReport report) {
        return ReportWriter.render(report, ReportFormat.TEXT).replaceAll(" in \\d+ ms\n$", "\n");
    }

    @Test
    void everyRuleDeclaresWhatItHandles() {
        for (Rule rule : RuleCatalogue.all()) {
            assertThat(rule.handles()).as(rule.info().id()).isNotNull();
        }
        // the rules that keep script state or read the text see every statement; the others name their operations
        assertThat(RuleCatalogue.all().stream().filter(r -> r.handles().equals(Rule.EVERY_STATEMENT)).map(r -> r.info().id()))
                .containsExactlyInAnyOrder("missing-lock-timeout", "missing-statement-timeout", "statements-after-access-exclusive",
                        "enum-add-value-in-transaction", "unresolved-placeholder");
    }

    @Test
    void aStatementWithSeveralOperationsGoesToTheRulesOfEach() {
        List<Rule> rules = RuleCatalogue.all();
        RuleDispatch dispatch = new RuleDispatch(rules, true);
        Operation.AddColumn add = new Operation.AddColumn(new TableRef(null, "t"), null, false);
        Operation.Vacuum vacuum = new Operation.Vacuum(List.of(), true, false);
        List<Rule> both = dispatch.rulesFor(List.of(add, vacuum));
        assertThat(both).containsAll(dispatch.rulesFor(List.of(add))).containsAll(dispatch.rulesFor(List.of(vacuum)));
        assertThat(both).allMatch(r -> r.handles().stream().anyMatch(t -> t.isInstance(add) || t.isInstance(vacuum)));
        // catalogue order, whatever the order of the operations
        assertThat(both).isSortedAccordingTo((a, b) -> Integer.compare(rules.indexOf(a), rules.indexOf(b)));
        assertThat(dispatch.rulesFor(List.of(vacuum, add))).isEqualTo(both);
        assertThat(new RuleDispatch(rules, false).rulesFor(List.of(vacuum))).isEqualTo(rules);
    }

    private static List<Run> runs(Path dir) throws IOException, URISyntaxException {
        List<Run> runs = new ArrayList<>();
        Path corpus = Path.of(RuleDispatchTest.class.getResource("/corpus/_schema.sql").toURI()).getParent();
        MigrationScript schema = MigrationScript.of("V0__schema.sql", Files.readString(corpus.resolve("_schema.sql")));
        List<Path> cases;
        try (Stream<Path> walk = Files.walk(corpus)) {
            cases = walk.filter(p -> p.toString().endsWith(".sql") && !p.getFileName().toString().startsWith("_")).sorted().toList();
        }
        // each case on its own after the base schema, as CorpusTest runs it, with and without Flyway's transaction
        for (Path file : cases) {
            for (Boolean transactional : new Boolean[] {null, false}) {
                runs.add(new Run(LintConfig.defaults(), List.of(schema, new MigrationScript("V1__" + file.getFileName(),
                        Files.readString(file, StandardCharsets.UTF_8), transactional))));
            }
        }
        // under the other settings, all cases in one history (each a later version): fewer runs, more schema state
        for (LintConfig config : CONFIGS.subList(1, CONFIGS.size())) {
            List<MigrationScript> history = new ArrayList<>(List.of(schema));
            for (int i = 0; i < cases.size(); i++) {
                history.add(MigrationScript.of("V" + (i + 1) + "__" + cases.get(i).getFileName(),
                        Files.readString(cases.get(i), StandardCharsets.UTF_8)));
            }
            runs.add(new Run(config, history));
        }
        for (Disguise d : Catalogue.all()) {
            List<MigrationScript> scripts = new ArrayList<>();
            d.files().forEach((name, content) -> scripts.add(MigrationScript.of(name, content)));
            runs.add(new Run(LintConfig.builder().placeholders(d.placeholders()).build(), scripts));
        }
        LintBenchmark.CorpusGenerator.write(dir, 40);
        List<MigrationScript> bench = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                bench.add(MigrationScript.of(f.getFileName().toString(), Files.readString(f)));
            }
        }
        runs.add(new Run(LintConfig.defaults(), bench));
        return runs;
    }

    /** A rule that, for a statement outside its handled types, records any report or script state it asks for. */
    private static final class Audited implements Rule {
        private final Rule rule;
        private final List<String> violations;
        private final Set<String> ruled;

        Audited(Rule rule, List<String> violations, Set<String> ruled) {
            this.rule = rule;
            this.violations = violations;
            this.ruled = ruled;
        }

        @Override
        public RuleInfo info() {
            return rule.info();
        }

        @Override
        public Set<Class<? extends Operation>> handles() {
            return rule.handles();
        }

        @Override
        public void check(StatementContext ctx) {
            boolean handled = ctx.statement().operations().stream()
                    .anyMatch(op -> rule.handles().stream().anyMatch(t -> t.isInstance(op)));
            rule.check(handled ? new Watched(ctx, () -> ruled.add(rule.info().id())) : new Watched(ctx, () -> violations.add(
                    rule.info().id() + " on " + ctx.statement().source().sql() + " " + ctx.statement().operations())));
        }
    }

    /** The engine's context, telling {@code acted} when the rule reports or asks for its script state. */
    private static final class Watched implements StatementContext {
        private final StatementContext ctx;
        private final Runnable acted;

        Watched(StatementContext ctx, Runnable acted) {
            this.ctx = ctx;
            this.acted = acted;
        }

        @Override
        public AnalyzedStatement statement() {
            return ctx.statement();
        }

        @Override
        public List<AnalyzedStatement> script() {
            return ctx.script();
        }

        @Override
        public int index() {
            return ctx.index();
        }

        @Override
        public CatalogView catalog() {
            return ctx.catalog();
        }

        @Override
        public boolean createdInThisMigration(TableRef table) {
            return ctx.createdInThisMigration(table);
        }

        @Override
        public TableRef liveName(TableRef table) {
            return ctx.liveName(table);
        }

        @Override
        public int pgMajor() {
            return ctx.pgMajor();
        }

        @Override
        public boolean transactional() {
            return ctx.transactional();
        }

        @Override
        public boolean lockTimeoutActive() {
            return ctx.lockTimeoutActive();
        }

        @Override
        public LintConfig config() {
            return ctx.config();
        }

        @Override
        public <S> S scriptState(Supplier<S> initial) {
            acted.run();
            return ctx.scriptState(initial);
        }

        @Override
        public void report(TableRef table, String message, String safeAlternative) {
            acted.run();
            ctx.report(table, message, safeAlternative);
        }

        @Override
        public void reportInfo(TableRef table, String message, String safeAlternative) {
            acted.run();
            ctx.reportInfo(table, message, safeAlternative);
        }
    }
}
