package org.certboard.candidate.profile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.certboard.events.EmailAddress;

/** The contact fields after a merge patch has been applied; validated like a registration. */
record ContactChange(
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName,
        @NotBlank @Pattern(regexp = EmailAddress.PATTERN, message = "must be an e-mail address") @Size(max = EmailAddress.MAX_LENGTH) String email) {
}
