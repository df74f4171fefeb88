package org.certboard.candidate.application;

import jakarta.validation.constraints.NotNull;

/** The candidate's signed attestation of good standing; false is a valid answer that the rules deny. */
public record Submission(@NotNull Boolean attestation) {
}
