package org.certboard.candidate.profile;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.certboard.events.EmailAddress;

/** A registration. No id, no timestamps: the service assigns them, so a client cannot. */
public record NewCandidate(
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName,
        @NotBlank @Pattern(regexp = EmailAddress.PATTERN, message = "must be an e-mail address") @Size(max = EmailAddress.MAX_LENGTH) String email,
        @NotNull @Past LocalDate dateOfBirth) {
}
