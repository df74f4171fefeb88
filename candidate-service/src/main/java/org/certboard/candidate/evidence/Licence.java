package org.certboard.candidate.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.certboard.candidate.eligibility.LicenceEvidence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
public class Licence extends PanacheEntityBase {
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

    LicenceEvidence evidence() {
        return new LicenceEvidence(type, number, jurisdiction, expiresOn, independentPractice);
    }
}
