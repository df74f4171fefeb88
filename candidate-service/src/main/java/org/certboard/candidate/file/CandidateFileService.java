package org.certboard.candidate.file;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.candidate.application.ApplicationRepository;
import org.certboard.candidate.evidence.DegreeRepository;
import org.certboard.candidate.evidence.ExperienceRepository;
import org.certboard.candidate.evidence.LicenceRepository;
import org.certboard.candidate.persistence.Versioned;
import org.certboard.candidate.profile.CandidateRepository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Assembles a candidate's whole file from the packages that own its parts: the profile, the evidence and the latest
 * applications. It sits above all three, so none of them needs to know about the others' reads.
 * <p>
 * The file changes nothing, so each part's repository reads it through the reactive SQL client straight into its
 * view, all on one connection, rather than through a Hibernate session: the session's persistence context, entity
 * snapshots and auto-flush before each query were two fifths of the service's CPU per read (docs/benchmarks.md, "The
 * candidate file without a session").
 */
@ApplicationScoped
public class CandidateFileService {
    private final Pool pool;
    private final CandidateRepository candidates;
    private final LicenceRepository licences;
    private final DegreeRepository degrees;
    private final ExperienceRepository experience;
    private final ApplicationRepository applications;

    public CandidateFileService(Pool pool, CandidateRepository candidates, LicenceRepository licences,
            DegreeRepository degrees, ExperienceRepository experience, ApplicationRepository applications) {
        this.pool = pool;
        this.candidates = candidates;
        this.licences = licences;
        this.degrees = degrees;
        this.experience = experience;
        this.applications = applications;
    }

    /** The file, with the candidate's version (the ETag a contact change must send back). */
    public Uni<Versioned<CandidateProfile>> profile(UUID id) {
        return pool.withConnection(sql -> candidates.view(sql, id).chain(candidate -> licences.viewsOf(sql, id)
                .chain(licenceViews -> degrees.viewsOf(sql, id)
                        .chain(degreeViews -> experience.viewsOf(sql, id)
                                .chain(jobs -> applications.latestPerProgram(sql, id)
                                        .map(latest -> new Versioned<>(CandidateProfile.of(candidate.value(),
                                                licenceViews, degreeViews, jobs, latest), candidate.version())))))));
    }
}
