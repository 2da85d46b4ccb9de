package io.github.flywayzdm.testsupport;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a slow test whose outcome cannot depend on the PostgreSQL major (it starts no server: architecture rules, a
 * fuzz run of the linter, builds of generated projects). CI runs the whole suite once and then again on the oldest and
 * the newest major with {@code -DexcludedGroups=server-independent}, so these run once.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(ServerIndependent.TAG)
public @interface ServerIndependent {
    /** The JUnit tag, for {@code -Dgroups} and {@code -DexcludedGroups}. */
    String TAG = "server-independent";
}
