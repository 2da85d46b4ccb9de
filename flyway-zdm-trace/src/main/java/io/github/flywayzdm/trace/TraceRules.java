package io.github.flywayzdm.trace;

/** The ids of the trace's findings (documented in the module README). */
public final class TraceRules {

    /** a table or index got a new relfilenode while ACCESS EXCLUSIVE was held */
    public static final String REWRITE = "trace-rewrite-under-access-exclusive";
    /** SHARE lock on an existing table: a non-concurrent index build */
    public static final String INDEX_BUILD = "trace-index-build-blocks-writes";
    /** an existing table read sequentially while a write-blocking lock was held */
    public static final String SCAN = "trace-scan-under-blocking-lock";
    /** a write-blocking lock kept long after its statement, until the transaction ended */
    public static final String HELD = "trace-lock-held-after-statement";
    /** a write-blocking lock on a table the statement does not name */
    public static final String UNNAMED = "trace-unnamed-relation-locked";
    /** the server showed a danger the static rules did not flag */
    public static final String STATIC_MISSED = "trace-static-missed";
    /** a static lock claim the server did not confirm */
    public static final String STATIC_UNCONFIRMED = "trace-static-unconfirmed";

    private TraceRules() {
    }
}
