package org.certboard.renewal.verification;

import java.time.LocalDate;

import org.certboard.renewal.certification.CertificationStatus;

/** All the public may learn: no candidate id, contact details or CE history. {@code name} is null until known. */
public record VerificationView(String name, String credential, CertificationStatus status, LocalDate firstCertifiedOn,
        LocalDate validUntil) {
}
