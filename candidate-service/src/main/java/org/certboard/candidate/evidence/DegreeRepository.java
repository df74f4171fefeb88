package org.certboard.candidate.evidence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The {@code degree} table's queries. Every method needs the caller's session (or transaction). */
@ApplicationScoped
public class DegreeRepository implements PanacheRepositoryBase<Degree, UUID> {

    /** The degrees on one candidate's file, in the order they were recorded. */
    public Uni<List<Degree>> ofCandidate(UUID candidateId) {
        return list("candidateId = ?1 order by recordedAt, id", candidateId);
    }
}
