package org.certboard.renewal.verification;

import java.time.LocalDate;

import org.certboard.renewal.certification.CertificationStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * All the public may learn: no candidate id, contact details or CE history. {@code name} is null until known;
 * {@code credential} is the name of the certification's program.
 */
public record VerificationView(@Schema(nullable = true) String name, String credential, CertificationStatus status,
        LocalDate firstCertifiedOn,
        LocalDate validUntil) {
}
