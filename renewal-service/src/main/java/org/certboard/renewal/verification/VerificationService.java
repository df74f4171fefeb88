package org.certboard.renewal.verification;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.platform.program.Programs;
import org.certboard.renewal.candidate.CandidateRepository;
import org.certboard.renewal.certification.CertificationRepository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** What the public may learn about a certification number, and nothing else about the person. */
@ApplicationScoped
public class VerificationService {
    private final CertificationRepository certifications;
    private final CandidateRepository candidates;
    private final Programs programs;

    public VerificationService(CertificationRepository certifications, CandidateRepository candidates,
            Programs programs) {
        this.certifications = certifications;
        this.candidates = candidates;
        this.programs = programs;
    }

    /**
     * 404 for an unknown number; the name is null until a candidate event has told it; the credential is the name of
     * the certification's program.
     */
    public Uni<VerificationView> lookUp(String number) {
        return Panache.withSession(() -> certifications.byNumber(number)
                .chain(certification -> candidates.findById(certification.candidateId)
                        .map(candidate -> new VerificationView(candidate == null ? null : candidate.fullName(),
                                programs.require(certification.program).name(), certification.status, certification.firstCertifiedOn,
                                certification.expiresOn))));
    }
}
