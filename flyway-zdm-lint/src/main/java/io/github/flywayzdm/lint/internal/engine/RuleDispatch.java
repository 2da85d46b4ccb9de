package io.github.flywayzdm.lint.internal.engine;

import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.Rule;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which rules a statement goes to: those that handle one of its operation types ({@link Rule#handles}) and those that
 * see every statement, in catalogue order. Most statements hold one operation and concern a handful of the rules, so
 * this spares asking every rule about every statement. Thread-safe.
 */
final class RuleDispatch {

    private final List<Rule> rules;
    private final boolean byOperation;
    /** per operation class: the positions in {@link #rules} of the rules that see it */
    private final Map<Class<?>, BitSet> byType = new ConcurrentHashMap<>();
    private final Map<Class<?>, List<Rule>> single = new ConcurrentHashMap<>();

    /** @param byOperation false sends every statement to every rule (the reference the dispatch is tested against) */
    RuleDispatch(List<Rule> rules, boolean byOperation) {
        this.rules = List.copyOf(rules);
        this.byOperation = byOperation;
    }

    List<Rule> rulesFor(List<Operation> operations) {
        if (!byOperation) {
            return rules;
        }
        if (operations.size() == 1) {
            Class<?> type = operations.get(0).getClass();
            List<Rule> found = single.get(type);
            if (found == null) {
                found = select(mask(type));
                single.put(type, found);
            }
            return found;
        }
        BitSet union = new BitSet(rules.size());
        if (operations.isEmpty()) {
            union.or(mask(null));
        }
        for (Operation op : operations) {
            union.or(mask(op.getClass()));
        }
        return select(union);
    }

    private List<Rule> select(BitSet mask) {
        List<Rule> out = new ArrayList<>(mask.cardinality());
        for (int i = mask.nextSetBit(0); i >= 0; i = mask.nextSetBit(i + 1)) {
            out.add(rules.get(i));
        }
        return List.copyOf(out);
    }

    /** @param type an operation class, or null for the rules that see every statement */
    private BitSet mask(Class<?> type) {
        BitSet mask = type == null ? null : byType.get(type);
        if (mask == null) {
            mask = new BitSet(rules.size());
            for (int i = 0; i < rules.size(); i++) {
                if (sees(rules.get(i).handles(), type)) {
                    mask.set(i);
                }
            }
            if (type != null) {
                byType.put(type, mask);
            }
        }
        return mask;
    }

    private static boolean sees(Set<Class<? extends Operation>> handled, Class<?> type) {
        if (type == null) { // a statement without operations (none is, today) still goes to the every-statement rules
            return handled.contains(Operation.class);
        }
        for (Class<? extends Operation> h : handled) {
            if (h.isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }
}
