package org.certboard.renewal.verification;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.renewal.candidate.CandidateRepository;
import org.certboard.renewal.certification.CertificationRepository;
import org.certboard.renewal.config.CertificationNaming;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** What the public may learn about a certification number, and nothing else about the person. */
@ApplicationScoped
public class VerificationService {
    private final CertificationRepository certifications;
    private final CandidateRepository candidates;
    private final String certificationName;

    public VerificationService(CertificationRepository certifications, CandidateRepository candidates,
            CertificationNaming naming) {
        this.certifications = certifications;
        this.candidates = candidates;
        this.certificationName = naming.name();
    }

    /** 404 for an unknown number; the name is null until a candidate event has told it. */
    public Uni<VerificationView> lookUp(String number) {
        return Panache.withSession(() -> certifications.byNumber(number)
                .chain(certification -> candidates.findById(certification.candidateId)
                        .map(candidate -> new VerificationView(candidate == null ? null : candidate.fullName(),
                                certificationName, certification.status, certification.firstCertifiedOn,
                                certification.expiresOn))));
    }
}
