package io.github.flywayzdm.lint.internal.rules.compatibility;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.model.TableRef;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** Dropping a view that running code may query breaks those queries. */
final class DropView extends OperationRule<Operation.DropView> {

    DropView() {
        super(Operation.DropView.class, "drop-view", Severity.WARNING, Category.COMPATIBILITY,
                "DROP VIEW / DROP MATERIALIZED VIEW of an existing view",
                "Application instances still running the previous release query the view and fail as soon as it is gone "
                        + "(relation does not exist); a materialized view's data is gone too.",
                "Stop using the view in one release and drop it in a later one (suppress with a reason then). To change a "
                        + "view's query, CREATE OR REPLACE VIEW keeps it in place when the columns stay compatible.",
                "");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.DropView op) {
        for (TableRef v : op.views()) {
            if (!createdHere(ctx, v)) {
                ctx.report(null, "Dropping " + (op.materialized() ? "materialized view " : "view ") + v
                        + " breaks code that still queries it", null);
            }
        }
    }

    private static boolean createdHere(StatementContext ctx, TableRef view) {
        for (int i = 0; i < ctx.index(); i++) {
            for (Operation.CreateView v : ctx.script().get(i).all(Operation.CreateView.class)) {
                if (view.sameAs(v.table())) {
                    return true;
                }
            }
        }
        return false;
    }
}
