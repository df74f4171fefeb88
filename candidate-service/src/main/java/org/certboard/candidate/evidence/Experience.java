package org.certboard.candidate.evidence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.certboard.candidate.eligibility.ExperienceEntry;
import org.certboard.candidate.eligibility.ExperienceRole;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "experience")
public class Experience extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "candidate_id")
    public UUID candidateId;
    public String employer;
    @Enumerated(EnumType.STRING)
    public ExperienceRole role;
    @Column(name = "start_date")
    public LocalDate startDate;
    @Column(name = "end_date")
    public LocalDate endDate;
    @Column(name = "hours_per_week")
    public BigDecimal hoursPerWeek;
    @Column(name = "supervised_by_certified_case_manager")
    public boolean supervisedByCertifiedCaseManager;
    @Column(name = "self_employed")
    public boolean selfEmployed;
    @Column(name = "recorded_at")
    public Instant recordedAt;

    ExperienceEntry evidence() {
        return new ExperienceEntry(employer, role, startDate, endDate, hoursPerWeek, supervisedByCertifiedCaseManager,
                selfEmployed);
    }
}
