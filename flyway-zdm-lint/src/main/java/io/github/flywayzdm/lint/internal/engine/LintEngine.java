package io.github.flywayzdm.lint.internal.engine;

import io.github.flywayzdm.lint.Finding;
import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.LintReport;
import io.github.flywayzdm.lint.MigrationScript;
import io.github.flywayzdm.lint.PlannedScript;
import io.github.flywayzdm.lint.internal.catalog.SchemaCatalog;
import io.github.flywayzdm.lint.internal.model.AnalyzedStatement;
import io.github.flywayzdm.lint.internal.model.Operation;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The pipeline: order scripts as Flyway does, split, substitute placeholders, analyze, replay into the schema
 * catalog, run the rules on the scripts to lint, apply suppressions. Stateless between runs; thread-safe.
 */
public final class LintEngine {

    private final LintConfig config;
    private final RuleDispatch rules;
    private final StatementAnalyzer analyzer = new StatementAnalyzer();
    private final Placeholders placeholders;
    private final List<PathMatcher> excludes;

    public LintEngine(LintConfig config, List<Rule> rules) {
        this(config, rules, true);
    }

    /** @param byOperation false asks every rule about every statement: the reference the dispatch is tested against */
    LintEngine(LintConfig config, List<Rule> rules, boolean byOperation) {
        this.config = config;
        this.rules = new RuleDispatch(rules.stream().filter(r -> config.severityOf(r.info()).isPresent()).toList(), byOperation);
        this.placeholders = Placeholders.of(config.placeholders(), config.placeholderPrefix(), config.placeholderSuffix());
        this.excludes = config.excludes().stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    }

    public LintReport run(List<MigrationScript> scripts, Predicate<MigrationScript> target) {
        return run(scripts, target, f -> { });
    }

    /** {@link #run(List, Predicate)}, handing each linted script's findings to {@code eachScript} as soon as it is judged. */
    public LintReport run(List<MigrationScript> scripts, Predicate<MigrationScript> target, Consumer<List<Finding>> eachScript) {
        long started = System.nanoTime();
        SchemaCatalog catalog = new SchemaCatalog();
        List<Finding> findings = new ArrayList<>();
        int[] counts = new int[3];
        List<MigrationScript> ordered = FlywayNames.order(scripts);
        Prepared prepared = new Prepared(ordered);
        try {
            lintInOrder(ordered, prepared, target, catalog, findings, counts, eachScript);
        } finally {
            prepared.stop();
        }
        return new LintReport(findings, counts[0], counts[1], counts[2], config.failOn(), Duration.ofNanos(System.nanoTime() - started));
    }

    /** counts: files, statements, unparsed statements of the scripts linted. */
    private void lintInOrder(List<MigrationScript> ordered, Prepared prepared, Predicate<MigrationScript> target,
                             SchemaCatalog catalog, List<Finding> findings, int[] counts,
                             Consumer<List<Finding>> eachScript) {
        for (int i = 0; i < ordered.size(); i++) {
            MigrationScript script = ordered.get(i);
            Analyzed a = prepared.take(i);
            SplitResult split = a.split();
            List<AnalyzedStatement> analyzed = a.statements();
            ScriptCheck check = new ScriptCheck(config, rules, script, split, analyzed, catalog, analyzer);
            if (target.test(script) && !excluded(script) && aboveBaseline(script)) {
                counts[0]++;
                counts[1] += analyzed.size();
                for (AnalyzedStatement statement : analyzed) {
                    counts[2] += statement.unparsed() ? 1 : 0;
                }
                List<Finding> found = check.lint();
                findings.addAll(found);
                eachScript.accept(found);
            } else {
                check.replayOnly();
            }
        }
    }

    /** One script split and analyzed, ready to be read ({@link #reading}) and linted ({@link #lintOne}) without redoing it. */
    public record Read(MigrationScript script, SplitResult split, List<AnalyzedStatement> analyzed) {
    }

    public Read read(MigrationScript script) {
        SplitResult split = split(script);
        return new Read(script, split, analyze(split.statements()));
    }

    public io.github.flywayzdm.lint.ScriptAnalysis reading(Read read) {
        return ScriptReading.of(read.script(), read.split(), read.analyzed());
    }

    /** Lints one script against the schema {@code catalog} holds, then adds the script to it. */
    public LintReport lintOne(SchemaCatalog catalog, MigrationScript script) {
        return lintOne(catalog, read(script));
    }

    /** {@link #lintOne(SchemaCatalog, MigrationScript)} of a script already read. */
    public LintReport lintOne(SchemaCatalog catalog, Read read) {
        long started = System.nanoTime();
        MigrationScript script = read.script();
        SplitResult split = read.split();
        List<AnalyzedStatement> analyzed = read.analyzed();
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
        return reading(read(script));
    }

    /** The scripts in Flyway's order, each with Flyway's transaction decision and its substituted statements. */
    public List<PlannedScript> plan(List<MigrationScript> scripts) {
        List<PlannedScript> plan = new ArrayList<>();
        for (MigrationScript script : FlywayNames.order(scripts)) {
            List<AnalyzedStatement> analyzed = analyze(split(script).statements());
            List<List<String>> relations = ScriptReading.relations(analyzed);
            List<PlannedScript.Statement> statements = new ArrayList<>(analyzed.size());
            for (int i = 0; i < analyzed.size(); i++) {
                AnalyzedStatement a = analyzed.get(i);
                statements.add(new PlannedScript.Statement(a.sql(), a.source().line(), a.source().endLine(), relations.get(i)));
            }
            plan.add(new PlannedScript(script, FlywayTransactions.runsInTransaction(script, analyzed), statements));
        }
        return plan;
    }

    /** Placeholders are substituted and byte-order marks dropped before splitting, as Flyway does. */
    private SplitResult split(MigrationScript script) {
        return StatementSplitter.split(ExecutedText.of(script.content(), placeholders));
    }

    private record Analyzed(SplitResult split, List<AnalyzedStatement> statements) {
    }

    /**
     * Splitting and analyzing a script needs nothing of the scripts before it, so with many scripts other cores do it
     * ahead of the replay, which must go in order. Whoever reaches a script first analyzes it: helper threads take
     * the next one in order, and the replay analyzes its next script itself rather than wait for it.
     */
    private final class Prepared {
        /** Fewer scripts are analyzed on the calling thread alone: a thread costs more than it saves. */
        private static final int MIN_SCRIPTS_PER_THREAD = 16;

        private final List<MigrationScript> scripts;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicReferenceArray<CompletableFuture<Analyzed>> slots;

        Prepared(List<MigrationScript> scripts) {
            this.scripts = scripts;
            this.slots = new AtomicReferenceArray<>(scripts.size());
            for (int i = 0; i < scripts.size(); i++) {
                slots.set(i, new CompletableFuture<>());
            }
            int helpers = Math.min(Runtime.getRuntime().availableProcessors() - 1, scripts.size() / MIN_SCRIPTS_PER_THREAD - 1);
            for (int t = 0; t < helpers; t++) {
                Thread helper = new Thread(this::work, "zdm-lint-analyze-" + t);
                helper.setDaemon(true);
                try {
                    helper.start();
                } catch (OutOfMemoryError e) {
                    break; // no thread to spare: the replay analyzes the rest itself
                }
            }
        }

        private void work() {
            int i;
            while ((i = next.getAndIncrement()) < scripts.size()) {
                compute(i);
            }
        }

        private void compute(int i) {
            CompletableFuture<Analyzed> slot = slots.get(i);
            try {
                SplitResult split = split(scripts.get(i));
                slot.complete(new Analyzed(split, analyze(split.statements())));
            } catch (RuntimeException | Error e) {
                slot.completeExceptionally(e);
            }
        }

        /** Helpers take no further script (the replay failed). */
        void stop() {
            next.set(scripts.size());
        }

        /** Script {@code i}'s analysis, computed here if no helper has taken it yet; forgotten once taken. */
        Analyzed take(int i) {
            while (next.get() <= i) {
                int j = next.getAndIncrement();
                if (j < scripts.size()) {
                    compute(j);
                }
            }
            try {
                Analyzed analyzed = slots.get(i).join();
                slots.set(i, null); // only once complete: whoever computed it has read the slot already
                return analyzed;
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        }
    }

    /** Distinct operation lists remembered per script for {@link #analyze}; beyond this the memory is started afresh. */
    private static final int SHARED_OPERATIONS = 4096;
    /**
     * Scripts this long share equal operation lists; shorter ones gain nothing worth a record's first equals/hashCode
     * call (linked through invokedynamic, a cost a short CLI call feels).
     */
    private static final int SHARE_FROM_STATEMENTS = 1000;

    /** Not a view (its sources are computed when first read, which hashing would force) nor a function (its body may be huge). */
    private static boolean shareable(List<Operation> ops) {
        for (Operation op : ops) {
            if (op instanceof Operation.CreateView || op instanceof Operation.CreateFunction) {
                return false;
            }
        }
        return true;
    }

    /**
     * Each statement analyzed; equal operation lists (a thousand {@code INSERT INTO orders ...}) are kept once, since a
     * script's analyzed statements stay in memory until its rules have all run.
     */
    private List<AnalyzedStatement> analyze(List<SqlStatement> statements) {
        List<AnalyzedStatement> out = new ArrayList<>(statements.size());
        java.util.Map<List<Operation>, List<Operation>> shared = new java.util.HashMap<>();
        boolean share = statements.size() >= SHARE_FROM_STATEMENTS;
        for (SqlStatement s : statements) {
            String sql = s.executed();
            Analysis a;
            try {
                a = analyzer.analyze(sql, s.standardConformingStrings());
            } catch (RuntimeException | StackOverflowError e) {
                // a reader bug on hostile input is a finding on this statement, never the end of the run
                a = new Analysis(List.of(new Operation.Unparsed(
                        "the analyzer failed on this statement (" + e.getClass().getSimpleName() + ")")),
                        AnalyzedStatement.Via.NONE);
            }
            List<Operation> ops = List.copyOf(a.operations());
            if (share && shareable(ops)) {
                if (shared.size() >= SHARED_OPERATIONS) {
                    shared.clear();
                }
                List<Operation> known = shared.putIfAbsent(ops, ops);
                ops = known != null ? known : ops;
            }
            out.add(new AnalyzedStatement(s, ops, a.via()));
        }
        return out;
    }

    private boolean excluded(MigrationScript script) {
        if (excludes.isEmpty()) {
            return false;
        }
        Path path = Path.of(script.path().replace('\\', '/'));
        for (PathMatcher m : excludes) {
            if (m.matches(path) || m.matches(path.getFileName())) {
                return true;
            }
        }
        return false;
    }

    private boolean aboveBaseline(MigrationScript script) {
        Optional<String> baseline = config.baselineVersion();
        if (baseline.isEmpty()) {
            return true;
        }
        Optional<String> version = FlywayNames.version(script);
        return version.isEmpty() || FlywayNames.compareVersions(version.get(), baseline.get()) > 0;
    }
}
