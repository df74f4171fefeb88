package org.certboard.candidate.evidence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The {@code licence} table's queries. Every method needs the caller's session (or transaction). */
@ApplicationScoped
public class LicenceRepository implements PanacheRepositoryBase<Licence, UUID> {

    /** The licences on one candidate's file, in the order they were recorded. */
    public Uni<List<Licence>> ofCandidate(UUID candidateId) {
        return list("candidateId = ?1 order by recordedAt, id", candidateId);
    }
}
