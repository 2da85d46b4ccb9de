package io.github.flywayzdm.lint.internal.parse;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSqlParser's classes and first parses are a fifth of a short lint call: a history of tables, indexes, views and plain
 * queries must not load it; a query outside the plain shape still must (else the check could not fail).
 */
class JSqlParserLoadingTest {

    /** Loads every class of the class path itself and remembers JSqlParser's. */
    private static final class Recording extends URLClassLoader {
        final Set<String> jsqlparser = ConcurrentHashMap.newKeySet();

        Recording(URL[] urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("net.sf.jsqlparser.")) {
                jsqlparser.add(name);
            }
            return super.loadClass(name, resolve);
        }
    }

    private static Set<String> loadedAnalyzing(List<String> statements) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            try {
                urls.add(new File(entry).toURI().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
        try (Recording loader = new Recording(urls.toArray(URL[]::new))) {
            Class<?> analyzer = loader.loadClass(StatementAnalyzer.class.getName());
            Object instance = analyzer.getConstructor().newInstance();
            var analyze = analyzer.getMethod("analyze", String.class);
            for (String sql : statements) {
                Object analysis = analyze.invoke(instance, sql); // (its toString would read a view's sources)
                assertThat(analysis.getClass().getMethod("via").invoke(analysis)).asString().isNotEqualTo("NONE");
            }
            return Set.copyOf(loader.jsqlparser);
        }
    }

    @Test
    void tablesViewsAndPlainQueriesLoadNoJSqlParserClass() throws Exception {
        assertThat(loadedAnalyzing(List.of(
                "CREATE TABLE t1 (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL)",
                "CREATE INDEX CONCURRENTLY IF NOT EXISTS t1_name_idx ON t1 (name)",
                "ALTER TABLE t1 ADD COLUMN status text",
                "UPDATE t1 SET status = 'new' WHERE status IS NULL AND id < 1000",
                "CREATE VIEW t1_v AS SELECT id, name FROM t1 WHERE status = 'new'",
                "CREATE MATERIALIZED VIEW t1_m AS WITH x AS (SELECT id FROM t1) SELECT * FROM x JOIN t1 USING (id)",
                "COMMENT ON TABLE t1 IS 'x'",
                "SELECT count(*) FROM t1",
                "SELECT pg_sleep(1)"))).isEmpty();
    }

    @Test
    void aQueryOutsideThePlainShapeIsStillCheckedByJSqlParser() throws Exception {
        assertThat(loadedAnalyzing(List.of("SELECT id FROM t1 UNION SELECT id FROM t2")))
                .contains("net.sf.jsqlparser.parser.CCJSqlParser");
    }
}
