package org.certboard.renewal.recertification;

import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.Actor;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A renewal; for a RENEWED one {@code expiresOn} is the new expiry, for one awaiting audit the expiry it would give. */
public record RenewalView(UUID id, Renewal.Status status, Renewal.Method method, boolean late, LocalDate cycleStartedOn,
        LocalDate expiresOn, @Schema(nullable = true) String auditReason, @Schema(nullable = true) Actor auditedBy) {

    static RenewalView of(Renewal renewal) {
        return new RenewalView(renewal.id, renewal.status, renewal.method, renewal.late, renewal.cycleStartedOn,
                renewal.expiresOn, renewal.auditReason, renewal.auditedBy());
    }
}
