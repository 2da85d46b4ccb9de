package io.github.flywayzdm.callbacks.internal;

/**
 * A session seen holding (or queued ahead for) a lock the migration waited for.
 *
 * @param locks the blocker's locks on the relation(s) the migration waited for, e.g. "AccessExclusiveLock on orders"
 */
public record Blocker(int pid, String applicationName, String state, long transactionAgeMillis, String query,
                      String locks) {

    public String describe() {
        return "pid " + pid + " (application_name '" + applicationName + "', state '" + state + "', transaction open "
                + DurationFormat.format(java.time.Duration.ofMillis(transactionAgeMillis))
                + (locks.isEmpty() ? "" : ", holding " + locks) + "): " + query;
    }
}
