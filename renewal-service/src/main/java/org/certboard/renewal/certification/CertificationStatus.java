package org.certboard.renewal.certification;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CertificationStatus")
public enum CertificationStatus {
    ACTIVE, EXPIRED, LAPSED, RETIRED
}
