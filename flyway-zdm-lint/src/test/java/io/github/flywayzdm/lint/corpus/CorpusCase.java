package io.github.flywayzdm.lint.corpus;

import io.github.flywayzdm.lint.LintConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One labelled case: header directives ({@code -- pg: 12}, {@code -- transactional: false},
 * {@code -- lock-timeout-by-runner: false}) and {@code -- expect: rule-a, rule-b} marks on statement lines ({@code -- expect-line N: rule} for findings on comment lines).
 */
record CorpusCase(String sql, int pgMajor, Boolean transactional, boolean lockTimeoutByRunner,
                  boolean statementTimeoutByRunner, Set<String> expected, int statementCount) {

    private static final Pattern EXPECT = Pattern.compile("--\\s*expect:\\s*([a-z0-9, -]+)\\s*$");
    private static final Pattern EXPECT_LINE = Pattern.compile("^--\\s*expect-line\\s+(\\d+):\\s*([a-z0-9, -]+)\\s*$");
    private static final Pattern DIRECTIVE = Pattern.compile("^--\\s*(pg|transactional|lock-timeout-by-runner|statement-timeout-by-runner):\\s*(\\S+)\\s*$");

    static CorpusCase read(Path file) throws IOException {
        String sql = Files.readString(file);
        List<String> lines = sql.lines().toList();
        int pg = LintConfig.DEFAULT_PG_MAJOR;
        Boolean transactional = null;
        boolean runnerTimeout = true;
        boolean runnerStatementTimeout = true;
        Set<String> expected = new TreeSet<>();
        int statements = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher d = DIRECTIVE.matcher(line.trim());
            if (d.matches()) {
                switch (d.group(1)) {
                    case "pg" -> pg = Integer.parseInt(d.group(2));
                    case "transactional" -> transactional = Boolean.parseBoolean(d.group(2));
                    case "statement-timeout-by-runner" -> runnerStatementTimeout = Boolean.parseBoolean(d.group(2));
                    default -> runnerTimeout = Boolean.parseBoolean(d.group(2));
                }
            }
            Matcher at = EXPECT_LINE.matcher(line.trim());
            if (at.matches()) {
                for (String rule : at.group(2).split(",")) {
                    expected.add(rule.trim() + "@" + at.group(1));
                }
                continue;
            }
            Matcher m = EXPECT.matcher(line);
            if (m.find()) {
                for (String rule : m.group(1).split(",")) {
                    expected.add(rule.trim() + "@" + (i + 1));
                }
            }
            if (!line.trim().startsWith("--") && line.contains(";")) {
                statements++;
            }
        }
        return new CorpusCase(sql, pg, transactional, runnerTimeout, runnerStatementTimeout, expected, statements);
    }
}
