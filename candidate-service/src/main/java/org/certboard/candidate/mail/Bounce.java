package org.certboard.candidate.mail;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A bounce report from the board's mail system (its MTA or ESP): the Message-ID of a mail it had accepted and the
 * reason delivery failed (the DSN's status and diagnostic, for instance).
 */
public record Bounce(@NotBlank @Size(max = 998) String messageId, @NotBlank @Size(max = 2000) String reason) {
}
