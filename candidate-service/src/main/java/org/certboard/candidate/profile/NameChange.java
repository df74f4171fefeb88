package org.certboard.candidate.profile;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.certboard.events.Actor;
import org.certboard.events.candidate.CandidateUpdated;
import org.certboard.events.candidate.NameChangeDecided;
import org.certboard.events.candidate.NameChangeRequested;
import org.certboard.platform.domain.Refusal;

/**
 * A change of a candidate's legal name: a request (PENDING until staff accept or reject it) or a staff correction,
 * accepted as it is made. Keeps both names, who asked and who decided. Transitions return the events to publish.
 */
@Entity
public class NameChange {
    public enum Status {
        PENDING, ACCEPTED, REJECTED
    }

    @Id
    public UUID id;
    public UUID candidateId;
    @Enumerated(EnumType.STRING)
    public Status status;
    public boolean correction;
    public String givenName;
    public String familyName;
    public String previousGivenName;
    public String previousFamilyName;
    public String reason;
    public String documentReference;
    public Instant requestedAt;
    public String requestedBySubject;
    public String requestedByRole;
    public Instant decidedAt;
    public String decidedBySubject;
    public String decidedByRole;
    public String decisionNote;
    /** The request's ETag: a decision names the request as it was read. */
    @Version
    public long version;

    public record Requested(NameChange request, NameChangeRequested event) {
    }

    /**
     * A decided change and its events: the rename (null for a rejection), then the decision. The rename comes first
     * on the topic, so a consumer that acts on the decision finds the new name already announced.
     */
    public record Decided(NameChange change, CandidateUpdated renamed, NameChangeDecided decided) {
    }

    /** A request for a new legal name; the name stays as it is until staff decide. */
    static Requested request(Candidate candidate, NameChangeRequest body, Actor requester, Instant now) {
        if (!candidate.renames(body.givenName(), body.familyName())) {
            throw Refusal.rule("Name unchanged",
                    "the requested name is the candidate's current name; nothing to change");
        }
        NameChange change = of(candidate, body.givenName(), body.familyName(), body.reason(), requester, now);
        change.documentReference = body.documentReference();
        change.status = Status.PENDING;
        return new Requested(change, new NameChangeRequested(candidate.id, change.id, now, requester));
    }

    /** Staff correct a name themselves: it applies at once and is recorded as accepted by them. */
    static Decided correct(Candidate candidate, String givenName, String familyName, Actor staff, Instant now) {
        NameChange change = of(candidate, givenName == null ? candidate.givenName : givenName,
                familyName == null ? candidate.familyName : familyName, "staff correction", staff, now);
        change.correction = true;
        change.status = Status.ACCEPTED;
        change.decidedAt = now;
        change.decidedBySubject = staff.subject();
        change.decidedByRole = staff.role();
        return new Decided(change, candidate.rename(givenName, familyName, now),
                new NameChangeDecided(candidate.id, change.id, true, true, now, staff));
    }

    /**
     * Staff accept (the candidate takes the requested name) or reject a pending request. {@code candidate} is the
     * request's own, locked by the caller.
     */
    Decided decide(Candidate candidate, boolean accept, String note, Actor staff, Instant now) {
        if (status != Status.PENDING) {
            throw Refusal.conflict("Name change not pending",
                    "name change " + id + " was " + status.name().toLowerCase() + " already");
        }
        status = accept ? Status.ACCEPTED : Status.REJECTED;
        decidedAt = now;
        decidedBySubject = staff.subject();
        decidedByRole = staff.role();
        decisionNote = note;
        return new Decided(this, accept ? candidate.rename(givenName, familyName, now) : null,
                new NameChangeDecided(candidateId, id, accept, false, now, staff));
    }

    Actor requestedBy() {
        return new Actor(requestedBySubject, requestedByRole);
    }

    Actor decidedBy() {
        return decidedBySubject == null ? null : new Actor(decidedBySubject, decidedByRole);
    }

    private static NameChange of(Candidate candidate, String givenName, String familyName, String reason,
            Actor requester, Instant now) {
        NameChange change = new NameChange();
        change.id = UUID.randomUUID();
        change.candidateId = candidate.id;
        change.givenName = givenName;
        change.familyName = familyName;
        change.previousGivenName = candidate.givenName;
        change.previousFamilyName = candidate.familyName;
        change.reason = reason;
        change.requestedAt = now;
        change.requestedBySubject = requester.subject();
        change.requestedByRole = requester.role();
        return change;
    }
}
