package io.github.flywayzdm.cli;

import io.github.flywayzdm.testsupport.ServerIndependent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI conventions against a throwaway git repository with a safe and an unsafe migration: the GitHub Action's
 * script (ci/github-action.sh, what action.yml runs), the pre-commit hook (ci/pre-commit.sh, what
 * .pre-commit-hooks.yaml runs) and the GitLab CI template's script, each with the built distribution.
 */
@ServerIndependent
class ZdmCiIT {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final String SAFE = "SET lock_timeout = '2s';\nALTER TABLE orders ALTER COLUMN status SET NOT NULL;\n";
    private static final String UNSAFE = "SET lock_timeout = '2s';\nCREATE INDEX orders_status ON orders (status);\n";

    @TempDir
    Path dir;
    Path origin;

    /** main holds V1 (a table with a validated CHECK, so a later SET NOT NULL needs no scan); a branch adds V2. */
    @BeforeEach
    void origin() throws Exception {
        origin = dir.resolve("origin.git");
        Dist.git(dir, "init", "-q", "--bare", origin.toString());
        Path seed = dir.resolve("seed");
        Dist.git(dir, "clone", "-q", origin.toString(), seed.toString());
        Path db = Files.createDirectories(seed.resolve("db/migration"));
        Files.writeString(db.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, status text,"
                + " CONSTRAINT orders_status_nn CHECK (status IS NOT NULL));\n");
        Dist.git(seed, "checkout", "-q", "-b", "main");
        Dist.git(seed, "add", ".");
        Dist.git(seed, "commit", "-q", "-m", "orders");
        Dist.git(seed, "push", "-q", "origin", "main");
        for (String branch : List.of("safe", "unsafe")) {
            Dist.git(seed, "checkout", "-q", "-b", branch, "main");
            Files.writeString(db.resolve("V2__status.sql"), branch.equals("safe") ? SAFE : UNSAFE);
            Dist.git(seed, "add", ".");
            Dist.git(seed, "commit", "-q", "-m", branch);
            Dist.git(seed, "push", "-q", "origin", branch);
        }
    }

    /** As actions/checkout leaves it: one commit of the PR branch, no other branch. */
    private Path checkout(String branch) throws Exception {
        Path work = dir.resolve("work-" + branch);
        Dist.git(dir, "clone", "-q", "--depth", "1", "--branch", branch, "file://" + origin, work.toString());
        return work;
    }

    private Map<String, String> actionEnv(Path work) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_BASE_REF", "main");
        env.put("GITHUB_OUTPUT", work.resolve("github-output.txt").toString());
        env.put("RUNNER_TEMP", dir.resolve("runner-temp").toString());
        env.put("ZDM_DIST", Dist.archive().toString());
        env.put("ZDM_PATHS", "db/migration");
        env.put("ZDM_CDS", "off");
        return env;
    }

    @Test
    void theActionAnnotatesTheUnsafeMigrationOfThePullRequestAndWritesSarif() throws Exception {
        Path work = checkout("unsafe");
        Dist.Run r = Dist.run(work, actionEnv(work), "", "sh", REPO.resolve("ci/github-action.sh").toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("::error file=db/migration/V2__status.sql,line=2,col=1,")
                .contains("title=create-index-non-concurrent::").doesNotContain("V1__orders.sql");
        assertThat(r.err()).contains("zdm: 1 of 2 scripts changed since origin/main");
        String sarif = Files.readString(work.resolve("zdm.sarif"));
        assertThat(sarif).contains("\"version\": \"2.1.0\"").contains("create-index-non-concurrent")
                .contains("db/migration/V2__status.sql").doesNotContain("V1__orders.sql");
        assertThat(Files.readAllLines(work.resolve("github-output.txt"))).containsExactly("sarif=zdm.sarif", "exit-code=1");
    }

    @Test
    void theActionPassesASafePullRequestAndJudgesItAgainstTheBaseHistory() throws Exception {
        Path work = checkout("safe");
        Dist.Run r = Dist.run(work, actionEnv(work), "", "sh", REPO.resolve("ci/github-action.sh").toString());
        // SET NOT NULL is safe only because V1's validated CHECK is read: without the history it would be an error
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).doesNotContain("::error");
        assertThat(Files.readString(work.resolve("zdm.sarif"))).contains("\"version\": \"2.1.0\"").doesNotContain("\"ruleId\": \"set-not-null-scan\"");
        assertThat(Files.readAllLines(work.resolve("github-output.txt"))).containsExactly("sarif=zdm.sarif", "exit-code=0");

        Map<String, String> alone = actionEnv(work);
        alone.put("ZDM_PATHS", "db/migration/V2__status.sql");
        alone.put("ZDM_SARIF", "");
        alone.put("GITHUB_OUTPUT", work.resolve("alone.txt").toString());
        Dist.Run withoutHistory = Dist.run(work, alone, "", "sh", REPO.resolve("ci/github-action.sh").toString());
        assertThat(withoutHistory.exit()).isEqualTo(1);
        assertThat(withoutHistory.out()).contains("title=set-not-null-scan::");
        assertThat(Files.readAllLines(work.resolve("alone.txt"))).containsExactly("exit-code=1");
    }

    @Test
    void actionYmlRunsTheTestedScriptWithInputsItReads() throws Exception {
        String action = Files.readString(REPO.resolve("action.yml"));
        String script = Files.readString(REPO.resolve("ci/github-action.sh")) + Files.readString(REPO.resolve("ci/install-zdm.sh"))
                + Files.readString(REPO.resolve("flyway-zdm-cli/src/dist/bin/zdm"));
        assertThat(action).contains("using: composite").contains("$GITHUB_ACTION_PATH/ci/github-action.sh")
                .contains("github/codeql-action/upload-sarif@");
        Matcher env = Pattern.compile("(?m)^\\s+(ZDM_[A-Z_]+):").matcher(action);
        int count = 0;
        while (env.find()) {
            count++;
            assertThat(script).as(env.group(1) + " is read by the scripts or the launcher").contains("${" + env.group(1));
        }
        assertThat(count).isGreaterThanOrEqualTo(6);
    }

    /** The pre-commit hook with the staged file as pre-commit passes it, and zdm found on PATH. */
    @Test
    void thePreCommitHookLintsTheStagedMigrationAgainstItsDirectory() throws Exception {
        String hooks = Files.readString(REPO.resolve(".pre-commit-hooks.yaml"));
        Matcher entry = Pattern.compile("(?m)^\\s+entry: (\\S+)").matcher(hooks);
        assertThat(entry.find()).isTrue();
        Path hook = REPO.resolve(entry.group(1));
        assertThat(Files.isExecutable(hook)).as(hook + " is executable (language: script)").isTrue();

        Path work = dir.resolve("local");
        Dist.git(dir, "clone", "-q", "--branch", "main", origin.toString(), work.toString());
        Map<String, String> env = new HashMap<>();
        env.put("PATH", Dist.home().resolve("bin") + ":" + System.getenv("PATH"));
        env.put("ZDM_CACHE_DIR", dir.resolve("cache").toString());

        Files.writeString(work.resolve("db/migration/V2__status.sql"), UNSAFE);
        Dist.git(work, "add", "db/migration/V2__status.sql");
        Dist.Run unsafe = Dist.run(work, env, "", hook.toString(), "--pg-version", "16", "db/migration/V2__status.sql");
        assertThat(unsafe.exit()).as(unsafe.err()).isEqualTo(1);
        assertThat(unsafe.out()).contains("db/migration/V2__status.sql:2:1: error[create-index-non-concurrent]")
                .contains("1 file, 2 statements: 1 error");

        Files.writeString(work.resolve("db/migration/V2__status.sql"), SAFE);
        Dist.git(work, "add", "db/migration/V2__status.sql");
        Dist.Run safe = Dist.run(work, env, "", hook.toString(), "db/migration/V2__status.sql");
        assertThat(safe.exit()).as(safe.out() + safe.err()).isZero();
        assertThat(safe.out()).contains("1 file, 2 statements: 0 errors");

        // staged files in a directory and one below it: the history is read once
        Path sub = Files.createDirectories(work.resolve("db/migration/more"));
        Files.writeString(sub.resolve("V3__more.sql"), "SET lock_timeout = '2s';\nALTER TABLE orders ADD COLUMN note text;\n");
        Dist.git(work, "add", ".");
        Dist.Run nested = Dist.run(work, env, "", hook.toString(), "db/migration/V2__status.sql", "db/migration/more/V3__more.sql");
        assertThat(nested.exit()).as(nested.out() + nested.err()).isZero();
        assertThat(nested.out()).contains("2 files, 4 statements: 0 errors");

        Dist.Run located = Dist.run(work, env, "", hook.toString(), "--location", "db", "db/migration/V2__status.sql");
        assertThat(located.exit()).as(located.out() + located.err()).isZero();
        Dist.Run nothingStaged = Dist.run(work, env, "", hook.toString());
        assertThat(nothingStaged.exit()).isZero();
        Map<String, String> noZdm = new HashMap<>(env);
        noZdm.put("PATH", "/usr/bin:/bin");
        Dist.Run missing = Dist.run(work, noZdm, "", hook.toString(), "db/migration/V2__status.sql");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).startsWith("zdm: not found").hasLineCount(1);
    }

    /** The template's script, cut out of the YAML and run as the job would, on a merge request of the unsafe branch. */
    @Test
    void theGitLabTemplateWritesCodeQualityAndJunitReports() throws Exception {
        String yaml = Files.readString(REPO.resolve("ci/gitlab/zdm.gitlab-ci.yml"));
        Matcher block = Pattern.compile("(?s)  script:\\n    - \\|\\n(.*?)\\n  artifacts:").matcher(yaml);
        assertThat(block.find()).isTrue();
        String script = block.group(1).replaceAll("(?m)^      ", "");
        assertThat(yaml).contains("codequality: gl-code-quality-report.json").contains("junit: zdm-junit.xml");

        Path work = checkout("unsafe");
        Path job = work.resolve(".job.sh");
        Files.writeString(job, script);
        Map<String, String> env = new HashMap<>();
        env.put("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main");
        env.put("ZDM_DIST", Dist.archive().toString());
        env.put("ZDM_PATHS", "db/migration");
        env.put("ZDM_ARGS", "--pg-version 16");
        env.put("ZDM_CDS", "off");
        // the template unpacks into /tmp/zdm; a job container is fresh, this machine is not
        env.put("ZDM_INSTALL_DIR", dir.resolve("install").toString());
        Dist.git(work, "fetch", "-q", "--unshallow");
        Dist.Run r = Dist.run(work, env, "", "sh", job.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("db/migration/V2__status.sql:2:1: error[create-index-non-concurrent]");
        assertThat(Files.readString(work.resolve("gl-code-quality-report.json"))).contains("\"check_name\": \"create-index-non-concurrent\"")
                .contains("\"path\": \"db/migration/V2__status.sql\"");
        assertThat(Files.readString(work.resolve("zdm-junit.xml"))).contains("<testsuite").contains("create-index-non-concurrent");
    }
}
