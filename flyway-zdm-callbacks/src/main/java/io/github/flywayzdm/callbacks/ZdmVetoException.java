package io.github.flywayzdm.callbacks;

import org.flywaydb.core.api.FlywayException;

/** flyway-zdm refused to run a migration (lint findings, or a preflight problem such as a migration that would hang). */
public class ZdmVetoException extends FlywayException {

    public ZdmVetoException(String message) {
        super(message);
    }
}
