package org.certboard.candidate.evidence;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.candidate.eligibility.Evidence;
import org.certboard.candidate.profile.CandidateRepository;
import org.certboard.platform.clock.BoardTime;
import org.certboard.platform.outbox.Outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Records the evidence on a candidate's file and reads it back, for the profile and for eligibility decisions. Writes
 * lock the candidate row, like a submission: one candidate's events reach the outbox in commit order, and the file
 * does not change while a submission is deciding it.
 */
@ApplicationScoped
public class EvidenceService {
    private final LicenceRepository licences;
    private final DegreeRepository degrees;
    private final ExperienceRepository experience;
    private final CandidateRepository candidates;
    private final Outbox outbox;
    private final BoardTime time;

    public EvidenceService(LicenceRepository licences, DegreeRepository degrees, ExperienceRepository experience,
            CandidateRepository candidates, Outbox outbox, BoardTime time) {
        this.licences = licences;
        this.degrees = degrees;
        this.experience = experience;
        this.candidates = candidates;
        this.outbox = outbox;
        this.time = time;
    }

    public Uni<LicenceView> addLicence(UUID candidateId, NewLicence body) {
        Licence licence = Licence.record(candidateId, body, time.now());
        return Panache.withTransaction(() -> candidates.requireLocked(candidateId)
                .chain(() -> licences.persist(licence))
                .chain(() -> outbox.add(licence.recorded())))
                .map(done -> LicenceView.of(licence));
    }

    public Uni<DegreeView> addDegree(UUID candidateId, NewDegree body) {
        Degree degree = Degree.record(candidateId, body, time.now());
        return Panache.withTransaction(() -> candidates.requireLocked(candidateId)
                .chain(() -> degrees.persist(degree))
                .chain(() -> outbox.add(degree.added())))
                .map(done -> DegreeView.of(degree));
    }

    public Uni<ExperienceView> addExperience(UUID candidateId, NewExperience body) {
        Experience job = Experience.record(candidateId, body, time.now());
        return Panache.withTransaction(() -> candidates.requireLocked(candidateId)
                .chain(() -> experience.persist(job))
                .chain(() -> outbox.add(job.added())))
                .map(done -> ExperienceView.of(job));
    }

    /** The file as the rules see it; queries run one after the other because they share the caller's session. */
    public Uni<Evidence> evidence(UUID candidateId, boolean attestation) {
        return licences.ofCandidate(candidateId).chain(licenceRows -> degrees.ofCandidate(candidateId)
                .chain(degreeRows -> experience.ofCandidate(candidateId)
                        .map(jobs -> new Evidence(licenceRows.stream().map(Licence::evidence).toList(),
                                degreeRows.stream().map(Degree::evidence).toList(),
                                jobs.stream().map(Experience::evidence).toList(), attestation))));
    }

}
