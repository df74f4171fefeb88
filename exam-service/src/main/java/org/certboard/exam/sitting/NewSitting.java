package org.certboard.exam.sitting;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record NewSitting(@NotNull UUID windowId, @NotBlank @Size(max = 200) String site, @NotNull Instant startsAt,
        @NotNull @Min(value = 1, message = "must be at least 1") @Max(100000) Integer capacity) {
}
