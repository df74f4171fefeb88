package org.certboard.renewal.ce;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

@Entity
@Table(name = "ce_credit")
public class CeCredit extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "certification_id")
    public UUID certificationId;
    public String title;
    public String provider;
    public BigDecimal hours;
    public boolean ethics;
    @Column(name = "completed_on")
    public LocalDate completedOn;
    @Column(name = "recorded_at")
    public Instant recordedAt;

    public static Uni<List<CeCredit>> completedBetween(UUID certificationId, CePeriod period) {
        return list("certificationId = ?1 and completedOn >= ?2 and completedOn <= ?3 order by completedOn, id",
                certificationId, period.from(), period.until());
    }
}
