package org.certboard.candidate.evidence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.candidate.eligibility.Evidence;
import org.certboard.candidate.profile.CandidateRepository;
import org.certboard.events.candidate.EvidenceAdded;
import org.certboard.events.candidate.LicenceRecorded;
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
    private final EvidenceRepository entries;
    private final CandidateRepository candidates;
    private final Outbox outbox;
    private final BoardTime time;

    public EvidenceService(EvidenceRepository entries, CandidateRepository candidates, Outbox outbox, BoardTime time) {
        this.entries = entries;
        this.candidates = candidates;
        this.outbox = outbox;
        this.time = time;
    }

    public Uni<LicenceView> addLicence(UUID candidateId, NewLicence body) {
        Licence licence = new Licence();
        licence.id = UUID.randomUUID();
        licence.candidateId = candidateId;
        licence.type = body.type().trim();
        licence.number = body.number().trim();
        licence.jurisdiction = body.jurisdiction().trim();
        licence.issuedOn = body.issuedOn();
        licence.expiresOn = body.expiresOn();
        licence.independentPractice = body.independentPractice();
        licence.recordedAt = time.now();
        return Panache.withTransaction(() -> candidates.requireLocked(candidateId)
                .chain(() -> entries.persist(licence))
                .chain(() -> outbox.add(new LicenceRecorded(candidateId, licence.id, licence.type,
                        licence.jurisdiction, licence.expiresOn, licence.independentPractice))))
                .map(done -> LicenceView.of(licence));
    }

    public Uni<DegreeView> addDegree(UUID candidateId, NewDegree body) {
        Degree degree = new Degree();
        degree.id = UUID.randomUUID();
        degree.candidateId = candidateId;
        degree.level = body.level();
        degree.field = body.field().trim();
        degree.institution = body.institution().trim();
        degree.awardedOn = body.awardedOn();
        degree.supervisedFieldExperience = body.supervisedFieldExperience();
        degree.recordedAt = time.now();
        return Panache.withTransaction(() -> candidates.requireLocked(candidateId).chain(() -> entries.persist(degree))
                .chain(() -> outbox.add(new EvidenceAdded(candidateId, degree.id, EvidenceAdded.DEGREE,
                        degree.recordedAt))))
                .map(done -> DegreeView.of(degree));
    }

    public Uni<ExperienceView> addExperience(UUID candidateId, NewExperience body) {
        Experience experience = new Experience();
        experience.id = UUID.randomUUID();
        experience.candidateId = candidateId;
        experience.employer = body.employer().trim();
        experience.role = body.role();
        experience.startDate = body.startDate();
        experience.endDate = body.endDate();
        experience.hoursPerWeek = body.hoursPerWeek();
        experience.supervisedByCertifiedCaseManager = body.supervisedByCertifiedCaseManager();
        experience.selfEmployed = body.selfEmployed();
        experience.recordedAt = time.now();
        return Panache.withTransaction(() -> candidates.requireLocked(candidateId).chain(() -> entries.persist(experience))
                .chain(() -> outbox.add(new EvidenceAdded(candidateId, experience.id, EvidenceAdded.EXPERIENCE,
                        experience.recordedAt))))
                .map(done -> ExperienceView.of(experience));
    }

    /** The following reads need the caller's session. */
    public Uni<List<LicenceView>> licences(UUID candidateId) {
        return entries.licences(candidateId).map(rows -> rows.stream().map(LicenceView::of).toList());
    }

    public Uni<List<DegreeView>> degrees(UUID candidateId) {
        return entries.degrees(candidateId).map(rows -> rows.stream().map(DegreeView::of).toList());
    }

    public Uni<List<ExperienceView>> experience(UUID candidateId) {
        return entries.experience(candidateId).map(rows -> rows.stream().map(ExperienceView::of).toList());
    }

    /** The file as the rules see it; queries run one after the other because they share the caller's session. */
    public Uni<Evidence> evidence(UUID candidateId, boolean attestation) {
        return entries.licences(candidateId).chain(licences -> entries.degrees(candidateId)
                .chain(degrees -> entries.experience(candidateId)
                        .map(experience -> new Evidence(licences.stream().map(Licence::evidence).toList(),
                                degrees.stream().map(Degree::evidence).toList(),
                                experience.stream().map(Experience::evidence).toList(), attestation))));
    }

}
