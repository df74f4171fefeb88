package org.certboard.renewal.ce;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.certboard.events.CeCategory;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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
    /** The CE categories the credit counts toward (codes of its certification's program), sorted. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] categories;
    /** Whether the categories hold ethics: what readers of the single-program era (and the old column) see. */
    public boolean ethics;
    public LocalDate completedOn;
    public Instant recordedAt;

    /**
     * The credit as logged at {@code at}, counting toward {@code categories}; whether it counts (its period, the
     * hours bound, the program's categories) the service has checked.
     */
    static CeCredit logged(UUID certificationId, NewCeCredit credit, List<String> categories, Instant at) {
        CeCredit logged = new CeCredit();
        logged.id = UUID.randomUUID();
        logged.certificationId = certificationId;
        logged.title = credit.title();
        logged.provider = credit.provider();
        logged.providerId = credit.providerId();
        logged.hours = credit.hours();
        logged.categories = categories.stream().sorted().distinct().toArray(String[]::new);
        logged.ethics = categories.contains(CeCategory.ETHICS);
        logged.completedOn = credit.completedOn();
        logged.recordedAt = at;
        return logged;
    }

    public List<String> categories() {
        return List.of(categories);
    }
}
