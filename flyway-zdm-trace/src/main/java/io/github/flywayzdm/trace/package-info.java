/** Lock trace: applies migrations to a throwaway PostgreSQL and records what each statement really did. */
package io.github.flywayzdm.trace;
