package io.github.flywayzdm.lint.internal.engine;

import io.github.flywayzdm.lint.Finding;
import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.LintReport;
import io.github.flywayzdm.lint.MigrationScript;
import io.github.flywayzdm.lint.PlannedScript;
import io.github.flywayzdm.lint.internal.catalog.SchemaCatalog;
import io.github.flywayzdm.lint.internal.model.AnalyzedStatement;
import io.github.flywayzdm.lint.internal.parse.Analysis;
import io.github.flywayzdm.lint.internal.parse.StatementAnalyzer;
import io.github.flywayzdm.lint.internal.rules.Rule;
import io.github.flywayzdm.lint.internal.split.ExecutedText;
import io.github.flywayzdm.lint.internal.split.Placeholders;
import io.github.flywayzdm.lint.internal.split.SplitResult;
import io.github.flywayzdm.lint.internal.split.SqlStatement;
import io.github.flywayzdm.lint.internal.split.StatementSplitter;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The pipeline: order scripts as Flyway does, split, substitute placeholders, analyze, replay into the schema
 * catalog, run the rules on the scripts to lint, apply suppressions. Stateless between runs; thread-safe.
 */
public final class LintEngine {

    private final LintConfig config;
    private final List<Rule> rules;
    private final StatementAnalyzer analyzer = new StatementAnalyzer();
    private final Placeholders placeholders;
    private final List<PathMatcher> excludes;

    public LintEngine(LintConfig config, List<Rule> rules) {
        this.config = config;
        this.rules = rules.stream().filter(r -> config.severityOf(r.info()).isPresent()).toList();
        this.placeholders = Placeholders.of(config.placeholders(), config.placeholderPrefix(), config.placeholderSuffix());
        this.excludes = config.excludes().stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    }

    public LintReport run(List<MigrationScript> scripts, Predicate<MigrationScript> target) {
        long started = System.nanoTime();
        SchemaCatalog catalog = new SchemaCatalog();
        List<Finding> findings = new ArrayList<>();
        int files = 0;
        int statements = 0;
        int unparsed = 0;
        for (MigrationScript script : FlywayNames.order(scripts)) {
            SplitResult split = split(script);
            List<AnalyzedStatement> analyzed = analyze(split.statements());
            ScriptCheck check = new ScriptCheck(config, rules, script, split, analyzed, catalog, analyzer);
            if (target.test(script) && !excluded(script) && aboveBaseline(script)) {
                files++;
                statements += analyzed.size();
                unparsed += (int) analyzed.stream().filter(AnalyzedStatement::unparsed).count();
                findings.addAll(check.lint());
            } else {
                check.replayOnly();
            }
        }
        return new LintReport(findings, files, statements, unparsed, config.failOn(), Duration.ofNanos(System.nanoTime() - started));
    }

    /** Lints one script against the schema {@code catalog} holds, then adds the script to it. */
    public LintReport lintOne(SchemaCatalog catalog, MigrationScript script) {
        long started = System.nanoTime();
        SplitResult split = split(script);
        List<AnalyzedStatement> analyzed = analyze(split.statements());
        List<Finding> findings = new ScriptCheck(config, rules, script, split, analyzed, catalog, analyzer).lint();
        int unparsed = (int) analyzed.stream().filter(AnalyzedStatement::unparsed).count();
        return new LintReport(findings, 1, analyzed.size(), unparsed, config.failOn(), Duration.ofNanos(System.nanoTime() - started));
    }

    /** Adds a script to the schema {@code catalog} holds, without linting it. */
    public void replay(SchemaCatalog catalog, MigrationScript script) {
        SplitResult split = split(script);
        new ScriptCheck(config, rules, script, split, analyze(split.statements()), catalog, analyzer).replayOnly();
    }

    /** The one reading of one script: its statements, operations, relations, transaction and zdm: directives. */
    public io.github.flywayzdm.lint.ScriptAnalysis analyze(MigrationScript script) {
        SplitResult split = split(script);
        return ScriptReading.of(script, split, analyze(split.statements()));
    }

    /** The scripts in Flyway's order, each with Flyway's transaction decision and its substituted statements. */
    public List<PlannedScript> plan(List<MigrationScript> scripts) {
        List<PlannedScript> plan = new ArrayList<>();
        for (MigrationScript script : FlywayNames.order(scripts)) {
            List<AnalyzedStatement> analyzed = analyze(split(script).statements());
            plan.add(new PlannedScript(script, FlywayTransactions.runsInTransaction(script, analyzed), analyzed.stream()
                    .map(a -> new PlannedScript.Statement(a.sql(), a.source().line(), a.source().endLine())).toList()));
        }
        return plan;
    }

    /** Placeholders are substituted and byte-order marks dropped before splitting, as Flyway does. */
    private SplitResult split(MigrationScript script) {
        return StatementSplitter.split(ExecutedText.of(script.content(), placeholders));
    }

    private List<AnalyzedStatement> analyze(List<SqlStatement> statements) {
        List<AnalyzedStatement> out = new ArrayList<>(statements.size());
        for (SqlStatement s : statements) {
            String sql = s.executed();
            Analysis a;
            try {
                a = analyzer.analyze(sql, s.standardConformingStrings());
            } catch (RuntimeException | StackOverflowError e) {
                // a reader bug on hostile input is a finding on this statement, never the end of the run
                a = new Analysis(List.of(new io.github.flywayzdm.lint.internal.model.Operation.Unparsed(
                        "the analyzer failed on this statement (" + e.getClass().getSimpleName() + ")")),
                        io.github.flywayzdm.lint.internal.model.AnalyzedStatement.Via.NONE);
            }
            out.add(new AnalyzedStatement(s, sql, a.operations(), a.via()));
        }
        return out;
    }

    private boolean excluded(MigrationScript script) {
        Path path = Path.of(script.path().replace('\\', '/'));
        return excludes.stream().anyMatch(m -> m.matches(path) || m.matches(path.getFileName()));
    }

    private boolean aboveBaseline(MigrationScript script) {
        return config.baselineVersion()
                .map(baseline -> FlywayNames.version(script).map(v -> FlywayNames.compareVersions(v, baseline) > 0).orElse(true))
                .orElse(true);
    }
}
