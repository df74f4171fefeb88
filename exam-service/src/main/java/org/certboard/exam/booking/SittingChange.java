package org.certboard.exam.booking;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

public record SittingChange(@NotNull UUID sittingId) {
}
