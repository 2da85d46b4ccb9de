package io.github.flywayzdm.callbacks.internal;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ReportHistoryBoundTest {

    @Test
    void keepsTheNewestRunsOnly() throws Exception {
        Path dir = Files.createTempDirectory("zdm-history");
        ReportHistory history = new ReportHistory(dir, 3);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            RunReport run = new RunReport();
            ids.add(run.id());
            history.write(run);
            Thread.sleep(2); // distinct start times
        }
        try (Stream<Path> files = Files.list(dir.resolve("runs"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                    ids.get(2) + ".html", ids.get(2) + ".json", ids.get(3) + ".html", ids.get(3) + ".json",
                    ids.get(4) + ".html", ids.get(4) + ".json");
        }
        String index = Files.readString(dir.resolve("zdm-runs.json"));
        assertThat(index).contains(ids.get(4), ids.get(3), ids.get(2)).doesNotContain(ids.get(1)).doesNotContain(ids.get(0));
        assertThat(index.indexOf(ids.get(4))).isLessThan(index.indexOf(ids.get(2)));
    }
}
