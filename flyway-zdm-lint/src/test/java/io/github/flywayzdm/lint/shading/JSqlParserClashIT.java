package io.github.flywayzdm.lint.shading;

import io.github.flywayzdm.testsupport.ServerIndependent;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published flyway-zdm-lint jar carries its JSqlParser relocated and its POM no longer names JSqlParser, so an
 * application with another JSqlParser version (4.9 here, from Central, first on the class path) runs both: its own
 * parser stays 4.9 and the linter parses with its own copy.
 */
@ServerIndependent
class JSqlParserClashIT {

    private static final String RELOCATED = "io.github.flywayzdm.lint.shaded.jsqlparser";

    private final Path jar = Path.of(System.getProperty("zdm.lint.jar"));
    private final Path other = Path.of(System.getProperty("zdm.clash.classpath"));

    @Test
    void theJarHoldsOnlyTheRelocatedParserAndThePomDoesNotNameIt() throws Exception {
        try (JarFile j = new JarFile(jar.toFile())) {
            List<String> names = j.stream().map(e -> e.getName()).toList();
            assertThat(names).anyMatch(n -> n.startsWith(RELOCATED.replace('.', '/') + "/parser/CCJSqlParserUtil"));
            assertThat(names).noneMatch(n -> n.startsWith("net/sf/jsqlparser/"));
        }
        // what a user's build resolves: the published POM's dependencies (its build section configures this shading)
        String pom = Files.readString(jar.resolveSibling("dependency-reduced-pom.xml")).replaceAll("(?s)<build>.*</build>", "");
        assertThat(pom).contains("<artifactId>flyway-zdm-lint</artifactId>").contains("<artifactId>slf4j-api</artifactId>")
                .doesNotContain("<artifactId>jsqlparser</artifactId>");
    }

    @Test
    void anApplicationsOwnJSqlParserDoesNotClash() throws Exception {
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> files = Files.list(other)) {
            for (Path p : files.sorted().toList()) {
                urls.add(p.toUri().toURL()); // the application's JSqlParser 4.9 first, where it hurts most
            }
        }
        assertThat(urls).anyMatch(u -> u.getPath().endsWith("jsqlparser-4.9.jar"));
        urls.add(jar.toUri().toURL());
        try (Loader app = new Loader(urls.toArray(URL[]::new))) {
            // the application parses with its own version
            Class<?> util = app.loadClass("net.sf.jsqlparser.parser.CCJSqlParserUtil");
            assertThat(util.getProtectionDomain().getCodeSource().getLocation().getPath()).endsWith("jsqlparser-4.9.jar");
            Object parsed = util.getMethod("parse", String.class).invoke(null, "SELECT a FROM b");
            assertThat(parsed.toString()).isEqualTo("SELECT a FROM b");

            // the linter parses a query outside the token reader's plain shape with JSqlParser, and reports the
            // blocking index build
            Class<?> linter = app.loadClass("io.github.flywayzdm.lint.Linter");
            Class<?> script = app.loadClass("io.github.flywayzdm.lint.MigrationScript");
            Object migration = script.getMethod("of", String.class, String.class).invoke(null, "V1__view.sql",
                    "CREATE VIEW recent AS SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id > 10;\n"
                            + "SELECT id FROM orders UNION SELECT 1;\n"
                            + "CREATE INDEX orders_customer_idx ON orders (customer_id);\n");
            Object instance = linter.getMethod("withDefaults").invoke(null);
            Object report = linter.getMethod("lint", List.class).invoke(instance, List.of(migration));
            assertThat(report.toString() + report.getClass().getMethod("findings").invoke(report))
                    .contains("create-index-non-concurrent");
            assertThat(app.loaded(RELOCATED + ".parser.CCJSqlParserUtil")).as("the linter used its own parser").isNotNull();
            assertThat(app.loaded(RELOCATED + ".parser.CCJSqlParserUtil").getProtectionDomain().getCodeSource().getLocation()
                    .getPath()).endsWith(jar.getFileName().toString());
        }
    }

    private static final class Loader extends URLClassLoader {
        Loader(URL[] urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        Class<?> loaded(String name) {
            return findLoadedClass(name);
        }
    }
}
