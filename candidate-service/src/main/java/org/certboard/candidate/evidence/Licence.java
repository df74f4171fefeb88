package org.certboard.candidate.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.certboard.candidate.eligibility.LicenceEvidence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "licence")
public class Licence extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "candidate_id")
    public UUID candidateId;
    public String type;
    public String number;
    public String jurisdiction;
    @Column(name = "issued_on")
    public LocalDate issuedOn;
    @Column(name = "expires_on")
    public LocalDate expiresOn;
    @Column(name = "independent_practice")
    public boolean independentPractice;
    @Column(name = "recorded_at")
    public Instant recordedAt;

    LicenceEvidence evidence() {
        return new LicenceEvidence(type, number, jurisdiction, expiresOn, independentPractice);
    }
}
