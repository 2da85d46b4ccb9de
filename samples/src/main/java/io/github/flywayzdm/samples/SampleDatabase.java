package io.github.flywayzdm.samples;

import io.github.flywayzdm.embedded.EmbeddedPostgresServer;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;

/** Where the sample runs: the server named by {@code ZDM_SAMPLE_JDBC_URL}, or a throwaway embedded PostgreSQL. */
final class SampleDatabase implements AutoCloseable {

    private final EmbeddedPostgresServer embedded;
    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();
    private final String description;

    private SampleDatabase(EmbeddedPostgresServer embedded, String url, String user, String password, String description) {
        this.embedded = embedded;
        this.description = description;
        dataSource.setUrl(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
    }

    static SampleDatabase open() {
        String url = System.getenv("ZDM_SAMPLE_JDBC_URL");
        if (url != null && !url.isBlank()) {
            String user = System.getenv().getOrDefault("ZDM_SAMPLE_USER", "postgres");
            return new SampleDatabase(null, url, user, System.getenv().getOrDefault("ZDM_SAMPLE_PASSWORD", ""),
                    "the server from ZDM_SAMPLE_JDBC_URL");
        }
        EmbeddedPostgresServer pg = EmbeddedPostgresServer.start();
        return new SampleDatabase(pg, pg.jdbcUrl("postgres"), pg.user(), "",
                "embedded PostgreSQL " + pg.major() + " on port " + pg.port());
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** For logs: never includes credentials. */
    String description() {
        return description;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
