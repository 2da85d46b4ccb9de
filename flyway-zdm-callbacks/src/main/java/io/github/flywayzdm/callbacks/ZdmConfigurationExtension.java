package io.github.flywayzdm.callbacks;

import org.flywaydb.core.extensibility.ConfigurationExtension;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Lets Flyway read {@code flyway.zdm.*} from its config files, TOML ({@code [flyway.zdm]}) and environment
 * ({@code FLYWAY_ZDM_*}). Flyway binds namespaced settings with Jackson 3 ({@code tools.jackson.core:jackson-databind});
 * without it on the classpath only environment variables and {@code -Dflyway.zdm.*} system properties are read.
 */
public class ZdmConfigurationExtension implements ConfigurationExtension {

    private static final String[] KEYS = {"mode", "failOn", "lockTimeout", "statementTimeout", "smallTableRows",
            "watchdog", "longTransactionWarning", "replicaLagWarning", "analyze", "recordLocks", "reportDirectory", "disableRules"};

    private String mode;
    private String failOn;
    private String lockTimeout;
    private String statementTimeout;
    private String smallTableRows;
    private String watchdog;
    private String longTransactionWarning;
    private String replicaLagWarning;
    private String analyze;
    private String recordLocks;
    private String reportDirectory;
    private String disableRules;

    @Override
    public String getNamespace() {
        return "zdm";
    }

    @Override
    public String getConfigurationParameterFromEnvironmentVariable(String environmentVariable) {
        if (!environmentVariable.startsWith("FLYWAY_ZDM_")) {
            return null;
        }
        String compact = environmentVariable.substring("FLYWAY_ZDM_".length()).replace("_", "").toLowerCase(Locale.ROOT);
        for (String key : KEYS) {
            if (key.toLowerCase(Locale.ROOT).equals(compact)) {
                return "flyway.zdm." + key;
            }
        }
        return null;
    }

    /** The values that were set, keyed like {@link ZdmSettings#fromMap(Map)} expects. */
    Map<String, String> values() {
        Map<String, String> m = new LinkedHashMap<>();
        String[] v = {mode, failOn, lockTimeout, statementTimeout, smallTableRows, watchdog, longTransactionWarning,
                replicaLagWarning, analyze, recordLocks, reportDirectory, disableRules};
        for (int i = 0; i < KEYS.length; i++) {
            if (v[i] != null && !v[i].isBlank()) {
                m.put(KEYS[i], v[i]);
            }
        }
        return m;
    }

    public String getMode() { return mode; }
    public void setMode(String value) { mode = value; }
    public String getFailOn() { return failOn; }
    public void setFailOn(String value) { failOn = value; }
    public String getLockTimeout() { return lockTimeout; }
    public void setLockTimeout(String value) { lockTimeout = value; }
    public String getStatementTimeout() { return statementTimeout; }
    public void setStatementTimeout(String value) { statementTimeout = value; }
    public String getSmallTableRows() { return smallTableRows; }
    public void setSmallTableRows(String value) { smallTableRows = value; }
    public String getWatchdog() { return watchdog; }
    public void setWatchdog(String value) { watchdog = value; }
    public String getLongTransactionWarning() { return longTransactionWarning; }
    public void setLongTransactionWarning(String value) { longTransactionWarning = value; }
    public String getReplicaLagWarning() { return replicaLagWarning; }
    public void setReplicaLagWarning(String value) { replicaLagWarning = value; }
    public String getAnalyze() { return analyze; }
    public void setAnalyze(String value) { analyze = value; }
    public String getRecordLocks() { return recordLocks; }
    public void setRecordLocks(String value) { recordLocks = value; }
    public String getReportDirectory() { return reportDirectory; }
    public void setReportDirectory(String value) { reportDirectory = value; }
    public String getDisableRules() { return disableRules; }
    public void setDisableRules(String value) { disableRules = value; }
}
