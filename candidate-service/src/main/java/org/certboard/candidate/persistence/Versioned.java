package org.certboard.candidate.persistence;

import org.certboard.platform.http.Preconditions;

/** A value read together with the version of the row it shows: what its ETag names. */
public record Versioned<T>(T value, long version) {

    public String etag() {
        return Preconditions.etag(version);
    }
}
