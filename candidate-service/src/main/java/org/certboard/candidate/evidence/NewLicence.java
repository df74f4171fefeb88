package org.certboard.candidate.evidence;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * A licence to record. An expiry in the past is accepted (the file shows it; the rules do not count it); an issue date
 * in the future is not. {@code independentPractice} is required rather than defaulted, because a silent false would
 * deny an application.
 */
public record NewLicence(
        @NotBlank @Size(max = 40) String type,
        @NotBlank @Size(max = 60) String number,
        @NotBlank @Size(max = 100) String jurisdiction,
        @PastOrPresent LocalDate issuedOn,
        @NotNull LocalDate expiresOn,
        @NotNull Boolean independentPractice) {
}
