package org.certboard.candidate.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Staff withdraw an approval (for example after a licence was revoked); the reason is kept with the application. */
public record Withdrawal(@NotBlank @Size(max = 2000) String reason) {
}
