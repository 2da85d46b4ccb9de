package io.github.flywayzdm.flywayplugin;

import io.github.flywayzdm.testsupport.MavenBuild;
import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The Java API on each Flyway line users run: a generated project per Flyway version (flyway-core and
 * flyway-database-postgresql of that version, our callbacks and backfill, and on 11.16+ this module for
 * self-registration), built by a real {@code mvn} and run as a plain {@code java} process against the test PostgreSQL.
 * The program ({@link #CELL}) checks, on that line: the veto (no history row), the CONCURRENTLY preflight, the one-line
 * switch-off of Flyway's transactional lock ({@code configuration(Map.of("flyway.postgresql.transactional.lock",
 * "false"))}), the guard's lock_timeout inside a migration and the session's own values back on pooled connections
 * afterwards, and a {@code BackfillMigration} that fails half-way and resumes on the next migrate.
 */
@WithPostgres
class FlywayLinesIT {

    @BeforeAll
    static void matrix() {
        assumeFalse(Boolean.getBoolean("zdm.matrix.skip"), "compatibility matrix skipped (-Dzdm.matrix.skip=true)");
    }

    /** One cell per line: version, self-registering (11.16+), needs Jackson 3 for Map/config-file settings (13+). */
    record Line(String flyway, boolean selfRegistering, boolean jackson3) { }

    static final List<Line> LINES = List.of(
            new Line("10.22.0", false, false),   // the last 10.x
            new Line("11.7.2", false, false),    // managed by Spring Boot 3.5.7
            new Line("11.14.1", false, false),   // managed by Spring Boot 4.0.7
            new Line("12.4.0", true, false),     // 11.16+: the guard registers itself through this module
            new Line("13.12.0", true, true));    // the line this project builds against; Jackson 3 optional since 13

    static List<Arguments> lines() {
        return LINES.stream().map(l -> Arguments.of(l.flyway(), l.selfRegistering(), l.jackson3())).toList();
    }

    @ParameterizedTest(name = "Flyway {0}")
    @MethodSource("lines")
    void theGuardAndTheBackfillWorkOnThisFlywayLine(String flyway, boolean selfRegistering, boolean jackson3,
            TestDatabase db) throws Exception {
        Path project = generate(flyway, selfRegistering, jackson3);
        MavenBuild.Result build = MavenBuild.run(project, Map.of(), "-q", "compile",
                "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath", "-Dmdep.outputFile=cp.txt");
        assertThat(build.passed()).as(build.log()).isTrue();
        String classpath = project.resolve("target/classes") + File.pathSeparator + Files.readString(project.resolve("cp.txt")).trim();
        assertThat(classpath).contains("flyway-core-" + flyway + ".jar");

        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "it.Cell", Boolean.toString(selfRegistering)))
                .directory(project.toFile()).redirectErrorStream(true).redirectOutput(project.resolve("run.log").toFile());
        pb.environment().putAll(Map.of("ZDM_URL", db.jdbcUrl(), "ZDM_USER", db.user(), "ZDM_PASSWORD", db.password()));
        Process p = pb.start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("cell finished").isTrue();
        String output = Files.readString(project.resolve("run.log"));
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("PASS veto", "PASS concurrently-preflight", "PASS transactional-lock-off",
                "PASS timeouts", "PASS backfill-resume");
    }

    private static Path generate(String flyway, boolean selfRegistering, boolean jackson3) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "flyway-lines", flyway).toAbsolutePath());
        String zdm = System.getProperty("zdm.plugin.version");
        Files.writeString(dir.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>it</groupId>
                  <artifactId>flyway-line</artifactId>
                  <version>1</version>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <dependencies>
                    <dependency><groupId>org.flywaydb</groupId><artifactId>flyway-core</artifactId><version>%1$s</version></dependency>
                    <dependency><groupId>org.flywaydb</groupId><artifactId>flyway-database-postgresql</artifactId><version>%1$s</version></dependency>
                    <dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><version>%2$s</version></dependency>
                    <dependency><groupId>io.github.flywayzdm</groupId><artifactId>%4$s</artifactId><version>%3$s</version></dependency>
                    <dependency><groupId>io.github.flywayzdm</groupId><artifactId>flyway-zdm-backfill</artifactId><version>%3$s</version></dependency>
                    %5$s
                  </dependencies>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <version>3.13.0</version>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-resources-plugin</artifactId>
                        <version>3.3.1</version>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(flyway, System.getProperty("zdm.postgresql.version"), zdm,
                selfRegistering ? "flyway-zdm-flyway-plugin" : "flyway-zdm-callbacks",
                jackson3 ? JACKSON3 : ""));
        Path it = Files.createDirectories(dir.resolve("src/main/java/it"));
        Files.writeString(it.resolve("Cell.java"), CELL);
        Path migration = Files.createDirectories(dir.resolve("src/main/java/db/migration"));
        Files.writeString(migration.resolve("V4__backfill_orders.java"), """
                package db.migration;

                import io.github.flywayzdm.backfill.Backfill;
                import io.github.flywayzdm.backfill.BackfillMigration;
                import io.github.flywayzdm.backfill.BackfillOptions;

                /** Fails on the first key above 5000 while ctl.fail is true: the first migrate stops half-way. */
                public class V4__backfill_orders extends BackfillMigration {
                    @Override
                    protected Backfill backfill() {
                        return Backfill.of("orders").key("id")
                                .set("v = v + 1 + CASE WHEN (SELECT fail FROM ctl) AND id > 5000 THEN 1 / (id - id) ELSE 0 END")
                                .options(BackfillOptions.defaults().withBatchSize(1000, 1000, 1000).withMaxRetries(0))
                                .build();
                    }
                }
                """);
        return dir;
    }

    /** Flyway 13 binds flyway.postgresql.* and flyway.zdm.* from a Map or config file only with Jackson 3 present. */
    static final String JACKSON3 = "<dependency><groupId>tools.jackson.core</groupId>"
            + "<artifactId>jackson-databind</artifactId><version>3.1.8</version></dependency>";

    /** The program run on each line; only Flyway API present in 10.22 through 13.12. */
    static final String CELL = """
            package it;

            import io.github.flywayzdm.callbacks.ZdmCallback;
            import org.flywaydb.core.Flyway;
            import org.flywaydb.core.api.configuration.FluentConfiguration;

            import javax.sql.DataSource;
            import java.io.PrintWriter;
            import java.lang.reflect.Proxy;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.sql.Connection;
            import java.sql.DriverManager;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Statement;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.Map;
            import java.util.logging.Logger;

            public class Cell {
                static final String URL = System.getenv("ZDM_URL");
                static final String USER = System.getenv("ZDM_USER");
                static final String PASSWORD = System.getenv("ZDM_PASSWORD");
                static Path dir;
                static boolean selfRegistering;

                public static void main(String[] args) throws Exception {
                    selfRegistering = Boolean.parseBoolean(args[0]);
                    System.setProperty("flyway.zdm.smallTableRows", "0");   // every table counts as large
                    dir = Files.createTempDirectory("zdm-line");
                    write("V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, status text, v int NOT NULL DEFAULT 0);\\n"
                            + "CREATE TABLE ctl (fail boolean);\\nINSERT INTO ctl VALUES (true);\\n"
                            + "-- zdm:ignore unbatched-data-change: test data\\n"
                            + "INSERT INTO orders (id) SELECT g FROM generate_series(1, 20000) g;\\n");
                    write("V2__status_index.sql", "CREATE INDEX orders_status ON orders (status);\\n");
                    write("V3__seen.sql", "CREATE TABLE seen AS SELECT current_setting('lock_timeout') AS lock_timeout;\\n");

                    String vetoed = failure(flyway(null).load());
                    check(vetoed.contains("create-index-non-concurrent") && vetoed.contains("V2__status_index.sql"), "veto: " + vetoed);
                    check(count("SELECT count(*) FROM flyway_schema_history WHERE version = '2'") == 0, "no history row for V2");
                    check(count("SELECT count(*) FROM flyway_schema_history WHERE version = '1' AND success") == 1, "V1 applied");
                    System.out.println("PASS veto");

                    write("V2__status_index.sql", "CREATE INDEX CONCURRENTLY orders_status ON orders (status);\\n");
                    String hang = failure(flyway(null).load());
                    check(hang.contains("transactional.lock"), "CONCURRENTLY preflight: " + hang);
                    check(count("SELECT count(*) FROM pg_indexes WHERE indexname = 'orders_status'") == 0, "nothing built");
                    System.out.println("PASS concurrently-preflight");

                    Pool pool = new Pool();
                    flyway(pool).configuration(Map.of("flyway.postgresql.transactional.lock", "false")).target("3").load().migrate();
                    check(count("SELECT count(*) FROM flyway_schema_history WHERE success AND version = '2'") == 1, "V2 applied");
                    System.out.println("PASS transactional-lock-off");

                    check("3s".equals(text("SELECT lock_timeout FROM seen")), "the guard's lock_timeout inside V3");
                    check(!pool.physical.isEmpty(), "the pool was used");
                    for (Connection c : pool.physical) {
                        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW lock_timeout")) {
                            rs.next();
                            check("7s".equals(rs.getString(1)), "pooled session's lock_timeout back to 7s, was " + rs.getString(1));
                        }
                    }
                    System.out.println("PASS timeouts");

                    String stopped = failure(flyway(null).configuration(Map.of("flyway.postgresql.transactional.lock", "false")).load());
                    check(stopped.contains("division by zero") || stopped.contains("V4"), "backfill stopped: " + stopped);
                    long done = count("SELECT count(*) FROM orders WHERE v = 1");
                    check(done >= 5000 && done < 20000, "batches before the failure committed: " + done);
                    execute("UPDATE ctl SET fail = false");
                    // a failed non-transactional migration leaves a failed history row: repair, then migrate resumes
                    Flyway again = flyway(null).configuration(Map.of("flyway.postgresql.transactional.lock", "false")).load();
                    again.repair();
                    again.migrate();
                    check(count("SELECT count(*) FROM orders WHERE v <> 1") == 0, "every row updated exactly once");
                    check(count("SELECT count(*) FROM flyway_schema_history WHERE success AND version = '4'") == 1, "V4 applied");
                    System.out.println("PASS backfill-resume");
                }

                static FluentConfiguration flyway(DataSource ds) {
                    FluentConfiguration c = Flyway.configure().locations("filesystem:" + dir, "classpath:db/migration");
                    c = ds == null ? c.dataSource(URL, USER, PASSWORD) : c.dataSource(ds);
                    return selfRegistering ? c : c.callbacks(new ZdmCallback());
                }

                static String failure(Flyway f) {
                    try {
                        f.migrate();
                    } catch (RuntimeException e) {
                        StringBuilder all = new StringBuilder();
                        for (Throwable t = e; t != null; t = t.getCause()) {
                            all.append(t.getMessage()).append(" | ");
                        }
                        return all.toString();
                    }
                    throw new AssertionError("migrate should have failed");
                }

                static void check(boolean ok, String what) {
                    if (!ok) {
                        throw new AssertionError("FAILED: " + what);
                    }
                }

                static void write(String name, String sql) throws Exception {
                    Files.writeString(dir.resolve(name), sql);
                }

                static Connection connect() throws SQLException {
                    return DriverManager.getConnection(URL, USER, PASSWORD);
                }

                static long count(String sql) throws SQLException {
                    return Long.parseLong(text(sql));
                }

                static String text(String sql) throws SQLException {
                    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                }

                static void execute(String sql) throws SQLException {
                    try (Connection c = connect(); Statement s = c.createStatement()) {
                        s.execute(sql);
                    }
                }

                /** Keeps its sessions, as a pool does: close() hands one back; each session starts with lock_timeout 7s. */
                static final class Pool implements DataSource {
                    final List<Connection> physical = new ArrayList<>();
                    final List<Connection> free = new ArrayList<>();

                    @Override
                    public synchronized Connection getConnection() throws SQLException {
                        Connection c;
                        if (free.isEmpty()) {
                            c = connect();
                            try (Statement s = c.createStatement()) {
                                s.execute("SET lock_timeout = '7s'");
                            }
                            physical.add(c);
                        } else {
                            c = free.remove(free.size() - 1);
                        }
                        Connection session = c;
                        return (Connection) Proxy.newProxyInstance(Cell.class.getClassLoader(), new Class<?>[] {Connection.class},
                                (proxy, method, a) -> {
                                    if (method.getName().equals("close")) {
                                        synchronized (this) {
                                            if (!session.getAutoCommit()) {
                                                session.rollback();
                                                session.setAutoCommit(true);
                                            }
                                            free.add(session);
                                        }
                                        return null;
                                    }
                                    if (method.getName().equals("isClosed")) {
                                        return false;
                                    }
                                    try {
                                        return method.invoke(session, a);
                                    } catch (java.lang.reflect.InvocationTargetException e) {
                                        throw e.getCause();
                                    }
                                });
                    }

                    @Override public Connection getConnection(String u, String p) throws SQLException { return getConnection(); }
                    @Override public PrintWriter getLogWriter() { return null; }
                    @Override public void setLogWriter(PrintWriter out) { }
                    @Override public void setLoginTimeout(int seconds) { }
                    @Override public int getLoginTimeout() { return 0; }
                    @Override public Logger getParentLogger() { return Logger.getGlobal(); }
                    @Override public <T> T unwrap(Class<T> iface) throws SQLException { throw new SQLException("not a wrapper"); }
                    @Override public boolean isWrapperFor(Class<?> iface) { return false; }
                }
            }
            """;
}
