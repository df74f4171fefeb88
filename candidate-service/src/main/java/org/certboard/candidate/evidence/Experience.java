package org.certboard.candidate.evidence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.certboard.candidate.eligibility.ExperienceEntry;
import org.certboard.candidate.eligibility.ExperienceRole;
import org.certboard.events.candidate.EvidenceAdded;

/** One job (or client firm) on a candidate's file, as recorded; its queries are {@link ExperienceRepository}'s. */
@Entity
public class Experience {
    @Id
    public UUID id;
    public UUID candidateId;
    public String employer;
    @Enumerated(EnumType.STRING)
    public ExperienceRole role;
    public LocalDate startDate;
    public LocalDate endDate;
    public BigDecimal hoursPerWeek;
    public boolean supervisedByCertifiedCaseManager;
    public boolean selfEmployed;
    public Instant recordedAt;

    /** The job as given, the employer's name trimmed. */
    static Experience record(UUID candidateId, NewExperience body, Instant now) {
        Experience experience = new Experience();
        experience.id = UUID.randomUUID();
        experience.candidateId = candidateId;
        experience.employer = body.employer().trim();
        experience.role = body.role();
        experience.startDate = body.startDate();
        experience.endDate = body.endDate();
        experience.hoursPerWeek = body.hoursPerWeek();
        experience.supervisedByCertifiedCaseManager = body.supervisedByCertifiedCaseManager();
        experience.selfEmployed = body.selfEmployed();
        experience.recordedAt = now;
        return experience;
    }

    EvidenceAdded added() {
        return new EvidenceAdded(candidateId, id, EvidenceAdded.EXPERIENCE, recordedAt);
    }

    ExperienceEntry evidence() {
        return new ExperienceEntry(employer, role, startDate, endDate, hoursPerWeek, supervisedByCertifiedCaseManager,
                selfEmployed);
    }
}
