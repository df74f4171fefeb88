package org.certboard.renewal.candidate;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.events.candidate.CandidateClaimed;
import org.certboard.events.candidate.CandidateRegistered;
import org.certboard.events.candidate.CandidateRegisteredV1;
import org.certboard.events.candidate.CandidateUpdated;
import org.certboard.events.candidate.CandidateUpdatedV1;
import org.certboard.events.candidate.EligibilityDecided;
import org.certboard.events.candidate.LicenceRecorded;

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

    /** The name, and the account a candidate's token is checked against; v1 events (before accounts) have none. */
    public Uni<Void> onRegistered(CandidateRegistered event) {
        return candidates.rename(event.candidateId(), event.givenName(), event.familyName(), event.registeredAt())
                .call(() -> event.subject() == null ? Uni.createFrom().voidItem()
                        : candidates.linkSubject(event.candidateId(), event.subject()));
    }

    /** A paper applicant's profile claimed by the person's account: their token reaches it from now on. */
    public Uni<Void> onClaimed(CandidateClaimed event) {
        return candidates.linkSubject(event.candidateId(), event.subject());
    }

    public Uni<Void> onRegistered(CandidateRegisteredV1 event) {
        return candidates.rename(event.candidateId(), event.givenName(), event.familyName(), event.registeredAt());
    }

    public Uni<Void> onUpdated(CandidateUpdated event) {
        return candidates.rename(event.candidateId(), event.givenName(), event.familyName(), event.updatedAt());
    }

    public Uni<Void> onUpdated(CandidateUpdatedV1 event) {
        return candidates.rename(event.candidateId(), event.givenName(), event.familyName(), event.updatedAt());
    }

    /**
     * Only an approval sets the basis the certification rests on (licence-based or not, and of which licence type);
     * later reviews or denials do not change it.
     */
    public Uni<Void> onEligibilityDecided(EligibilityDecided event) {
        if (!ELIGIBILITY_APPROVED.equals(event.status())) {
            return Uni.createFrom().voidItem();
        }
        return candidates.recordBasis(event.candidateId(),
                event.pathway() != null && event.pathway().startsWith(LICENCE_PATHWAY_PREFIX), event.licenceType(),
                event.decidedAt());
    }

    /** Every licence is kept: which one counts depends on the basis, which may arrive before or after it. */
    public Uni<Void> onLicenceRecorded(LicenceRecorded event) {
        return candidates.recordLicence(event.licenceId(), event.candidateId(), event.type(),
                event.independentPractice(), event.expiresOn());
    }
}
