package io.github.flywayzdm.cli;

/** A subcommand: its options, its help text and its work. */
interface Command {

    /** Registers the command's options on a parser named after it. */
    void register(ArgParser parser);

    /** The lines under {@code Usage:} in {@code --help}. */
    String description();

    /** {@code Exit codes:} lines of {@code --help}. */
    String exitCodes();

    /** Runs after parsing, with the positional arguments; returns the exit code. */
    int call(java.util.List<String> positional);
}
