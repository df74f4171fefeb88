package org.certboard.candidate.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.certboard.events.Actor;
import org.certboard.events.candidate.CandidateClaimed;
import org.certboard.events.candidate.CandidateRegistered;
import org.certboard.events.candidate.CandidateUpdated;

/**
 * A person on the board's register: identity and contact. Every other record of the service (evidence, applications,
 * timeline) refers to a candidate by id; its queries are {@link CandidateRepository}'s.
 */
@Entity
public class Candidate {
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
    /** The address is the one the provider verified for the bound account (or staff gave, for a paper applicant). */
    public boolean emailVerified;
    /** When the account whose verified address a paper applicant's profile carries claimed it; null otherwise. */
    public Instant claimedAt;
    /** From when the board relies on the legal name; after it a candidate changes it only through staff. */
    public Instant nameFixedSince;
    /** Bumped by every change of these fields; the candidate's ETag (If-Match on a contact change). */
    @Version
    public long version;

    /** A registration and the event that announces it. */
    public record Registered(Candidate candidate, CandidateRegistered event) {
    }

    /**
     * A person registering binds the profile to their account (one per account), with the address the provider
     * verified for it; staff registering a paper applicant leave it unbound, keep the address they give and are
     * recorded as the registrant. Whether the registrant acts as the person or as staff is the caller's rule.
     */
    static Registered register(NewCandidate body, Actor registrant, boolean asPerson, Instant now) {
        Candidate candidate = new Candidate();
        candidate.id = UUID.randomUUID();
        candidate.givenName = body.givenName();
        candidate.familyName = body.familyName();
        candidate.email = body.email();
        candidate.dateOfBirth = body.dateOfBirth();
        candidate.registeredAt = now;
        candidate.updatedAt = now;
        if (asPerson) {
            candidate.subject = registrant.subject();
            candidate.emailVerified = true;
        } else {
            candidate.registeredBySubject = registrant.subject();
            candidate.registeredByRole = registrant.role();
        }
        return new Registered(candidate, new CandidateRegistered(candidate.id, candidate.subject, candidate.givenName,
                candidate.familyName, candidate.registeredAt));
    }

    /**
     * The account whose provider verified this paper applicant's address takes the profile over: it is bound from
     * now on, exactly as if the person had registered it. Refused (null) for a profile already bound.
     */
    CandidateClaimed claim(String accountSubject, Instant now) {
        if (subject != null) {
            return null;
        }
        subject = accountSubject;
        emailVerified = true;
        claimedAt = now;
        updatedAt = now;
        return new CandidateClaimed(id, subject, now);
    }

    /**
     * The profile follows its account's verified address; {@code free} says whether no other profile the board
     * vouches for holds it. When another does, the profile keeps its address, unconfirmed, for staff to look at.
     * Whether anything changed.
     */
    boolean followAccountEmail(String verified, boolean free, Instant now) {
        if (free && (!verified.equals(email) || !emailVerified)) {
            email = verified;
            emailVerified = true;
            updatedAt = now;
            return true;
        }
        if (!free && emailVerified) {
            emailVerified = false;
            return true;
        }
        return false;
    }

    /** Staff change a paper applicant's address; a bound profile's follows its account. */
    void changeEmail(String newEmail, Instant now) {
        if (!newEmail.equals(email)) {
            email = newEmail;
            updatedAt = now;
        }
    }

    boolean renames(String newGivenName, String newFamilyName) {
        return !Objects.equals(newGivenName == null ? givenName : newGivenName, givenName)
                || !Objects.equals(newFamilyName == null ? familyName : newFamilyName, familyName);
    }

    /** A new legal name (null keeps that part); the event that carries it, or null when it is the same name. */
    CandidateUpdated rename(String newGivenName, String newFamilyName, Instant now) {
        if (!renames(newGivenName, newFamilyName)) {
            return null;
        }
        givenName = newGivenName == null ? givenName : newGivenName;
        familyName = newFamilyName == null ? familyName : newFamilyName;
        updatedAt = now;
        return new CandidateUpdated(id, givenName, familyName, updatedAt);
    }
}
