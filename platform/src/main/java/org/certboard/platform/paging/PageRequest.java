package org.certboard.platform.paging;

import java.util.List;
import java.util.function.Function;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.certboard.platform.sql.NativeSelect;
import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.smallrye.mutiny.Uni;

/** {@code ?page=0&size=20}, at most 100 a page. Use as a {@code @BeanParam @Valid} parameter. */
public class PageRequest {
    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "must be 0 or more")
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(value = 1, message = "must be between 1 and 100")
    @Max(value = 100, message = "must be between 1 and 100")
    public int size;

    /** How many items the pages before this one hold. */
    public long offset() {
        return (long) page * size;
    }

    /** This page of a list that is already whole in memory (one person's records, tens of them). */
    public <T> Page<T> slice(List<T> all) {
        int from = (int) Math.min(offset(), all.size());
        return new Page<>(all.subList(from, Math.min(from + size, all.size())), page, size, all.size());
    }

    /**
     * This page of the query's results, shown through {@code view}, with the query's total. The two reads run one
     * after the other on the caller's session.
     */
    public <E, R> Uni<Page<R>> fetch(PanacheQuery<E> query, Function<E, R> view) {
        return query.page(io.quarkus.panache.common.Page.of(page, size)).list()
                .chain(items -> query.count().map(total -> new Page<>(items.stream().map(view).toList(), page, size,
                        total)));
    }

    /**
     * This page of a native SELECT, each row shown through {@code view}, with the total {@code countSql} counts;
     * {@code sql} ends with {@code limit :size offset :offset}. The two reads run one after the other on
     * {@code session}.
     */
    public <R> Uni<Page<R>> fetch(Mutiny.Session session, String sql, String countSql, Function<Object[], R> view) {
        return NativeSelect.of(session, sql, Object[].class).setParameter("size", size)
                .setParameter("offset", offset()).getResultList()
                .chain(rows -> NativeSelect.of(session, countSql, Long.class).getSingleResult()
                        .map(total -> new Page<>(rows.stream().map(view).toList(), page, size, total)));
    }
}
