package org.certboard.renewal.recertification;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Staff's verdict on an audited renewal's CE evidence; a rejection needs a reason. */
public record AuditDecision(@NotNull Boolean accepted, @Size(max = 2000) String reason) {
}
