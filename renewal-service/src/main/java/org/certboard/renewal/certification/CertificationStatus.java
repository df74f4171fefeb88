package org.certboard.renewal.certification;

public enum CertificationStatus {
    ACTIVE, EXPIRED, LAPSED, RETIRED
}
