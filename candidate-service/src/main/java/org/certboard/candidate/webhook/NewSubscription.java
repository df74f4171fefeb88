package org.certboard.candidate.webhook;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.certboard.events.CeProviderId;

/**
 * A subscription to create. {@code secret} is optional: without it the board makes one; either way it is shown in
 * the answer once and never again. {@code providerId} names the CE provider of a CE_PROVIDER subscription (required
 * there, refused with any other scope).
 */
public record NewSubscription(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 2048) String url,
        @NotNull Scope scope,
        @Size(max = CeProviderId.MAX_LENGTH) @Pattern(regexp = CeProviderId.PATTERN, message = CeProviderId.RULE)
        String providerId,
        @NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 100) String> eventTypes,
        @Size(max = 100) String secret) {
}
