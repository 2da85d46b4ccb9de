package io.github.flywayzdm.samples;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** Fills customers and orders with a realistic volume in a few set-based statements. */
final class SampleData {

    private SampleData() {
    }

    static void seed(DataSource ds, long customers, long orders) throws SQLException {
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO customers (name) SELECT 'Customer ' || g FROM generate_series(1, ?) g")) {
                ps.setLong(1, customers);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO orders (customer_id, total_cents) "
                            + "SELECT 1 + (g % ?), 100 + (g * 7919) % 100000 FROM generate_series(1, ?) g")) {
                ps.setLong(1, customers);
                ps.setLong(2, orders);
                ps.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE customers");
                s.execute("ANALYZE orders");
            }
        }
    }
}
