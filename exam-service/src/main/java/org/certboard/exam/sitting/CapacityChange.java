package org.certboard.exam.sitting;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

public record CapacityChange(@NotNull @Min(value = 1, message = "must be at least 1") @Max(100000) Integer capacity) {
}
