package org.certboard.renewal.certification;

import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * Whether a certification has a renewal awaiting its CE audit. Owned here, implemented by the renewals' repository,
 * so that retirement can ask without this package depending on the one above it.
 */
public interface PendingAudits {
    Uni<Boolean> hasPendingAudit(UUID certificationId);
}
