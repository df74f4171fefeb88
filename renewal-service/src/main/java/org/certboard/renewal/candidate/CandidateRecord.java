package org.certboard.renewal.candidate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/** What this service knows about a person, fed by candidate events; any part may still be unknown. */
@Entity
@Table(name = "candidate")
public class CandidateRecord extends PanacheEntityBase {
    @Id
    @Column(name = "candidate_id")
    public UUID candidateId;
    @Column(name = "given_name")
    public String givenName;
    @Column(name = "family_name")
    public String familyName;
    @Column(name = "name_changed_at")
    public Instant nameChangedAt;
    @Column(name = "licence_based")
    public boolean licenceBased;
    @Column(name = "eligibility_decided_at")
    public Instant eligibilityDecidedAt;
    /** The licence type the approval rested on; null when not licence-based or decided before events named it. */
    @Column(name = "licence_type")
    public String licenceType;
    @Column(name = "licence_expires_on")
    public LocalDate licenceExpiresOn;

    /**
     * The latest expiry of a licence that can carry a licence-based certification: of the type eligibility rested on
     * (any type when the decision predates {@code licenceType}) and allowing independent practice. Null when none is
     * on record. A person who recorded licences only before licences were kept one by one falls back to the latest
     * expiry of any licence, the rule of that time.
     */
    public Uni<LocalDate> qualifyingLicenceExpiresOn() {
        String sql = "select max(expires_on) from candidate_licence where candidate_id = ?1 and independent_practice"
                + (licenceType == null ? "" : " and upper(type) = upper(?2)");
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, LocalDate.class).setParameter(1, candidateId);
            if (licenceType != null) {
                query.setParameter(2, licenceType);
            }
            return query.getSingleResultOrNull();
        }).chain(latest -> latest != null ? Uni.createFrom().item(latest)
                : Panache.getSession().chain(session -> session.createNativeQuery(
                        "select count(*) from candidate_licence where candidate_id = ?1", Long.class)
                        .setParameter(1, candidateId).getSingleResult())
                        .map(kept -> kept == 0 ? licenceExpiresOn : null));
    }

    /** The public name, or null while no candidate event has told it. */
    public String fullName() {
        return givenName == null ? null : givenName + " " + familyName;
    }
}
