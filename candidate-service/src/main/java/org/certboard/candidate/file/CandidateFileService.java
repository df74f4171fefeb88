package org.certboard.candidate.file;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.candidate.application.ApplicationService;
import org.certboard.candidate.evidence.EvidenceService;
import org.certboard.candidate.persistence.Versioned;
import org.certboard.candidate.profile.CandidateRepository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Assembles a candidate's whole file from the packages that own its parts: the profile, the evidence and the latest
 * applications. It sits above all three, so none of them needs to know about the others' reads.
 * <p>
 * The file changes nothing, so each part is read through the reactive SQL client straight into its view, on one
 * connection, rather than through a Hibernate session: the session's persistence context, entity snapshots and
 * auto-flush before each query were two fifths of the service's CPU per read (docs/benchmarks.md, "The candidate
 * file without a session").
 */
@ApplicationScoped
public class CandidateFileService {
    private final Pool pool;
    private final CandidateRepository candidates;
    private final EvidenceService evidence;
    private final ApplicationService applications;

    public CandidateFileService(Pool pool, CandidateRepository candidates, EvidenceService evidence,
            ApplicationService applications) {
        this.pool = pool;
        this.candidates = candidates;
        this.evidence = evidence;
        this.applications = applications;
    }

    /** The file, with the candidate's version (the ETag a contact change must send back). */
    public Uni<Versioned<CandidateProfile>> profile(UUID id) {
        return pool.withConnection(sql -> candidates.view(sql, id).chain(candidate -> evidence.licences(sql, id)
                .chain(licences -> evidence.degrees(sql, id)
                        .chain(degrees -> evidence.experience(sql, id)
                                .chain(experience -> applications.latestPerProgram(sql, id)
                                        .map(latest -> new Versioned<>(CandidateProfile.of(candidate.value(),
                                                licences, degrees, experience, latest), candidate.version())))))));
    }
}
