package org.certboard.exam.booking;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

public record NewBooking(@NotNull UUID candidateId, @NotNull UUID sittingId) {
}
