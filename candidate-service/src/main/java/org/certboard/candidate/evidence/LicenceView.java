package org.certboard.candidate.evidence;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;


public record LicenceView(UUID id, String type, String number, String jurisdiction,
        @Schema(nullable = true) LocalDate issuedOn,
        LocalDate expiresOn, boolean independentPractice) {

    static LicenceView of(Licence l) {
        return new LicenceView(l.id, l.type, l.number, l.jurisdiction, l.issuedOn, l.expiresOn, l.independentPractice);
    }
}
