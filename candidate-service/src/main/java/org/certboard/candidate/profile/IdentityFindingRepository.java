package org.certboard.candidate.profile;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** The identity_finding table's queries. Every method needs the caller's session (or transaction). */
@ApplicationScoped
public class IdentityFindingRepository implements PanacheRepositoryBase<IdentityFinding, UUID> {

    public Uni<Void> add(UUID candidateId, String kind, Instant at, String detail) {
        return persist(IdentityFinding.of(candidateId, kind, at, detail)).replaceWithVoid();
    }

    /** Removes the candidate's findings of a kind that no longer holds (an address the account now confirmed). */
    public Uni<Void> clear(UUID candidateId, String kind) {
        return delete("candidateId = ?1 and kind = ?2", candidateId, kind).replaceWithVoid();
    }

    /** Oldest first. */
    public Uni<Page<IdentityFinding.View>> page(PageRequest paging) {
        return paging.fetch(findAll(Sort.by("at").and("id")),
                IdentityFinding.View::of);
    }
}
