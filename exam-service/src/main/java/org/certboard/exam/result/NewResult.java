package org.certboard.exam.result;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

public record NewResult(@NotNull UUID bookingId, @NotNull Integer scaledScore) {
}
