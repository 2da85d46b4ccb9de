package io.github.flywayzdm.lint.internal.engine;

import io.github.flywayzdm.lint.Durations;
import io.github.flywayzdm.lint.LintException;
import io.github.flywayzdm.lint.MigrationScript;
import io.github.flywayzdm.lint.ScriptAnalysis;
import io.github.flywayzdm.lint.internal.catalog.Relations;
import io.github.flywayzdm.lint.internal.model.AnalyzedStatement;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.model.TableRef;
import io.github.flywayzdm.lint.internal.split.SplitProblem;
import io.github.flywayzdm.lint.internal.split.SplitResult;
import io.github.flywayzdm.lint.internal.split.SqlComment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the engine's reading of one script into the public {@link ScriptAnalysis}. */
final class ScriptReading {

    /** {@code zdm:lock_timeout=5s} in a comment; the value is read by {@link Durations}, the one duration grammar. */
    private static final Pattern DIRECTIVE = Pattern.compile("zdm:(lock_timeout|statement_timeout)\\s*=\\s*([^\\r\\n]*)", Pattern.CASE_INSENSITIVE);

    private ScriptReading() {
    }

    static ScriptAnalysis of(MigrationScript script, SplitResult split, List<AnalyzedStatement> analyzed) {
        Relations relations = new Relations();
        // the same relation named by many statements is one string, not one per statement (a 50 MB script of INSERTs)
        java.util.Map<String, String> names = new java.util.HashMap<>();
        List<ScriptAnalysis.Statement> statements = new ArrayList<>(analyzed.size());
        for (AnalyzedStatement a : analyzed) {
            List<String> operations = new ArrayList<>();
            Set<String> touched = new LinkedHashSet<>();
            List<String> settings = new ArrayList<>();
            boolean concurrently = false;
            boolean nonTransactional = false;
            boolean refusedInTransaction = false;
            Set<String> changed = new LinkedHashSet<>();
            Set<String> indexes = new LinkedHashSet<>();
            boolean userCode = a.operations().isEmpty();
            boolean indexIfNotExists = false;
            for (Operation op : a.operations()) {
                userCode |= UserCode.mayRun(op);
                indexIfNotExists |= op instanceof Operation.CreateIndex ci && ci.ifNotExists();
                operations.add(op.getClass().getSimpleName());
                for (String name : touched(op, relations)) {
                    touched.add(names.computeIfAbsent(name, n -> n));
                }
                if (op instanceof Operation.SetSetting s) {
                    settings.add(s.name());
                }
                concurrently |= concurrently(op);
                nonTransactional |= FlywayTransactions.flywayDetectsNonTransactional(op);
                refusedInTransaction |= refusedInTransaction(op);
                changed(op).ifPresent(t -> changed.add(names.computeIfAbsent(t.sql(), n -> n)));
                index(op).ifPresent(indexes::add);
            }
            statements.add(new ScriptAnalysis.Statement(a.source().line(), a.source().column(), a.source().endLine(), a.sql(),
                    operations, List.copyOf(touched), concurrently, nonTransactional, settings, refusedInTransaction,
                    List.copyOf(changed), List.copyOf(indexes), userCode, indexIfNotExists));
        }
        Optional<Duration> lock = Optional.empty();
        Optional<Duration> statement = Optional.empty();
        for (SqlComment c : split.comments()) {
            Matcher m = DIRECTIVE.matcher(c.body());
            while (m.find()) {
                String raw = m.group(2).strip(); // the whole rest of the line: "1.5 seconds" must not read as 1.5 ms
                OptionalLong ms = Durations.millis(raw);
                String where = script.path() + ":" + c.line() + ": zdm:" + m.group(1).toLowerCase(Locale.ROOT);
                if (ms.isEmpty() || raw.isBlank()) {
                    throw new LintException(where + " value '" + raw
                            + "' is not a duration (write e.g. 5s, 1500ms, 1.5s, 2min; 0 switches it off)");
                }
                if (ms.getAsLong() > Durations.MAX_MILLIS) {
                    throw new LintException(where + " value '" + raw + "' is too long: PostgreSQL allows at most "
                            + Durations.MAX_MILLIS + "ms (about 24 days); use 0 for no timeout");
                }
                Optional<Duration> value = Optional.of(Duration.ofMillis(ms.getAsLong()));
                if (m.group(1).equalsIgnoreCase("lock_timeout")) {
                    lock = value;
                } else {
                    statement = value;
                }
            }
        }
        List<String> problems = split.problems().stream().map(SplitProblem::message).toList();
        return new ScriptAnalysis(script.path(), FlywayTransactions.runsInTransaction(script, analyzed),
                Optional.ofNullable(script.executeInTransaction()), statements, lock, statement, problems);
    }

    /**
     * Each statement's relations, schema-qualified as {@link Relations} resolves them at that point of the script
     * (search_path followed across SET / RESET / set_config, 63-byte truncation, ASCII-only folding), in SQL form.
     */
    static List<List<String>> relations(List<AnalyzedStatement> analyzed) {
        Relations relations = new Relations();
        List<List<String>> out = new ArrayList<>(analyzed.size());
        for (AnalyzedStatement a : analyzed) {
            Set<String> touched = new LinkedHashSet<>();
            for (Operation op : a.operations()) {
                touched.addAll(touched(op, relations));
            }
            out.add(List.copyOf(touched));
        }
        return out;
    }

    /**
     * The relations {@code op} names, resolved before it runs; then {@code op} is applied to {@code relations}. Besides
     * the relations it changes, the ones it also locks by naming them: a foreign key's target, a partition attached or
     * detached, the parent of {@code PARTITION OF}, the views and indexes it drops.
     */
    private static List<String> touched(Operation op, Relations relations) {
        List<TableRef> named = new ArrayList<>(op.tables());
        if (op instanceof Operation.AddConstraint c) {
            named.add(c.constraint().references());
        } else if (op instanceof Operation.AddColumn c) {
            named.add(c.column().references());
        } else if (op instanceof Operation.CreateTable t) {
            named.add(t.partitionOf());
            t.constraints().forEach(c -> named.add(c.references()));
            t.columns().forEach(c -> named.add(c.references()));
        } else if (op instanceof Operation.AttachPartition a) {
            named.add(a.partition());
        } else if (op instanceof Operation.DetachPartition d) {
            named.add(d.partition());
        } else if (op instanceof Operation.DropView v) {
            named.addAll(v.views());
        } else if (op instanceof Operation.DropIndex i) {
            named.addAll(i.indexes());
        }
        List<String> out = new ArrayList<>(named.size());
        for (TableRef t : named) {
            if (t != null) {
                out.add(relations.resolve(t).sql());
            }
        }
        relations.apply(op);
        return out;
    }

    /** What PostgreSQL refuses in a transaction block (SQLSTATE 25001). */
    private static boolean refusedInTransaction(Operation op) {
        return op instanceof Operation.CreateIndex i && i.concurrently()
                || op instanceof Operation.DropIndex d && d.concurrently()
                || op instanceof Operation.Reindex r && (r.concurrently() || r.kind().equals("DATABASE") || r.kind().equals("SYSTEM"))
                || op instanceof Operation.DetachPartition p && p.concurrently()
                || op instanceof Operation.Vacuum v && !v.analyzeOnly();
    }

    /** The relation whose rows or definition {@code op} changes: ALTER TABLE's actions, CREATE INDEX and DML. */
    private static Optional<TableRef> changed(Operation op) {
        if (op instanceof Operation.CreateTable || op instanceof Operation.CreateView
                || op instanceof Operation.RefreshMaterializedView || op instanceof Operation.RenameTable) {
            return Optional.empty();
        }
        if (op instanceof Operation.OnTable t) {
            return Optional.ofNullable(t.table());
        }
        if (op instanceof Operation.CreateIndex i) {
            return Optional.ofNullable(i.table());
        }
        return Optional.empty();
    }

    private static Optional<String> index(Operation op) {
        if (op instanceof Operation.CreateIndex i && i.name() != null && !i.name().isEmpty()) {
            return Optional.of(io.github.flywayzdm.lint.internal.model.Identifiers.quoteIfNeeded(i.name()));
        }
        if (op instanceof Operation.Reindex r && r.kind().equals("INDEX") && r.target() != null) {
            return Optional.of(r.target().sql());
        }
        return Optional.empty();
    }

    private static boolean concurrently(Operation op) {
        return op instanceof Operation.CreateIndex i && i.concurrently()
                || op instanceof Operation.DropIndex d && d.concurrently()
                || op instanceof Operation.Reindex r && r.concurrently()
                || op instanceof Operation.DetachPartition p && p.concurrently()
                || op instanceof Operation.RefreshMaterializedView v && v.concurrently();
    }
}
