package org.certboard.candidate.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.certboard.events.Actor;
import org.certboard.events.candidate.CandidateRegistered;
import org.certboard.events.candidate.CandidateUpdated;
import org.certboard.platform.security.Roles;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A person on the board's register: identity and contact. Every other record of the service (evidence, applications,
 * timeline) refers to a candidate by id; its queries are {@link CandidateRepository}'s.
 */
@Entity
public class Candidate extends PanacheEntityBase {
    @Id
    public UUID id;
    public String givenName;
    public String familyName;
    public String email;
    public LocalDate dateOfBirth;
    public Instant registeredAt;
    public Instant updatedAt;
    /** The person's identity at the board's OpenID provider; null for a paper applicant staff registered. */
    public String subject;
    public String registeredBySubject;
    public String registeredByRole;
    /** Bumped by every change of these fields; the candidate's ETag (If-Match on a contact change). */
    @Version
    public long version;

    /** A registration and the event that announces it. */
    public record Registered(Candidate candidate, CandidateRegistered event) {
    }

    /**
     * A candidate registering binds the profile to their account (one per account); staff registering a paper
     * applicant leave it unbound and are recorded as the registrant.
     */
    static Registered register(NewCandidate body, Actor registrant, Instant now) {
        Candidate candidate = new Candidate();
        candidate.id = UUID.randomUUID();
        candidate.givenName = body.givenName();
        candidate.familyName = body.familyName();
        candidate.email = body.email();
        candidate.dateOfBirth = body.dateOfBirth();
        candidate.registeredAt = now;
        candidate.updatedAt = now;
        if (Roles.CANDIDATE.equals(registrant.role())) {
            candidate.subject = registrant.subject();
        } else {
            candidate.registeredBySubject = registrant.subject();
            candidate.registeredByRole = registrant.role();
        }
        return new Registered(candidate, new CandidateRegistered(candidate.id, candidate.subject, candidate.givenName,
                candidate.familyName, candidate.registeredAt));
    }

    /**
     * Applies validated contact changes (keys of {@link CandidateService#CONTACT_FIELDS}); the event to announce, or
     * null when nothing actually changed (a no-op patch announces nothing and keeps {@code updatedAt}).
     */
    CandidateUpdated changeContact(Map<String, String> changes, Instant now) {
        boolean changed = false;
        if (changes.containsKey("givenName") && !changes.get("givenName").equals(givenName)) {
            givenName = changes.get("givenName");
            changed = true;
        }
        if (changes.containsKey("familyName") && !changes.get("familyName").equals(familyName)) {
            familyName = changes.get("familyName");
            changed = true;
        }
        if (changes.containsKey("email") && !changes.get("email").equals(email)) {
            email = changes.get("email");
            changed = true;
        }
        if (!changed) {
            return null;
        }
        updatedAt = now;
        return new CandidateUpdated(id, givenName, familyName, updatedAt);
    }
}
