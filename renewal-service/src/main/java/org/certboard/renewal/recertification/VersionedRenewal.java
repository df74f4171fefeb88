package org.certboard.renewal.recertification;

/** A renewal as read or just changed, with its version: the resource answers the version as the ETag. */
public record VersionedRenewal(RenewalView renewal, long version) {

    static VersionedRenewal of(Renewal renewal) {
        return new VersionedRenewal(RenewalView.of(renewal), renewal.version);
    }
}
