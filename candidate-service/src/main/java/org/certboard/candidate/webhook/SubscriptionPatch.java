package org.certboard.candidate.webhook;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What an admin may change; a member left out (or null) stays as it is. Name and scope are fixed at creation. */
public record SubscriptionPatch(
        @Size(max = 2048) String url,
        @Size(min = 1, max = 30) List<@NotBlank @Size(max = 100) String> eventTypes,
        Boolean paused) {
}
