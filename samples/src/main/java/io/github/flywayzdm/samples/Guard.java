package io.github.flywayzdm.samples;

import org.flywaydb.core.api.callback.Callback;

import java.util.List;
import java.util.Map;

/** The flyway-zdm guard as the sample configures it: its Flyway callbacks and settings, and a line describing them. */
record Guard(List<Callback> callbacks, Map<String, String> flywaySettings, String description) {
}
