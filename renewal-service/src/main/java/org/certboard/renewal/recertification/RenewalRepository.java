package org.certboard.renewal.recertification;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.platform.domain.Refusal;
import org.certboard.renewal.certification.Certification;
import org.certboard.renewal.certification.PendingAudits;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The renewals' SQL. */
@ApplicationScoped
public class RenewalRepository implements PanacheRepositoryBase<Renewal, UUID>, PendingAudits {

    /** The certification's renewal {@code id}; 404 when there is none, or it belongs to another certification. */
    public Uni<Renewal> of(Certification certification, UUID id) {
        return findById(id).invoke(renewal -> {
            if (renewal == null || !renewal.certificationId.equals(certification.id)) {
                throw Refusal.notFound("renewal", id);
            }
        });
    }

    /** The renewal awaiting its CE audit (at most one: {@code renewal_one_pending_audit}), or null. */
    public Uni<Renewal> pendingAudit(Certification certification) {
        return find("certificationId = ?1 and status = ?2", certification.id, Renewal.Status.PENDING_AUDIT)
                .firstResult();
    }

    @Override
    public Uni<Boolean> hasPendingAudit(UUID certificationId) {
        return count("certificationId = ?1 and status = ?2", certificationId, Renewal.Status.PENDING_AUDIT)
                .map(pending -> pending > 0);
    }
}
