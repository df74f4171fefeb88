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

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
public class Experience extends PanacheEntityBase {
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

    ExperienceEntry evidence() {
        return new ExperienceEntry(employer, role, startDate, endDate, hoursPerWeek, supervisedByCertifiedCaseManager,
                selfEmployed);
    }
}
