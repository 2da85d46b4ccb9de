package io.github.flywayzdm.lint.internal.rules;

import io.github.flywayzdm.lint.internal.rules.compatibility.ChangeColumnTypeCompat;
import io.github.flywayzdm.lint.internal.rules.compatibility.DropColumn;
import io.github.flywayzdm.lint.internal.rules.compatibility.DropNotNull;
import io.github.flywayzdm.lint.internal.rules.compatibility.DropTable;
import io.github.flywayzdm.lint.internal.rules.compatibility.RenameColumn;
import io.github.flywayzdm.lint.internal.rules.compatibility.RenameTable;
import io.github.flywayzdm.lint.internal.rules.hygiene.BanCharType;
import io.github.flywayzdm.lint.internal.rules.hygiene.ForeignKeyWithoutIndex;
import io.github.flywayzdm.lint.internal.rules.hygiene.JsonColumn;
import io.github.flywayzdm.lint.internal.rules.hygiene.PreferBigintPrimaryKey;
import io.github.flywayzdm.lint.internal.rules.hygiene.PreferTextOverVarchar;
import io.github.flywayzdm.lint.internal.rules.hygiene.PreferTimestamptz;
import io.github.flywayzdm.lint.internal.rules.locking.AddCheckWithoutNotValid;
import io.github.flywayzdm.lint.internal.rules.locking.AddColumnGeneratedStored;
import io.github.flywayzdm.lint.internal.rules.locking.AddColumnInlineConstraint;
import io.github.flywayzdm.lint.internal.rules.locking.AddColumnRequired;
import io.github.flywayzdm.lint.internal.rules.locking.AddColumnSerialIdentity;
import io.github.flywayzdm.lint.internal.rules.locking.AddColumnVolatileDefault;
import io.github.flywayzdm.lint.internal.rules.locking.AddExclusionConstraint;
import io.github.flywayzdm.lint.internal.rules.locking.AddForeignKeyWithoutNotValid;
import io.github.flywayzdm.lint.internal.rules.locking.AddPrimaryKeyDirect;
import io.github.flywayzdm.lint.internal.rules.locking.AddUniqueConstraintDirect;
import io.github.flywayzdm.lint.internal.rules.locking.AlterColumnTypeRewrite;
import io.github.flywayzdm.lint.internal.rules.locking.AttachPartitionWithoutCheck;
import io.github.flywayzdm.lint.internal.rules.locking.Cluster;
import io.github.flywayzdm.lint.internal.rules.locking.ConcurrentIndexOnPartitioned;
import io.github.flywayzdm.lint.internal.rules.locking.ConcurrentIndexPg14Corruption;
import io.github.flywayzdm.lint.internal.rules.locking.CreateIndexNonConcurrent;
import io.github.flywayzdm.lint.internal.rules.locking.DetachPartitionNonConcurrent;
import io.github.flywayzdm.lint.internal.rules.locking.DomainCheckConstraint;
import io.github.flywayzdm.lint.internal.rules.locking.DropIndexNonConcurrent;
import io.github.flywayzdm.lint.internal.rules.locking.LockTable;
import io.github.flywayzdm.lint.internal.rules.locking.MissingLockTimeout;
import io.github.flywayzdm.lint.internal.rules.locking.PrimaryKeyUsingIndexNullable;
import io.github.flywayzdm.lint.internal.rules.locking.RefreshMatviewNonConcurrent;
import io.github.flywayzdm.lint.internal.rules.locking.ReindexNonConcurrent;
import io.github.flywayzdm.lint.internal.rules.locking.SetLoggedUnlogged;
import io.github.flywayzdm.lint.internal.rules.locking.SetNotNullScan;
import io.github.flywayzdm.lint.internal.rules.locking.SetTablespace;
import io.github.flywayzdm.lint.internal.rules.locking.StatementsAfterAccessExclusive;
import io.github.flywayzdm.lint.internal.rules.locking.UnbatchedDataChange;
import io.github.flywayzdm.lint.internal.rules.locking.VacuumFull;
import io.github.flywayzdm.lint.internal.rules.tool.InvalidFunctionCall;
import io.github.flywayzdm.lint.internal.rules.tool.EmptyMigration;
import io.github.flywayzdm.lint.internal.rules.tool.SplitProblemFound;
import io.github.flywayzdm.lint.internal.rules.tool.SuppressionUnknownRule;
import io.github.flywayzdm.lint.internal.rules.tool.SuppressionWithoutReason;
import io.github.flywayzdm.lint.internal.rules.tool.UnparsedStatement;
import io.github.flywayzdm.lint.internal.rules.tool.UnresolvedPlaceholder;
import io.github.flywayzdm.lint.internal.rules.tool.UnusedSuppression;
import io.github.flywayzdm.lint.internal.rules.transaction.ConcurrentlyInTransaction;
import io.github.flywayzdm.lint.internal.rules.transaction.ConcurrentlyMixed;
import io.github.flywayzdm.lint.internal.rules.transaction.EnumAddValueInTransaction;
import io.github.flywayzdm.lint.internal.rules.transaction.TransactionControl;
import io.github.flywayzdm.lint.internal.rules.transaction.ValidateInSameTransaction;

import io.github.flywayzdm.lint.internal.rules.compatibility.TruncateTable;
import io.github.flywayzdm.lint.internal.rules.compatibility.DropDatabase;
import io.github.flywayzdm.lint.internal.rules.compatibility.DropSchemaCascade;
import io.github.flywayzdm.lint.internal.rules.compatibility.DropView;
import io.github.flywayzdm.lint.internal.rules.compatibility.RenameSchema;
import io.github.flywayzdm.lint.internal.rules.compatibility.RenameEnumValue;
import io.github.flywayzdm.lint.internal.rules.compatibility.DropDefaultOfRequiredColumn;
import io.github.flywayzdm.lint.internal.rules.locking.DomainSetNotNull;
import io.github.flywayzdm.lint.internal.rules.locking.DomainValidateConstraint;
import io.github.flywayzdm.lint.internal.rules.locking.AlterColumnTypeScan;
import io.github.flywayzdm.lint.internal.rules.locking.ValidateWithOtherAction;
import io.github.flywayzdm.lint.internal.rules.locking.MissingStatementTimeout;
import io.github.flywayzdm.lint.internal.rules.transaction.ConcurrentIndexNotRerunnable;
import io.github.flywayzdm.lint.internal.rules.hygiene.IdentifierTooLong;
import io.github.flywayzdm.lint.internal.rules.hygiene.PreferIdentity;
import io.github.flywayzdm.lint.internal.rules.hygiene.PreferBigintColumn;
import io.github.flywayzdm.lint.internal.rules.hygiene.MultipleAlterTable;

import java.util.List;

/** Every rule, instantiated once. A new rule is one class plus one line here. */
public final class RuleCatalogue {

    private static final List<Rule> ALL = List.of(
            // locking: rewrites, scans and blocking locks
            new CreateIndexNonConcurrent(), new DropIndexNonConcurrent(), new ReindexNonConcurrent(),
            new AddColumnVolatileDefault(), new AddColumnSerialIdentity(), new AddColumnGeneratedStored(),
            new AddColumnRequired(), new AddColumnInlineConstraint(), new SetNotNullScan(),
            new AddCheckWithoutNotValid(), new AddForeignKeyWithoutNotValid(), new AddUniqueConstraintDirect(),
            new AddPrimaryKeyDirect(), new AddExclusionConstraint(), new PrimaryKeyUsingIndexNullable(),
            new AlterColumnTypeRewrite(), new SetTablespace(), new SetLoggedUnlogged(), new VacuumFull(), new Cluster(),
            new LockTable(), new AttachPartitionWithoutCheck(), new DetachPartitionNonConcurrent(),
            new RefreshMatviewNonConcurrent(), new DomainCheckConstraint(), new UnbatchedDataChange(),
            new MissingLockTimeout(), new StatementsAfterAccessExclusive(), new ConcurrentIndexOnPartitioned(),
            new ConcurrentIndexPg14Corruption(), new DomainSetNotNull(), new DomainValidateConstraint(),
            new AlterColumnTypeScan(), new ValidateWithOtherAction(), new MissingStatementTimeout(),
            // transaction handling
            new ConcurrentlyInTransaction(), new ConcurrentlyMixed(), new TransactionControl(),
            new ValidateInSameTransaction(), new EnumAddValueInTransaction(), new ConcurrentIndexNotRerunnable(),
            // compatibility with running code
            new RenameColumn(), new RenameTable(), new DropColumn(), new DropTable(), new DropNotNull(),
            new ChangeColumnTypeCompat(), new TruncateTable(), new DropDatabase(), new DropSchemaCascade(), new DropView(),
            new RenameSchema(), new RenameEnumValue(), new DropDefaultOfRequiredColumn(),
            // hygiene
            new JsonColumn(), new PreferBigintPrimaryKey(), new PreferTextOverVarchar(), new PreferTimestamptz(),
            new BanCharType(), new ForeignKeyWithoutIndex(), new IdentifierTooLong(), new PreferIdentity(),
            new PreferBigintColumn(), new MultipleAlterTable(),
            // the input and the tool
            new UnparsedStatement(), new SplitProblemFound(), new EmptyMigration(), new SuppressionWithoutReason(), new SuppressionUnknownRule(),
            new UnusedSuppression(), new UnresolvedPlaceholder(), new InvalidFunctionCall());

    private RuleCatalogue() {
    }

    public static List<Rule> all() {
        return ALL;
    }
}
