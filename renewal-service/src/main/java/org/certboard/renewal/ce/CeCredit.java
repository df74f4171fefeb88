package org.certboard.renewal.ce;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
public class CeCredit extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID certificationId;
    public String title;
    public String provider;
    public String providerId;
    public BigDecimal hours;
    public boolean ethics;
    public LocalDate completedOn;
    public Instant recordedAt;
}
