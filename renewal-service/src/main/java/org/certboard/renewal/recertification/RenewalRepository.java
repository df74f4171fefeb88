package org.certboard.renewal.recertification;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.platform.problem.ProblemException;
import org.certboard.renewal.certification.Certification;
import org.certboard.renewal.certification.PendingAudits;

import io.smallrye.mutiny.Uni;

/** The renewals' SQL. */
@ApplicationScoped
public class RenewalRepository implements PendingAudits {

    /** The certification's renewal {@code id}; 404 when there is none, or it belongs to another certification. */
    public Uni<Renewal> of(Certification certification, UUID id) {
        return Renewal.<Renewal>findById(id).invoke(renewal -> {
            if (renewal == null || !renewal.certificationId.equals(certification.id)) {
                throw ProblemException.notFound("renewal", id);
            }
        });
    }

    /** The renewal awaiting its CE audit (at most one: {@code renewal_one_pending_audit}), or null. */
    public Uni<Renewal> awaitingAudit(Certification certification) {
        return Renewal.<Renewal>find("certificationId = ?1 and status = ?2", certification.id,
                Renewal.Status.PENDING_AUDIT).firstResult();
    }

    @Override
    public Uni<Boolean> awaitingAudit(UUID certificationId) {
        return Renewal.count("certificationId = ?1 and status = ?2", certificationId, Renewal.Status.PENDING_AUDIT)
                .map(pending -> pending > 0);
    }

    public Uni<Renewal> persist(Renewal renewal) {
        return renewal.persist();
    }
}
