package org.certboard.renewal.ce;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A continuing-education credit logged toward a certification's renewal; fixed once logged. */
@Entity
public class CeCredit {
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

    /** The credit as logged at {@code at}; whether it counts (its period, the hours bound) the service has checked. */
    static CeCredit logged(UUID certificationId, NewCeCredit credit, Instant at) {
        CeCredit logged = new CeCredit();
        logged.id = UUID.randomUUID();
        logged.certificationId = certificationId;
        logged.title = credit.title();
        logged.provider = credit.provider();
        logged.providerId = credit.providerId();
        logged.hours = credit.hours();
        logged.ethics = credit.ethics();
        logged.completedOn = credit.completedOn();
        logged.recordedAt = at;
        return logged;
    }
}
