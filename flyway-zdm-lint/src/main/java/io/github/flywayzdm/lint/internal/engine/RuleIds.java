package io.github.flywayzdm.lint.internal.engine;

import io.github.flywayzdm.lint.RuleInfo;

import java.util.Comparator;
import java.util.Optional;

/** Suggests the known rule id closest to a mistyped one. */
final class RuleIds {

    private RuleIds() {
    }

    static Optional<String> closest(String id) {
        return RuleCatalogue.infos().stream().map(RuleInfo::id)
                .min(Comparator.comparingInt(known -> distance(known, id)))
                .filter(known -> distance(known, id) <= Math.max(3, id.length() / 3));
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
