package org.certboard.renewal.certification;

import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.Actor;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A certification as staff and its holder read it; {@code program} is the credential program's code (CCM, ACM). */
public record CertificationView(String number, String program, UUID candidateId, CertificationStatus status, LocalDate firstCertifiedOn,
        LocalDate cycleStartedOn, LocalDate expiresOn, @Schema(nullable = true) LocalDate retiredOn,
        @Schema(nullable = true) Actor retiredBy) {

    public static CertificationView of(Certification c) {
        return new CertificationView(c.number, c.program, c.candidateId, c.status, c.firstCertifiedOn, c.cycleStartedOn,
                c.expiresOn, c.retiredOn, c.retiredBy());
    }
}
