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
import org.certboard.events.candidate.EvidenceAdded;

/** A degree on a candidate's file, as recorded; its queries are {@link DegreeRepository}'s. */
@Entity
public class Degree {
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

    /** The degree as given, its words trimmed. */
    static Degree record(UUID candidateId, NewDegree body, Instant now) {
        Degree degree = new Degree();
        degree.id = UUID.randomUUID();
        degree.candidateId = candidateId;
        degree.level = body.level();
        degree.field = body.field().trim();
        degree.institution = body.institution().trim();
        degree.awardedOn = body.awardedOn();
        degree.supervisedFieldExperience = body.supervisedFieldExperience();
        degree.recordedAt = now;
        return degree;
    }

    EvidenceAdded added() {
        return new EvidenceAdded(candidateId, id, EvidenceAdded.DEGREE, recordedAt);
    }

    DegreeEvidence evidence() {
        return new DegreeEvidence(level, field, institution, awardedOn, supervisedFieldExperience);
    }
}
