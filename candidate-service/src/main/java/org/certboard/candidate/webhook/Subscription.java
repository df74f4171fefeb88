package org.certboard.candidate.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A subscription as stored; secrets sealed ({@link SecretBox}). {@code providerId} is set exactly when the scope is
 * CE_PROVIDER.
 */
public record Subscription(UUID id, String name, String url, Scope scope, String providerId, List<String> eventTypes,
        String secret, String previousSecret, Instant previousSecretUntil, boolean paused, Instant createdAt) {
}
