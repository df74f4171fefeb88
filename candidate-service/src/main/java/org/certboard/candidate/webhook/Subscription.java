package org.certboard.candidate.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A subscription as stored; secrets sealed ({@link SecretBox}). */
public record Subscription(UUID id, String name, String url, Scope scope, List<String> eventTypes, String secret,
        String previousSecret, Instant previousSecretUntil, boolean paused, Instant createdAt) {
}
