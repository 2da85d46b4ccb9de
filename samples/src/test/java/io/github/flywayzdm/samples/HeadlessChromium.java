package io.github.flywayzdm.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Debian's headless Chromium, driven from the command line: a screenshot and the rendered DOM of a local page. */
final class HeadlessChromium {

    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    static Optional<HeadlessChromium> find() {
        for (String candidate : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}) {
            Path p = Path.of(candidate);
            if (Files.isExecutable(p)) {
                return Optional.of(new HeadlessChromium(p));
            }
        }
        return Optional.empty();
    }

    void screenshot(Path page, Path png, Path profile) throws IOException, InterruptedException {
        run(profile, "--screenshot=" + png, "--window-size=1400,1600", page.toUri().toString());
    }

    String dumpDom(Path page, Path profile) throws IOException, InterruptedException {
        return run(profile, "--dump-dom", page.toUri().toString());
    }

    private String run(Path profile, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("chromium", ".out");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("chromium did not finish in 90 s");
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
