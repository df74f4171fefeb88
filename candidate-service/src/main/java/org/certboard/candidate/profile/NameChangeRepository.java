package org.certboard.candidate.profile;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.certboard.platform.domain.Refusal;
import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** The name_change table's queries. Every method needs the caller's session (or transaction). */
@ApplicationScoped
public class NameChangeRepository implements PanacheRepositoryBase<NameChange, UUID> {

    /** The change, locked as asked, or a 404 problem. */
    public Uni<NameChange> require(UUID id, LockModeType lock) {
        return findById(id, lock).onItem().ifNull()
                .failWith(() -> Refusal.notFound("name change", id));
    }

    /** The candidate a change belongs to; null when there is no such change. */
    public Uni<UUID> candidateOf(UUID id) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("select candidateId from NameChange where id = :id", UUID.class)
                .setParameter("id", id).getSingleResultOrNull());
    }

    /** One candidate's changes, the latest first. */
    public Uni<Page<NameChangeView>> ofCandidate(UUID candidateId, PageRequest paging) {
        return paging.fetch(find("candidateId",
                Sort.descending("requestedAt").and("id"), candidateId), NameChangeView::of);
    }

    /** Every change in a status, the oldest first: the order staff work through pending requests. */
    public Uni<Page<NameChangeView>> inStatus(NameChange.Status status, PageRequest paging) {
        return paging.fetch(find("status", Sort.by("requestedAt").and("id"), status),
                NameChangeView::of);
    }
}
