package io.github.flywayzdm.lint.internal.catalog;

import io.github.flywayzdm.lint.internal.model.ColumnDef;
import io.github.flywayzdm.lint.internal.model.ConstraintDef;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.model.TableRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The schema as the migrations built it: tables, columns, constraints (with their validation state) and indexes.
 * Mutable; the engine applies each statement after the rules have seen the state before it.
 */
public final class SchemaCatalog implements CatalogView {

    private final Map<String, List<MutableTable>> byName = new HashMap<>();
    /** Index name to the tables that got an index of that name: DROP INDEX names no table. */
    private final Map<String, List<MutableTable>> indexOwners = new HashMap<>();
    private final java.util.Set<String> unloggedTables = new java.util.HashSet<>();
    /** Operations applied so far: a table's snapshot is reused until the next one. */
    private long changes;

    @Override
    public boolean unlogged(TableRef ref) {
        return ref != null && unloggedTables.contains(ref.name());
    }

    private final Map<String, Operation.CreateFunction> functions = new HashMap<>();

    /** True once some migration created a function (callers skip looking for calls otherwise). */
    public boolean knowsFunctions() {
        return !functions.isEmpty();
    }

    @Override
    public Optional<Operation.CreateFunction> function(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    @Override
    public Optional<TableState> table(TableRef ref) {
        return find(ref).map(MutableTable::snapshot);
    }

    /** Applies one operation of the migration at {@code script}. Unknown tables are created on first touch where needed. */
    public void apply(Operation op, String script) {
        changes++;
        if (op instanceof Operation.CreateFunction f) {
            functions.put(f.name(), f);
        } else if (op instanceof Operation.SetLogged l) {
            if (l.logged()) {
                unloggedTables.remove(l.table().name());
            } else {
                unloggedTables.add(l.table().name());
            }
        } else if (op instanceof Operation.CreateTable t) {
            if (t.unlogged()) {
                unloggedTables.add(t.table().name());
            } else {
                unloggedTables.remove(t.table().name());
            }
            create(t, script);
        } else if (op instanceof Operation.CreateView v && v.materialized()) {
            put(new MutableTable(v.table(), false, script));
        } else if (op instanceof Operation.AddColumn a) {
            find(a.table()).ifPresent(t -> t.addColumn(a.column()));
        } else if (op instanceof Operation.DropColumn d) {
            find(d.table()).ifPresent(t -> t.columns.remove(d.column()));
        } else if (op instanceof Operation.RenameColumn r) {
            find(r.table()).ifPresent(t -> t.renameColumn(r.column(), r.newName()));
        } else if (op instanceof Operation.RenameTable r) {
            find(r.table()).ifPresent(t -> rename(t, r.newName()));
        } else if (op instanceof Operation.AlterColumnType a) {
            find(a.table()).ifPresent(t -> t.column(a.column()).ifPresent(c ->
                    t.columns.put(c.name(), new TableState.ColumnState(c.name(), a.newType(), c.notNull(), c.hasDefault()))));
        } else if (op instanceof Operation.SetNotNull s) {
            find(s.table()).ifPresent(t -> t.setNotNull(s.column(), true));
        } else if (op instanceof Operation.DropNotNull s) {
            find(s.table()).ifPresent(t -> t.setNotNull(s.column(), false));
        } else if (op instanceof Operation.AlterColumnDefault d) {
            find(d.table()).ifPresent(t -> t.column(d.column()).ifPresent(c ->
                    t.columns.put(c.name(), new TableState.ColumnState(c.name(), c.type(), c.notNull(), d.expression() != null))));
        } else if (op instanceof Operation.AddConstraint a) {
            find(a.table()).ifPresent(t -> t.addConstraint(a.constraint(), !a.constraint().notValid()));
        } else if (op instanceof Operation.ValidateConstraint v) {
            find(v.table()).ifPresent(t -> t.validate(v.name()));
        } else if (op instanceof Operation.DropConstraint d) {
            find(d.table()).ifPresent(t -> {
                t.constraints.removeIf(c -> d.name() != null && d.name().equals(c.def().name()));
                t.indexes.removeIf(i -> d.name() != null && d.name().equals(i.name())); // a key constraint's index goes with it
            });
        } else if (op instanceof Operation.RenameConstraint r) {
            find(r.table()).ifPresent(t -> t.renameConstraint(r.name(), r.newName()));
        } else if (op instanceof Operation.CreateIndex i) {
            find(i.table()).ifPresent(t -> t.addIndex(new TableState.IndexState(i.name(), i.columns(), i.unique(), i.where())));
        } else if (op instanceof Operation.DropIndex d) {
            d.indexes().forEach(this::dropIndex);
        } else if (op instanceof Operation.DropTable d) {
            d.dropped().forEach(this::remove);
        }
        // other operations do not change what rules ask about
    }

    private void create(Operation.CreateTable t, String script) {
        MutableTable table = new MutableTable(t.table(), t.partitioned(), script);
        t.columns().forEach(table::addColumn);
        t.constraints().forEach(c -> table.addConstraint(c, !c.notValid()));
        put(table);
    }

    private Optional<MutableTable> find(TableRef ref) {
        if (ref == null) {
            return Optional.empty();
        }
        List<MutableTable> candidates = byName.get(ref.name());
        if (candidates == null) {
            return Optional.empty();
        }
        MutableTable last = null; // the latest one of that identity (a loop: this runs for every operation replayed)
        for (MutableTable t : candidates) {
            if (t.ref.sameAs(ref)) {
                last = t;
            }
        }
        return Optional.ofNullable(last);
    }

    private void put(MutableTable table) {
        remove(table.ref);
        byName.computeIfAbsent(table.ref.name(), k -> new ArrayList<>()).add(table);
    }

    private void remove(TableRef ref) {
        List<MutableTable> list = byName.get(ref.name());
        if (list != null) {
            list.removeIf(t -> t.ref.sameAs(ref));
        }
    }

    private void rename(MutableTable table, String newName) {
        remove(table.ref);
        table.ref = new TableRef(table.ref.schema(), newName);
        byName.computeIfAbsent(newName, k -> new ArrayList<>()).add(table);
    }

    private void dropIndex(TableRef index) {
        List<MutableTable> owners = indexOwners.remove(index.name());
        if (owners != null) {
            owners.forEach(t -> t.indexes.removeIf(i -> index.name().equals(i.name())));
        }
    }

    /** A table under construction by the replay. */
    private final class MutableTable {
        private TableRef ref;
        private final boolean partitioned;
        private final String script;
        private final Map<String, TableState.ColumnState> columns = new LinkedHashMap<>();
        private final List<TableState.ConstraintState> constraints = new ArrayList<>();
        private final List<TableState.IndexState> indexes = new ArrayList<>();
        private TableState snapshot;
        private long snapshotAt = -1;

        MutableTable(TableRef ref, boolean partitioned, String script) {
            this.ref = ref;
            this.partitioned = partitioned;
            this.script = script;
        }

        /** Taken again only after the catalog changed: rules ask for the same table many times between changes. */
        TableState snapshot() {
            if (snapshotAt != changes) {
                snapshot = new TableState(ref, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns)),
                        List.copyOf(constraints), List.copyOf(indexes), partitioned, script);
                snapshotAt = changes;
            }
            return snapshot;
        }

        Optional<TableState.ColumnState> column(String name) {
            return Optional.ofNullable(columns.get(name));
        }

        void addColumn(ColumnDef c) {
            boolean hasDefault = c.defaultExpr() != null || c.serial() || c.generated() != ColumnDef.Generated.NONE;
            columns.put(c.name(), new TableState.ColumnState(c.name(), c.type(), c.notNull() || c.inlinePrimaryKey(), hasDefault));
            if (c.inlinePrimaryKey()) {
                addConstraint(new ConstraintDef(ref.name() + "_pkey", ConstraintDef.Kind.PRIMARY_KEY, List.of(c.name()), null, null, false, null), true);
            }
            if (c.inlineUnique()) {
                addConstraint(new ConstraintDef(ref.name() + "_" + c.name() + "_key", ConstraintDef.Kind.UNIQUE, List.of(c.name()), null, null, false, null), true);
            }
            if (c.inlineCheck() != null) {
                addConstraint(new ConstraintDef(c.inlineCheckName() != null ? c.inlineCheckName() : ref.name() + "_" + c.name() + "_check", ConstraintDef.Kind.CHECK, List.of(c.name()), c.inlineCheck(), null, false, null), true);
            }
            if (c.references() != null) {
                addConstraint(new ConstraintDef(ref.name() + "_" + c.name() + "_fkey", ConstraintDef.Kind.FOREIGN_KEY, List.of(c.name()), null, c.references(), false, null), true);
            }
        }

        void addConstraint(ConstraintDef def, boolean validated) {
            ConstraintDef named = def.name() != null ? def : withName(def, defaultName(def));
            constraints.add(new TableState.ConstraintState(named, validated));
            switch (def.kind()) {
                case PRIMARY_KEY -> {
                    def.columns().forEach(col -> setNotNull(col, true));
                    addIndex(new TableState.IndexState(def.usingIndex() != null ? def.usingIndex() : named.name(), def.columns(), true, null));
                }
                case UNIQUE -> addIndex(new TableState.IndexState(def.usingIndex() != null ? def.usingIndex() : named.name(), def.columns(), true, null));
                case NOT_NULL -> {
                    if (validated) {
                        def.columns().forEach(col -> setNotNull(col, true));
                    }
                }
                default -> {
                }
            }
        }

        void addIndex(TableState.IndexState index) {
            indexes.add(index);
            if (index.name() != null) {
                indexOwners.computeIfAbsent(index.name(), k -> new ArrayList<>()).add(this);
            }
        }

        void validate(String name) {
            for (int i = 0; i < constraints.size(); i++) {
                TableState.ConstraintState c = constraints.get(i);
                if (name != null && name.equals(c.def().name())) {
                    constraints.set(i, new TableState.ConstraintState(c.def(), true));
                    if (c.def().kind() == ConstraintDef.Kind.NOT_NULL) {
                        c.def().columns().forEach(col -> setNotNull(col, true));
                    }
                }
            }
        }

        void renameConstraint(String from, String to) {
            for (int i = 0; i < constraints.size(); i++) {
                TableState.ConstraintState c = constraints.get(i);
                if (from != null && to != null && from.equals(c.def().name())) {
                    constraints.set(i, new TableState.ConstraintState(withName(c.def(), to), c.validated()));
                }
            }
        }

        void setNotNull(String column, boolean notNull) {
            TableState.ColumnState c = columns.get(column);
            if (c != null) {
                columns.put(column, new TableState.ColumnState(c.name(), c.type(), notNull, c.hasDefault()));
            }
        }

        void renameColumn(String from, String to) {
            Map<String, TableState.ColumnState> copy = new LinkedHashMap<>();
            columns.forEach((k, v) -> copy.put(k.equals(from) ? to : k,
                    k.equals(from) ? new TableState.ColumnState(to, v.type(), v.notNull(), v.hasDefault()) : v));
            columns.clear();
            columns.putAll(copy);
        }

        private String defaultName(ConstraintDef def) {
            String cols = def.columns().isEmpty() ? "" : "_" + String.join("_", def.columns());
            return switch (def.kind()) {
                case PRIMARY_KEY -> ref.name() + "_pkey";
                case UNIQUE -> ref.name() + cols + "_key";
                case FOREIGN_KEY -> ref.name() + cols + "_fkey";
                case EXCLUDE -> ref.name() + cols + "_excl";
                case NOT_NULL -> ref.name() + cols + "_not_null";
                case CHECK -> ref.name() + cols + "_check";
            };
        }

        private static ConstraintDef withName(ConstraintDef d, String name) {
            return new ConstraintDef(name, d.kind(), d.columns(), d.expression(), d.references(), d.notValid(), d.usingIndex());
        }
    }
}
