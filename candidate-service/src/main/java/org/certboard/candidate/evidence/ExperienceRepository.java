package org.certboard.candidate.evidence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The {@code experience} table's queries. Every method needs the caller's session (or transaction). */
@ApplicationScoped
public class ExperienceRepository implements PanacheRepositoryBase<Experience, UUID> {

    /** The jobs on one candidate's file, by start date. */
    public Uni<List<Experience>> ofCandidate(UUID candidateId) {
        return list("candidateId = ?1 order by startDate, id", candidateId);
    }
}
