package io.github.flywayzdm.lint.report;

import io.github.flywayzdm.lint.Finding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A finding's identity across runs: rule, file and statement text, not line numbers (which move as files grow). */
final class Fingerprints {

    private Fingerprints() {
    }

    static String of(Finding f) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String normalized = f.excerpt().replaceAll("\\s+", " ").trim();
            byte[] hash = sha.digest((f.ruleId() + "\u0000" + f.file() + "\u0000" + normalized + "\u0000" + f.message())
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
