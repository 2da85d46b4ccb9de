package io.github.flywayzdm.lint;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UrlMaskTest {

    @Test
    void masksUserInfoPasswords() {
        assertThat(UrlMask.mask("postgres://user:pw@host/db")).isEqualTo("postgres://user:***@host/db");
        assertThat(UrlMask.mask("No suitable driver found for jdbc:postgres://app:s3cr%40t!@db.example:5432/prod?ssl=true"))
                .isEqualTo("No suitable driver found for jdbc:postgres://app:***@db.example:5432/prod?ssl=true");
        assertThat(UrlMask.mask("jdbc:postgresql://u:p@localhost/x and postgresql://v:q@h/y"))
                .isEqualTo("jdbc:postgresql://u:***@localhost/x and postgresql://v:***@h/y");
        assertThat(UrlMask.mask("postgres://user:@host/db")).isEqualTo("postgres://user:***@host/db");
        assertThat(UrlMask.mask("postgres://user:p@ss@host/db")).isEqualTo("postgres://user:***@host/db");
    }

    @Test
    void masksPasswordParameters() {
        assertThat(UrlMask.mask("jdbc:postgresql://h/db?user=u&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
        assertThat(UrlMask.mask("jdbc:postgresql://h/db?PASSWORD=secret")).isEqualTo("jdbc:postgresql://h/db?PASSWORD=***");
        assertThat(UrlMask.mask("host=h sslpassword=k3y; pwd=x")).isEqualTo("host=h sslpassword=***; pwd=***");
    }

    @Test
    void leavesEverythingElseAlone() {
        assertThat(UrlMask.mask(null)).isNull();
        assertThat(UrlMask.mask("jdbc:postgresql://localhost:5432/db?user=app")).isEqualTo("jdbc:postgresql://localhost:5432/db?user=app");
        assertThat(UrlMask.mask("postgres://user@host/db")).isEqualTo("postgres://user@host/db");
        assertThat(UrlMask.mask("mail alice@example.com, time 12:30")).isEqualTo("mail alice@example.com, time 12:30");
        assertThat(UrlMask.mask("lock_timeout=3s")).isEqualTo("lock_timeout=3s");
    }
}
