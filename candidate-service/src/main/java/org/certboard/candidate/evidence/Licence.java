package org.certboard.candidate.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.certboard.candidate.eligibility.LicenceEvidence;
import org.certboard.events.candidate.LicenceRecorded;

/** A licence on a candidate's file, as recorded; its queries are {@link LicenceRepository}'s. */
@Entity
public class Licence {
    @Id
    public UUID id;
    public UUID candidateId;
    public String type;
    public String number;
    public String jurisdiction;
    public LocalDate issuedOn;
    public LocalDate expiresOn;
    public boolean independentPractice;
    public Instant recordedAt;

    /** The licence as given, its words trimmed. */
    static Licence record(UUID candidateId, NewLicence body, Instant now) {
        Licence licence = new Licence();
        licence.id = UUID.randomUUID();
        licence.candidateId = candidateId;
        licence.type = body.type().trim();
        licence.number = body.number().trim();
        licence.jurisdiction = body.jurisdiction().trim();
        licence.issuedOn = body.issuedOn();
        licence.expiresOn = body.expiresOn();
        licence.independentPractice = body.independentPractice();
        licence.recordedAt = now;
        return licence;
    }

    /** The event that announces it: renewal-service checks a licence-based certification against it. */
    LicenceRecorded recorded() {
        return new LicenceRecorded(candidateId, id, type, jurisdiction, expiresOn, independentPractice);
    }

    LicenceEvidence evidence() {
        return new LicenceEvidence(type, number, jurisdiction, expiresOn, independentPractice);
    }
}
