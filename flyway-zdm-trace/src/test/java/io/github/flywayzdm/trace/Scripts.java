package io.github.flywayzdm.trace;

import io.github.flywayzdm.lint.MigrationScript;

import java.util.ArrayList;
import java.util.List;

/** Test migrations: name, SQL, name, SQL, ... */
final class Scripts {

    private Scripts() {
    }

    static List<MigrationScript> of(String... nameThenSql) {
        List<MigrationScript> out = new ArrayList<>();
        for (int i = 0; i < nameThenSql.length; i += 2) {
            out.add(MigrationScript.of("db/" + nameThenSql[i], nameThenSql[i + 1]));
        }
        return out;
    }

    static final String ORDERS = "CREATE TABLE customers (id bigint PRIMARY KEY, name text);\n"
            + "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, status text, note varchar(100));";
}
