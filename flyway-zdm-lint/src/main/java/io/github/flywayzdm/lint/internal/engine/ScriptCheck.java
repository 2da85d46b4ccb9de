package io.github.flywayzdm.lint.internal.engine;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Finding;
import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.MigrationScript;
import io.github.flywayzdm.lint.RuleInfo;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.catalog.CatalogView;
import io.github.flywayzdm.lint.internal.catalog.SchemaCatalog;
import io.github.flywayzdm.lint.internal.model.AnalyzedStatement;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.model.TableRef;
import io.github.flywayzdm.lint.internal.rules.Rule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;
import io.github.flywayzdm.lint.internal.split.SplitProblem;
import io.github.flywayzdm.lint.internal.split.SplitResult;
import io.github.flywayzdm.lint.internal.split.SqlStatement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/** Lints (or only replays) one script against the catalog built by the scripts before it. */
final class ScriptCheck {

    private final LintConfig config;
    private final RuleDispatch rules;
    private final MigrationScript script;
    private final SplitResult split;
    private final List<AnalyzedStatement> statements;
    private final SchemaCatalog catalog;
    private final boolean transactional;
    private final io.github.flywayzdm.lint.internal.catalog.Relations createdHere = new io.github.flywayzdm.lint.internal.catalog.Relations();
    private final java.util.Map<Rule, Object> ruleState = new java.util.HashMap<>();

    private final io.github.flywayzdm.lint.internal.parse.StatementAnalyzer analyzer;

    ScriptCheck(LintConfig config, RuleDispatch rules, MigrationScript script, SplitResult split,
                List<AnalyzedStatement> statements, SchemaCatalog catalog,
                io.github.flywayzdm.lint.internal.parse.StatementAnalyzer analyzer) {
        this.analyzer = analyzer;
        this.config = config;
        this.rules = rules;
        this.script = script;
        this.split = split;
        this.statements = statements;
        this.catalog = catalog;
        this.transactional = FlywayTransactions.runsInTransaction(script, statements);
    }

    void replayOnly() {
        statements.forEach(s -> withCalls(s).operations().forEach(op -> catalog.apply(op, script.path())));
    }

    /**
     * A statement that calls a function an earlier statement or migration created (SELECT f(), CALL p(), PERFORM f()
     * in a DO block) runs that function's body: its operations are added to the statement's.
     */
    private AnalyzedStatement withCalls(AnalyzedStatement statement) {
        if (!catalog.knowsFunctions() || statement.operations().stream().noneMatch(ScriptCheck::mayCall)) {
            return statement;
        }
        List<Operation> extra = new ArrayList<>();
        for (String name : io.github.flywayzdm.lint.internal.parse.StatementAnalyzer.calledFunctions(statement.sql())) {
            catalog.function(name).ifPresent(f -> extra.addAll(analyzer.functionBody(f)));
        }
        if (extra.isEmpty()) {
            return statement;
        }
        List<Operation> ops = new ArrayList<>(statement.operations());
        ops.addAll(extra);
        return new AnalyzedStatement(statement.source(), ops, statement.via());
    }

    private static boolean mayCall(Operation op) {
        return op instanceof Operation.Other o && (o.kind().equals("SELECT") || o.kind().equals("CALL") || o.kind().equals("DO")
                || o.kind().equals("WITH") || o.kind().equals("VALUES"))
                || op instanceof Operation.Insert || op instanceof Operation.Update || op instanceof Operation.Delete;
    }

    List<Finding> lint() {
        List<Finding> raw = new ArrayList<>();
        TransactionState tx = new TransactionState(transactional, config.lockTimeoutByRunner());
        for (int i = 0; i < statements.size(); i++) {
            AnalyzedStatement statement = withCalls(statements.get(i));
            List<Operation> ops = statement.operations();
            int before = raw.size();
            check(statement, i, tx, raw);
            if (ops.size() <= 1) {
                ops.forEach(op -> apply(op, tx));
                continue;
            }
            // several actions (ALTER TABLE a, b; a DO body): the rules whose verdict depends on schema state see each
            // later action again, on the state the earlier ones left (DROP CONSTRAINT c, ALTER COLUMN x SET NOT NULL)
            java.util.Set<String> seen = new java.util.HashSet<>();
            raw.subList(before, raw.size()).forEach(f -> seen.add(f.ruleId() + "\u0000" + f.message()));
            List<Finding> own = new ArrayList<>();
            for (int k = 0; k < ops.size(); k++) {
                if (k > 0) {
                    check(new AnalyzedStatement(statement.source(), List.of(ops.get(k)), statement.via()),
                            i, tx, own, STATE_DEPENDENT);
                }
                apply(ops.get(k), tx);
            }
            for (Finding f : own) {
                if (seen.add(f.ruleId() + "\u0000" + f.message())) {
                    raw.add(f);
                }
            }
        }
        if (statements.isEmpty() && split.problems().isEmpty()
                && !io.github.flywayzdm.lint.internal.rules.tool.ToolRules.deliberatelyEmpty(split.comments())) {
            toolFinding(raw, "empty-migration", 1, 1, "The script has no SQL statement (only blanks or comments)");
        }
        for (SplitProblem p : split.problems()) {
            toolFinding(raw, "split-problem", p.line(), p.column(), "Unterminated construct: " + p.message());
        }
        List<Finding> result = new Suppressions(config, script.path(), split, statements).apply(raw);
        result.sort(BY_POSITION);
        return result;
    }

    /**
     * Line, column, rule id: a class of its own, where a chain of Comparator lambdas is linked, and their proxies
     * spun, in every CLI call.
     */
    private static final Comparator<Finding> BY_POSITION = new Comparator<>() {
        @Override
        public int compare(Finding a, Finding b) {
            int c = Integer.compare(a.line(), b.line());
            if (c == 0) {
                c = Integer.compare(a.column(), b.column());
            }
            return c != 0 ? c : a.ruleId().compareTo(b.ruleId());
        }
    };

    /**
     * Rules judging one operation on schema state (NOT NULL, validated CHECKs) that earlier actions of the same
     * statement may change. Statement-level rules (several actions, statements after a lock) judge the statement whole
     * and are not re-run per action.
     */
    private static final java.util.Set<String> STATE_DEPENDENT = java.util.Set.of("set-not-null-scan", "primary-key-using-index-nullable");

    private void check(AnalyzedStatement statement, int index, TransactionState tx, List<Finding> sink) {
        check(statement, index, tx, sink, null);
    }

    /** @param only the rule ids to run, or null for every rule */
    private void check(AnalyzedStatement statement, int index, TransactionState tx, List<Finding> sink, java.util.Set<String> only) {
        for (Rule rule : rules.rulesFor(statement.operations())) {
            if (only != null && !only.contains(rule.info().id())) {
                continue;
            }
            Context ctx = new Context(rule, statement, index, tx.lockTimeoutActive(), sink);
            try {
                rule.check(ctx);
            } catch (RuntimeException e) {
                ctx.report(null, "internal error in rule " + rule.info().id() + ": " + e, null);
            }
        }
    }

    private void apply(Operation op, TransactionState tx) {
        tx.apply(op);
        createdHere.apply(op);
        catalog.apply(op, script.path());
    }

    /** Adds a finding of a rule the engine reports itself, unless the configuration disabled that rule. */
    private void toolFinding(List<Finding> sink, String ruleId, int line, int column, String message) {
        RuleInfo info = RuleCatalogue.info(ruleId).orElseThrow();
        config.severityOf(info).ifPresent(severity -> sink.add(
                new Finding(ruleId, severity, script.path(), line, column, "", message, info.why(), info.safeAlternative(), null)));
    }

    /** The regex {@code \R} (any line end), compiled once: {@code String.split} compiles it on every call. */
    private static final java.util.regex.Pattern LINE_END = java.util.regex.Pattern.compile("\\R");

    /** Shortens a statement for reports: at most 5 lines and 300 characters. */
    static String excerpt(String sql) {
        String[] lines = LINE_END.split(sql, 7);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(5, lines.length); i++) {
            b.append(i == 0 ? "" : "\n").append(lines[i]);
        }
        boolean cut = lines.length > 5;
        if (b.length() > 300) {
            b.setLength(300);
            cut = true;
        }
        return cut ? b.append(" …").toString() : b.toString();
    }

    private final class Context implements StatementContext {
        private final Rule rule;
        private final AnalyzedStatement statement;
        private final int index;
        private final boolean lockTimeoutActive;
        private final List<Finding> sink;

        Context(Rule rule, AnalyzedStatement statement, int index, boolean lockTimeoutActive, List<Finding> sink) {
            this.rule = rule;
            this.statement = statement;
            this.index = index;
            this.lockTimeoutActive = lockTimeoutActive;
            this.sink = sink;
        }

        @Override
        public AnalyzedStatement statement() {
            return statement;
        }

        @Override
        public List<AnalyzedStatement> script() {
            return statements;
        }

        @Override
        public int index() {
            return index;
        }

        @Override
        public CatalogView catalog() {
            return catalog;
        }

        @Override
        public boolean createdInThisMigration(TableRef table) {
            return createdHere.createdHere(table);
        }

        @Override
        public TableRef liveName(TableRef table) {
            return createdHere.liveName(table);
        }

        @Override
        public int pgMajor() {
            return config.pgMajor();
        }

        @Override
        public boolean transactional() {
            return transactional;
        }

        @Override
        public boolean lockTimeoutActive() {
            return lockTimeoutActive;
        }

        @Override
        public LintConfig config() {
            return config;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <S> S scriptState(java.util.function.Supplier<S> initial) {
            return (S) ruleState.computeIfAbsent(rule, r -> initial.get());
        }

        @Override
        public void report(TableRef table, String message, String safeAlternative) {
            report(table, message, safeAlternative, false);
        }

        @Override
        public void reportInfo(TableRef table, String message, String safeAlternative) {
            report(table, message, safeAlternative, true);
        }

        private void report(TableRef table, String message, String safeAlternative, boolean infoOnly) {
            RuleInfo info = rule.info();
            Severity severity = infoOnly ? Severity.INFO : config.severityOf(info).orElse(info.defaultSeverity());
            String text = message;
            if (table != null && info.category() == Category.LOCKING && config.smallTableRows() > 0) {
                TableRef live = liveName(table);
                OptionalLong rows = config.tableSizes().estimatedRows(live.schema(), live.name());
                if (rows.isPresent() && rows.getAsLong() <= config.smallTableRows()) {
                    severity = Severity.INFO;
                    text = message + " (table has ~" + rows.getAsLong() + " rows: below the size threshold of "
                            + config.smallTableRows() + ", allowed)";
                }
            }
            SqlStatement source = statement.source();
            sink.add(new Finding(info.id(), severity, script.path(), source.line(), source.column(), excerpt(source.sql()),
                    text, info.why(), safeAlternative != null ? safeAlternative : info.safeAlternative(), null));
        }
    }

}
