package io.github.flywayzdm.callbacks;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.disguise.Catalogue;
import io.github.flywayzdm.testsupport.disguise.Disguise;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every disguised dangerous migration of the shared {@link Catalogue} (proven dangerous on a real server and failed by
 * {@code zdm lint} in flyway-zdm-lint's DisguisedMigrationsTest) is vetoed by the enforce-mode guard in a real Flyway
 * migrate: the migration does not run and leaves no history row.
 *
 * <p>The catalogue's live tables hold 500 to 3,000 rows, below the guard's default small-table threshold (10,000 rows,
 * under which a blocking operation is only a note); the threshold is set below them so they count as live tables.
 */
class GuardedDisguisesTest {

    static List<Disguise> catalogue() {
        return Catalogue.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void theEnforceModeGuardVetoesIt(Disguise d) throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            Path dir = Files.createTempDirectory("zdm-disguise");
            for (Map.Entry<String, String> file : d.files().entrySet()) {
                Files.writeString(dir.resolve(file.getKey()), file.getValue());
            }
            // the schema and setup are history: applied unguarded (the setup itself may be a finding of its own)
            flyway(db, dir, d, null).target(d.setup().isBlank() ? "1" : "2").load().migrate();

            ZdmCallback guard = new ZdmCallback(ZdmSettings.builder().lockTimeout(Duration.ofMillis(300))
                    .smallTableRows(100).build());
            assertThatThrownBy(() -> flyway(db, dir, d, guard).load().migrate())
                    .as("the guard lets %s through", d.id())
                    .isInstanceOf(FlywayException.class)
                    .hasMessageContaining(Disguise.SCRIPT_FILE)
                    .hasMessageContaining(d.rule());
            assertThat(db.queryLong("SELECT count(*) FROM flyway_schema_history WHERE version = '3' AND success"))
                    .as("success history row of %s", d.id()).isZero();
            assertThat(db.queryLong("SELECT count(*) FROM flyway_schema_history WHERE version = '1' AND success"))
                    .as("the schema was applied").isOne();
        }
    }

    private static FluentConfiguration flyway(TestDatabase db, Path dir, Disguise d, ZdmCallback guard) {
        FluentConfiguration c = Flyway.configure().dataSource(db.dataSource()).locations("filesystem:" + dir)
                .placeholders(d.placeholders()).connectRetries(0);
        if (guard != null) {
            c.callbacks(guard);
        }
        c.getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        return c;
    }
}
