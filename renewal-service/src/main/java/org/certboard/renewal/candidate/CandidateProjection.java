package org.certboard.renewal.candidate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.events.EventPayload;
import org.certboard.events.candidate.CandidateClaimed;
import org.certboard.events.candidate.CandidateRegistered;
import org.certboard.events.candidate.CandidateRegisteredV1;
import org.certboard.events.candidate.CandidateUpdated;
import org.certboard.events.candidate.CandidateUpdatedV1;
import org.certboard.events.candidate.EligibilityDecided;
import org.certboard.events.candidate.LicenceRecorded;
import org.certboard.platform.inbox.IncomingEvent;

import io.smallrye.mutiny.Uni;

/** Keeps the local view of candidates from their events (the upserts and their ordering rules: the repository). */
@ApplicationScoped
public class CandidateProjection {
    private static final String ELIGIBILITY_APPROVED = "APPROVED";
    private static final String LICENCE_PATHWAY_PREFIX = "LICENCE";

    private final CandidateRepository candidates;

    public CandidateProjection(CandidateRepository candidates) {
        this.candidates = candidates;
    }

    /**
     * Applies a poll's candidate events, in the consumer's transaction: every name told (with the account a
     * registration names) in one statement and the claims in one more, each person's newest name winning by its own
     * time as one by one; decisions and licences one by one, in order. Answers the people whose name was told.
     */
    public Uni<Set<UUID>> apply(List<IncomingEvent> events) {
        Map<UUID, NameTold> names = new LinkedHashMap<>();
        Map<UUID, String> claims = new LinkedHashMap<>();
        Uni<Void> inOrder = Uni.createFrom().voidItem();
        for (IncomingEvent event : events) {
            EventPayload data = event.data();
            if (data instanceof CandidateRegistered registered) {
                told(names, new NameTold(registered.candidateId(), registered.givenName(), registered.familyName(),
                        registered.registeredAt(), registered.subject()));
            } else if (data instanceof CandidateRegisteredV1 registered) {
                told(names, new NameTold(registered.candidateId(), registered.givenName(), registered.familyName(),
                        registered.registeredAt(), null));
            } else if (data instanceof CandidateUpdated updated) {
                told(names, new NameTold(updated.candidateId(), updated.givenName(), updated.familyName(),
                        updated.updatedAt(), null));
            } else if (data instanceof CandidateUpdatedV1 updated) {
                told(names, new NameTold(updated.candidateId(), updated.givenName(), updated.familyName(),
                        updated.updatedAt(), null));
            } else if (data instanceof CandidateClaimed claimed) {
                claims.putIfAbsent(claimed.candidateId(), claimed.subject());
            } else if (data instanceof EligibilityDecided decided) {
                inOrder = inOrder.chain(() -> onEligibilityDecided(decided));
            } else if (data instanceof LicenceRecorded licence) {
                inOrder = inOrder.chain(() -> onLicenceRecorded(licence));
            }
        }
        Uni<Void> decisionsAndLicences = inOrder;
        return candidates.rename(names.values())
                .chain(() -> candidates.linkSubjects(claims))
                .chain(() -> decisionsAndLicences)
                .replaceWith(names.keySet());
    }

    private static void told(Map<UUID, NameTold> names, NameTold name) {
        names.merge(name.candidateId(), name, NameTold::then);
    }

    /**
     * Only an approval sets the basis the certification rests on (licence-based or not, and of which licence type);
     * later reviews or denials do not change it.
     */
    private Uni<Void> onEligibilityDecided(EligibilityDecided event) {
        if (!ELIGIBILITY_APPROVED.equals(event.status())) {
            return Uni.createFrom().voidItem();
        }
        return candidates.recordBasis(event.candidateId(),
                event.pathway() != null && event.pathway().startsWith(LICENCE_PATHWAY_PREFIX), event.licenceType(),
                event.decidedAt());
    }

    /** Every licence is kept: which one counts depends on the basis, which may arrive before or after it. */
    private Uni<Void> onLicenceRecorded(LicenceRecorded event) {
        return candidates.recordLicence(event.licenceId(), event.candidateId(), event.type(),
                event.independentPractice(), event.expiresOn());
    }
}
