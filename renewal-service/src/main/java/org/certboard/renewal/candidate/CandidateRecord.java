package org.certboard.renewal.candidate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** What this service knows about a person, fed by candidate events; any part may still be unknown. */
@Entity
@Table(name = "candidate")
public class CandidateRecord extends PanacheEntityBase {
    @Id
    @Column(name = "candidate_id")
    public UUID candidateId;
    @Column(name = "given_name")
    public String givenName;
    @Column(name = "family_name")
    public String familyName;
    @Column(name = "name_changed_at")
    public Instant nameChangedAt;
    @Column(name = "licence_based")
    public boolean licenceBased;
    @Column(name = "eligibility_decided_at")
    public Instant eligibilityDecidedAt;
    @Column(name = "licence_expires_on")
    public LocalDate licenceExpiresOn;

    /** The public name, or null while no candidate event has told it. */
    public String fullName() {
        return givenName == null ? null : givenName + " " + familyName;
    }
}
