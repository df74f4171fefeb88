package org.certboard.renewal.ce;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The CE credits' SQL. */
@ApplicationScoped
public class CeCreditRepository implements PanacheRepositoryBase<CeCredit, UUID> {
    private static final String IN_PERIOD = "certificationId = ?1 and completedOn >= ?2 and completedOn <= ?3"
            + " order by completedOn, id";

    /** The certification's credits completed in {@code period}, by completion date. */
    public Uni<List<CeCredit>> completedBetween(UUID certificationId, CePeriod period) {
        return list(IN_PERIOD, certificationId, period.from(), period.until());
    }

    public Uni<Page<CeCreditView>> page(UUID certificationId, CePeriod period, PageRequest paging) {
        return paging.fetch(find(IN_PERIOD, certificationId, period.from(), period.until()),
                CeCreditView::of);
    }
}
