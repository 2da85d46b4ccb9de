package io.github.flywayzdm.lint.internal.parse;

import io.github.flywayzdm.lint.internal.model.TableRef;
import net.sf.jsqlparser.util.TablesNamesFinder;

import java.util.List;
import java.util.Set;

/** The tables a statement reads, as JSqlParser finds them; empty when it cannot parse the statement. */
final class SelectTables {

    private SelectTables() {
    }

    static List<TableRef> of(String sql) {
        return JSqlParserDriver.parse(sql).map(statement -> {
            try {
                Set<String> names = new TablesNamesFinder<Void>().getTables(statement);
                return names.stream().map(TableRef::parse).toList();
            } catch (RuntimeException e) {
                return List.<TableRef>of();
            }
        }).orElse(List.of());
    }
}
