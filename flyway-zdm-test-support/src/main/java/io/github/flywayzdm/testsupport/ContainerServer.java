package io.github.flywayzdm.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/** Testcontainers path of {@link PostgresServer}; kept apart so its classes load only when Docker is considered. */
final class ContainerServer {

    private ContainerServer() {
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static PostgresServer start(int major) {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:" + major)
                .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=300");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "zdm-container-postgres-stop"));
        return PostgresServer.of(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                "Testcontainers postgres:" + major);
    }
}
