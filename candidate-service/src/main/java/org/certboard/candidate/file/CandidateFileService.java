package org.certboard.candidate.file;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.candidate.application.ApplicationService;
import org.certboard.candidate.evidence.EvidenceService;
import org.certboard.candidate.persistence.Versioned;
import org.certboard.candidate.profile.CandidateRepository;
import org.certboard.events.ProgramCode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Assembles a candidate's whole file from the packages that own its parts: the profile, the evidence and the latest
 * applications. It sits above all three, so none of them needs to know about the others' reads.
 */
@ApplicationScoped
public class CandidateFileService {
    private final CandidateRepository candidates;
    private final EvidenceService evidence;
    private final ApplicationService applications;

    public CandidateFileService(CandidateRepository candidates, EvidenceService evidence,
            ApplicationService applications) {
        this.candidates = candidates;
        this.evidence = evidence;
        this.applications = applications;
    }

    /**
     * The file, with the candidate's version (the ETag a contact change must send back). The reads run one after the
     * other: they share one session.
     */
    public Uni<Versioned<CandidateProfile>> profile(UUID id) {
        return Panache.withSession(() -> candidates.require(id).chain(candidate -> evidence.licences(id)
                .chain(licences -> evidence.degrees(id)
                        .chain(degrees -> evidence.experience(id)
                                .chain(experience -> applications.latestPerProgram(id)
                                        .map(latest -> new Versioned<>(new CandidateProfile(candidate.id,
                                                candidate.givenName, candidate.familyName, candidate.email,
                                                candidate.dateOfBirth, candidate.registeredAt, candidate.updatedAt,
                                                candidate.emailVerified, candidate.claimedAt,
                                                candidate.nameFixedSince, licences, degrees, experience,
                                                latest.stream().filter(a -> ProgramCode.LEGACY.equals(a.program()))
                                                        .findFirst().orElse(null), latest),
                                                candidate.version)))))));
    }
}
