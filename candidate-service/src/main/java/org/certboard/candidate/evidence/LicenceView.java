package org.certboard.candidate.evidence;

import java.time.LocalDate;
import java.util.UUID;

public record LicenceView(UUID id, String type, String number, String jurisdiction, LocalDate issuedOn,
        LocalDate expiresOn, boolean independentPractice) {

    static LicenceView of(Licence l) {
        return new LicenceView(l.id, l.type, l.number, l.jurisdiction, l.issuedOn, l.expiresOn, l.independentPractice);
    }
}
