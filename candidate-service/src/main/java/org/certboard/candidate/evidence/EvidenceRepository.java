package org.certboard.candidate.evidence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/** The evidence tables' queries (licences, degrees, experience of one file). Needs the caller's session. */
@ApplicationScoped
public class EvidenceRepository {

    public <E extends PanacheEntityBase> Uni<E> persist(E entry) {
        return entry.persist();
    }

    public Uni<List<Licence>> licences(UUID candidateId) {
        return Licence.list("candidateId = ?1 order by recordedAt, id", candidateId);
    }

    public Uni<List<Degree>> degrees(UUID candidateId) {
        return Degree.list("candidateId = ?1 order by recordedAt, id", candidateId);
    }

    public Uni<List<Experience>> experience(UUID candidateId) {
        return Experience.list("candidateId = ?1 order by startDate, id", candidateId);
    }
}
