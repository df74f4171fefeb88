package org.certboard.renewal.credential;

import java.util.UUID;

/** A credential handed to its holder; {@code candidateId} is for the ownership check only and never leaves. */
public record IssuedCredential(UUID candidateId, String number, UUID id, String jwt) {
}
