package org.certboard.renewal.candidate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What this service knows about a person, fed by candidate events; any part may still be unknown. */
@Entity
@Table(name = "candidate")
public class CandidateRecord {
    @Id
    public UUID candidateId;
    public String givenName;
    public String familyName;
    public Instant nameChangedAt;
    public boolean licenceBased;
    public Instant eligibilityDecidedAt;
    /** The licence type the approval rested on; null when not licence-based or decided before events named it. */
    public String licenceType;
    public LocalDate licenceExpiresOn;

    /** The public name, or null while no candidate event has told it. */
    public String fullName() {
        return fullName(givenName, familyName);
    }

    /** The public name of these parts, or null while no candidate event has told it. */
    public static String fullName(String givenName, String familyName) {
        return givenName == null ? null : givenName + " " + familyName;
    }
}
