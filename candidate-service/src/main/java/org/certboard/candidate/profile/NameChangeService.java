package org.certboard.candidate.profile;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.certboard.candidate.persistence.UniqueViolations;
import org.certboard.candidate.persistence.Versioned;
import org.certboard.events.Actor;
import org.certboard.platform.clock.BoardTime;
import org.certboard.platform.domain.Refusal;
import org.certboard.platform.http.Preconditions;
import org.certboard.platform.outbox.Outbox;
import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Name-change requests: filed for a candidate, decided by staff. The transitions are {@link NameChange}'s; this class
 * locks (the candidate first, like every write that announces an event about them), persists and publishes.
 */
@ApplicationScoped
public class NameChangeService {
    private static final String OPEN_INDEX = "name_change_open";

    private final NameChangeRepository changes;
    private final CandidateRepository candidates;
    private final Outbox outbox;
    private final BoardTime time;

    public NameChangeService(NameChangeRepository changes, CandidateRepository candidates, Outbox outbox,
            BoardTime time) {
        this.changes = changes;
        this.candidates = candidates;
        this.outbox = outbox;
        this.time = time;
    }

    /** A PENDING request; the candidate's name stays as it is until staff decide. One open request at a time. */
    public Uni<Versioned<NameChangeView>> request(UUID candidateId, NameChangeRequest body, Actor requester) {
        return UniqueViolations.asConflict(Panache.withTransaction(() -> candidates.requireLocked(candidateId)
                .chain(candidate -> {
                    NameChange.Requested requested = NameChange.request(candidate, body, requester, time.now());
                    return changes.persist(requested.request()).call(() -> outbox.add(requested.event()));
                })), OPEN_INDEX, () -> Refusal.conflict("Name change already pending", "candidate "
                        + candidateId + " has a name change waiting for staff; it must be decided first"))
                .map(NameChangeService::versioned);
    }

    /**
     * Staff accept or reject a pending request, if {@code ifMatch} names it as it is now. An accepted request renames
     * the candidate: {@code CandidateUpdated} with the new name, then {@code NameChangeDecided}.
     */
    public Uni<Versioned<NameChangeView>> decide(UUID id, NameChangeDecision body, Actor staff, String ifMatch) {
        return Panache.withTransaction(() -> changes.candidateOf(id)
                .chain(candidateId -> candidateId == null ? Uni.createFrom().nullItem()
                        : candidates.lock(candidateId))
                .chain(candidate -> changes.require(id, LockModeType.PESSIMISTIC_WRITE)
                        .invoke(change -> Preconditions.requireIfMatch(ifMatch, change.version))
                        .call(change -> {
                            NameChange.Decided decided = change.decide(candidate,
                                    body.decision() == NameChangeDecision.Choice.ACCEPT, body.note(), staff,
                                    time.now());
                            return (decided.renamed() == null ? Uni.createFrom().voidItem()
                                    : outbox.add(decided.renamed())).chain(() -> outbox.add(decided.decided()));
                        })))
                // read after the commit, whose flush bumped the version
                .map(NameChangeService::versioned);
    }

    public Uni<Versioned<NameChangeView>> get(UUID id) {
        return Panache.withSession(() -> changes.require(id, LockModeType.NONE)).map(NameChangeService::versioned);
    }

    /** The candidate a change belongs to (null when there is no such change); needs the caller's session. */
    public Uni<UUID> candidateOf(UUID id) {
        return changes.candidateOf(id);
    }

    public Uni<Page<NameChangeView>> ofCandidate(UUID candidateId, PageRequest paging) {
        return Panache.withSession(() -> candidates.require(candidateId)
                .chain(() -> changes.ofCandidate(candidateId, paging)));
    }

    public Uni<Page<NameChangeView>> inStatus(NameChange.Status status, PageRequest paging) {
        return Panache.withSession(() -> changes.inStatus(status, paging));
    }

    private static Versioned<NameChangeView> versioned(NameChange change) {
        return new Versioned<>(NameChangeView.of(change), change.version);
    }
}
