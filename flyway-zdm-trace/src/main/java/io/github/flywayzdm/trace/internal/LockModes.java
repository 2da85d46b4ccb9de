package io.github.flywayzdm.trace.internal;

import java.util.List;

/** PostgreSQL's eight table lock modes, weakest first. */
public final class LockModes {

    public static final List<String> ORDER = List.of("AccessShareLock", "RowShareLock", "RowExclusiveLock", "ShareUpdateExclusiveLock",
            "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock");

    private LockModes() {
    }

    public static int strength(String mode) {
        return ORDER.indexOf(mode);
    }

    /** SHARE and stronger block INSERT, UPDATE and DELETE. */
    public static boolean blocksWrites(String mode) {
        return strength(mode) >= strength("ShareLock");
    }
}
