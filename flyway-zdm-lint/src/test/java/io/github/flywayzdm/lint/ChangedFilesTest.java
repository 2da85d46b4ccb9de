package io.github.flywayzdm.lint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChangedFilesTest {

    @TempDir
    Path repo;

    private void git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString(), "-c", "user.name=t", "-c", "user.email=t@t",
                "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }

    private Path write(String name, String sql) throws Exception {
        Path file = repo.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, sql);
    }

    @Test
    void committedEditedAndUntrackedFilesSinceTheRefAreChanged() throws Exception {
        git("init", "-q", "-b", "main");
        Path v1 = write("db/V1__a.sql", "CREATE TABLE a (id int);");
        Path v2 = write("db/V2__b.sql", "CREATE TABLE b (id int);");
        git("add", ".");
        git("commit", "-q", "-m", "base");
        git("checkout", "-q", "-b", "feature");
        Path v3 = write("db/V3__c.sql", "CREATE INDEX c ON a (id);");
        git("add", ".");
        git("commit", "-q", "-m", "feature");
        Files.writeString(v2, "CREATE TABLE b (id bigint);");
        Path v4 = write("db/V4__d.sql", "ALTER TABLE a DROP COLUMN id;");

        ChangedFiles changed = ChangedFiles.since("main", repo.resolve("db"));

        assertThat(changed.contains(v1)).isFalse();
        assertThat(changed.contains(v2)).as("uncommitted edit").isTrue();
        assertThat(changed.contains(v3)).as("committed on the branch").isTrue();
        assertThat(changed.contains(v4)).as("untracked").isTrue();
        assertThat(changed.size()).isEqualTo(3);
    }

    @Test
    void anUnknownRefOrNoRepositoryIsAClearError() throws Exception {
        assertThatThrownBy(() -> ChangedFiles.since("main", repo)).isInstanceOf(LintException.class)
                .hasMessageContaining("git rev-parse --show-toplevel failed");
        git("init", "-q", "-b", "main");
        write("V1__a.sql", "SELECT 1;");
        git("add", ".");
        git("commit", "-q", "-m", "base");
        assertThatThrownBy(() -> ChangedFiles.since("no-such-branch", repo)).isInstanceOf(LintException.class)
                .hasMessageContaining("git merge-base no-such-branch HEAD failed");
        assertThatThrownBy(() -> ChangedFiles.since("--output=/tmp/x", repo)).isInstanceOf(LintException.class)
                .hasMessageContaining("needs a git ref");
    }
}
