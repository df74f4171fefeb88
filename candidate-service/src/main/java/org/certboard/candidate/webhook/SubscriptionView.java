package org.certboard.candidate.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A subscription as the admin API shows it. {@code secret} is present only in the answer that created or rotated
 * it; {@code previousSecretValidUntil} says until when the secret before a rotation still signs; {@code providerId}
 * is the CE provider of a CE_PROVIDER subscription, null for the other scopes.
 */
public record SubscriptionView(UUID id, String name, String url, Scope scope,
        @Schema(nullable = true) String providerId, List<String> eventTypes, boolean paused, Instant createdAt,
        Instant previousSecretValidUntil,
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

    static SubscriptionView of(Subscription s, Instant now, String secret) {
        Instant previous = s.previousSecretUntil() != null && s.previousSecretUntil().isAfter(now)
                ? s.previousSecretUntil() : null;
        return new SubscriptionView(s.id(), s.name(), s.url(), s.scope(), s.providerId(), s.eventTypes(), s.paused(),
                s.createdAt(), previous, secret);
    }
}
