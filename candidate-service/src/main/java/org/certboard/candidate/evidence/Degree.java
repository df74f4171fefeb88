package org.certboard.candidate.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.certboard.candidate.eligibility.DegreeEvidence;
import org.certboard.candidate.eligibility.DegreeLevel;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "degree")
public class Degree extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "candidate_id")
    public UUID candidateId;
    @Enumerated(EnumType.STRING)
    public DegreeLevel level;
    public String field;
    public String institution;
    @Column(name = "awarded_on")
    public LocalDate awardedOn;
    @Column(name = "supervised_field_experience")
    public boolean supervisedFieldExperience;
    @Column(name = "recorded_at")
    public Instant recordedAt;

    DegreeEvidence evidence() {
        return new DegreeEvidence(level, field, institution, awardedOn, supervisedFieldExperience);
    }
}
