package org.certboard.platform.sql;

import java.util.List;

import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The one way to run a native SELECT. Hibernate Reactive 3.2 never finds a native select's plan in the query plan
 * cache: every query wraps its result mapping in a new {@code ReactiveResultSetMapping}, which has no
 * {@code equals}, so each execution adds one more plan, all of them under the hash of the same SQL. The cache
 * (2,048 plans) fills with them, evicting the HQL plans, and every lookup of that SQL walks all of them: 22 % of
 * candidate-service's CPU and 7 % of renewal-service's while they consumed an import (docs/benchmarks.md).
 * Hibernate leaves a query with a multi-valued parameter out of the cache, so each select here carries one, in a
 * common table expression the query never reads. {@code NativeSelectTest} shows both the leak and its absence here.
 * <p>
 * A select of a table names its columns: the pool prepares each statement once per connection, and PostgreSQL
 * refuses to run a prepared {@code select *} after a migration added a column to the table (renewal-service's
 * {@code CertificationColumnsTest}).
 */
public final class NativeSelect {
    private static final String OUT_OF_PLAN_CACHE =
            "with out_of_plan_cache as (select 1 where 1 in (:outOfPlanCache)) ";
    private static final List<Integer> ONE = List.of(1);

    private NativeSelect() {
    }

    /**
     * {@code sql} is a single SELECT (it may lock with FOR UPDATE, or be an INSERT ... RETURNING) with named or
     * positional parameters; one that begins with common table expressions of its own has them joined to this WITH.
     */
    public static <R> Mutiny.SelectionQuery<R> of(Mutiny.Session session, String sql, Class<R> resultType) {
        String joined = sql.startsWith("with ") ? OUT_OF_PLAN_CACHE.stripTrailing() + ",\n" + sql.substring(5)
                : OUT_OF_PLAN_CACHE + sql;
        return session.createNativeQuery(joined, resultType).setParameter("outOfPlanCache", ONE);
    }

    /** {@code n} values of the sequence (a name from the code, never from input) in one statement. */
    public static Mutiny.SelectionQuery<Long> nextValues(Mutiny.Session session, String sequence, int n) {
        return of(session, "select nextval('" + sequence + "') from generate_series(1, :n)", Long.class)
                .setParameter("n", n);
    }
}
