package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.internal.rules.Rule;

import java.util.List;

/** The locking rules, in the catalogue's order: the one public door to this package's rule classes. */
public final class LockingRules {

    private LockingRules() {
    }

    public static List<Rule> all() {
        return List.of(
                new CreateIndexNonConcurrent(), new DropIndexNonConcurrent(), new ReindexNonConcurrent(), new AddColumnVolatileDefault(),
                new AddColumnSerialIdentity(), new AddColumnGeneratedStored(), new AddColumnRequired(), new AddColumnInlineConstraint(),
                new SetNotNullScan(), new AddCheckWithoutNotValid(), new AddForeignKeyWithoutNotValid(), new AddUniqueConstraintDirect(),
                new AddPrimaryKeyDirect(), new AddExclusionConstraint(), new PrimaryKeyUsingIndexNullable(), new AlterColumnTypeRewrite(),
                new SetTablespace(), new SetLoggedUnlogged(), new VacuumFull(), new Cluster(),
                new LockTable(), new AttachPartitionWithoutCheck(), new DetachPartitionNonConcurrent(), new RefreshMatviewNonConcurrent(),
                new DomainCheckConstraint(), new UnbatchedDataChange(), new MissingLockTimeout(), new StatementsAfterAccessExclusive(),
                new ConcurrentIndexOnPartitioned(), new ConcurrentIndexPg14Corruption(), new DomainSetNotNull(), new DomainValidateConstraint(),
                new AlterColumnTypeScan(), new ValidateWithOtherAction(), new MissingStatementTimeout());
    }
}
