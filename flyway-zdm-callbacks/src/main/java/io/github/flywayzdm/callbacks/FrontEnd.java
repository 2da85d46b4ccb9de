package io.github.flywayzdm.callbacks;

/**
 * How the guard was configured, so every hint in its messages names the setting in the user's own front end. The one
 * place where those hints are spelled; {@link ZdmSettings#frontEnd()} carries the value.
 */
public enum FrontEnd {

    /** Settings built with {@link ZdmSettings#builder()}, Flyway configured in Java. */
    JAVA_API("ZdmSettings.builder().mode(ZdmSettings.Mode.WARN)",
            "flyway.postgresql.transactional.lock=false: Flyway.configure().configuration("
                    + "Map.of(\"flyway.postgresql.transactional.lock\", \"false\")) (on Flyway 13 with jackson-databind 3.x)"),
    /** Settings from flyway.zdm.* (flyway.conf, flyway.toml, -D, the Maven plugin) or FLYWAY_ZDM_* (the Flyway CLI). */
    FLYWAY_CONFIG("flyway.zdm.mode=warn (env FLYWAY_ZDM_MODE=warn)",
            "flyway.postgresql.transactional.lock=false (env FLYWAY_POSTGRESQL_TRANSACTIONAL_LOCK=false; "
                    + "TOML [flyway.postgresql.transactional] lock = false)"),
    /** Settings from Spring Boot's zdm.* properties (flyway-zdm-spring-boot-starter). */
    SPRING_BOOT("zdm.mode=warn", "spring.flyway.postgresql.transactional-lock=false");

    private final String warnMode;
    private final String transactionalLockOff;

    FrontEnd(String warnMode, String transactionalLockOff) {
        this.warnMode = warnMode;
        this.transactionalLockOff = transactionalLockOff;
    }

    /** The setting that switches the guard to warn mode, e.g. {@code zdm.mode=warn}. */
    public String warnMode() {
        return warnMode;
    }

    /** The setting that turns Flyway's transactional lock off (needed for CONCURRENTLY). */
    public String transactionalLockOff() {
        return transactionalLockOff;
    }
}
