package org.certboard.candidate.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.certboard.candidate.eligibility.DegreeEvidence;
import org.certboard.candidate.eligibility.DegreeLevel;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
public class Degree extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID candidateId;
    @Enumerated(EnumType.STRING)
    public DegreeLevel level;
    public String field;
    public String institution;
    public LocalDate awardedOn;
    public boolean supervisedFieldExperience;
    public Instant recordedAt;

    DegreeEvidence evidence() {
        return new DegreeEvidence(level, field, institution, awardedOn, supervisedFieldExperience);
    }
}
