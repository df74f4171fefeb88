package org.certboard.renewal.recertification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Picks which renewals the board audits. The choice is a hash of the certificant and the cycle being renewed, not a
 * coin toss: resubmitting cannot dodge an audit, a replica decides exactly as another would, and tests can know the
 * outcome in advance. Over many certificants about {@code share} of renewals are picked.
 */
public record AuditSampling(double share) {
    private static final long BUCKETS = 10_000;

    public AuditSampling {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("the audit share must be between 0 and 1, not " + share);
        }
    }

    public boolean selects(UUID candidateId, LocalDate cycleStartedOn) {
        return bucket(candidateId, cycleStartedOn) < Math.round(share * BUCKETS);
    }

    private static long bucket(UUID candidateId, LocalDate cycleStartedOn) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((candidateId + "/" + cycleStartedOn).getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (digest[i] & 0xff);
            }
            return Long.remainderUnsigned(value, BUCKETS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
