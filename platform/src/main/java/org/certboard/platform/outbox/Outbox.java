package org.certboard.platform.outbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.events.EventCodec;
import org.certboard.events.EventPayload;
import org.certboard.events.EventType;
import org.certboard.platform.tracing.TraceParent;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one way an event leaves a service: {@link #add} writes it to the outbox inside the caller's transaction, or
 * {@link #writeWith} in the one statement of the change, so the event exists exactly when the change that caused it
 * committed. {@link OutboxRelay} publishes it afterwards; the row id becomes the CloudEvents id, the consumers'
 * dedupe key.
 */
@ApplicationScoped
public class Outbox {
    // the one insert both ways share: the columns travel as arrays and unnest() turns them back into rows
    private static final String COLUMNS =
            "id, topic, event_key, type, source, subject, occurred_at, payload, traceparent";
    private static final String SELECTED =
            "id, topic, event_key, type, source, event_key, cast(%s as timestamptz), payload, traceparent";
    private static final String ARRAYS = "cast(%s as uuid[]), cast(%s as text[]), cast(%s as text[]), "
            + "cast(%s as text[]), cast(%s as text[]), cast(%s as text[]), cast(%s as text[])";
    // %s: an extra column (the row an event announces) and a condition on the rows, or nothing
    private static final String ROWS =
            "with ordinality as t(id, topic, event_key, type, source, payload, traceparent%s, position)%s order by position";
    // a session's insert is the same text each time: built once, not on every write
    private static final String SESSION_INSERT = "insert into outbox_event (" + COLUMNS + ") select "
            + SELECTED.formatted(":occurredAt") + " from unnest(" + ARRAYS.formatted(":ids", ":topics", ":keys",
                    ":types", ":sources", ":payloads", ":traceparents") + ") " + ROWS.formatted("", "");

    private final Clock clock;

    public Outbox(Clock clock) {
        this.clock = clock;
    }

    /** An event with the trace it continues (the incoming event that caused it); null for none. */
    public record Traced(EventPayload event, String traceparent) {
    }

    /** Adds the event to the current transaction; fails when there is none, rather than publish outside it. */
    public Uni<Void> add(EventPayload event) {
        return addAll(List.of(event));
    }

    /** As {@link #addTraced}, every event continuing the current trace. */
    public Uni<Void> addAll(List<? extends EventPayload> events) {
        String traceparent = TraceParent.current().orElse(null);
        return addTraced(events.stream().map(event -> new Traced(event, traceparent)).toList());
    }

    /** Adds the events, in this order, with one statement whatever their number (a bulk import writes thousands). */
    public Uni<Void> addTraced(List<Traced> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Columns columns = Columns.of(events);
        return Panache.currentTransaction()
                .invoke(tx -> {
                    if (tx == null) {
                        throw new IllegalStateException(
                                "the outbox must be written inside the transaction of the change it announces");
                    }
                })
                .chain(Panache::getSession)
                .chain(session -> session.createNativeQuery(SESSION_INSERT)
                        .setParameter("occurredAt", clock.instant())
                        .setParameter("ids", columns.ids()).setParameter("topics", columns.topics())
                        .setParameter("keys", columns.keys()).setParameter("types", columns.types())
                        .setParameter("sources", columns.sources()).setParameter("payloads", columns.payloads())
                        .setParameter("traceparents", columns.traceparents())
                        .executeUpdate())
                .invoke(OutboxWakeUp::wrote)
                .replaceWithVoid();
    }

    /**
     * A change that is one data-modifying statement ({@code insert}, {@code update}), with the parameters it binds from
     * {@code $1} on. {@code before}, when not null, are common table expressions the change reads ({@code "claimed as
     * (update … returning id)"}): a data-modifying one may stand only at the statement's top level, beside the change.
     */
    public record Change(String before, String sql, Tuple parameters) {
        public Change(String sql, Tuple parameters) {
            this(null, sql, parameters);
        }
    }

    /**
     * Writes the change and the events it causes as one statement on the SQL client, outside any session: a
     * statement is a transaction of its own, so the events exist exactly when the change committed. One round trip
     * where a session's transaction takes four (BEGIN, the change, the outbox, COMMIT), and none of the session's
     * work. When the change fails (a unique index), nothing is written and the failure is the driver's.
     */
    public Uni<Void> writeWith(SqlClient sql, Change change, List<? extends EventPayload> events) {
        String traceparent = TraceParent.current().orElse(null);
        return write(sql, change, events.stream().map(event -> new Traced(event, traceparent)).toList(), null)
                .invoke(OutboxWakeUp::wrote).replaceWithVoid();
    }

    /** An event and the id of the changed row it announces ({@link #writeForChanged}). */
    public record Announcing(UUID rowId, EventPayload event, String traceparent) {
    }

    /**
     * As {@link #writeWith}, for a change of rows some of which it may find nothing to do for (a conditional update
     * claiming rows): its SQL ends in {@code returning id}, each event names the row it announces, and only the events
     * of the rows returned are written. Answers those rows' ids; the other rows' events were not written.
     */
    public Uni<Set<UUID>> writeForChanged(SqlClient sql, Change change, List<Announcing> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a change announced by no event is no outbox write");
        }
        UUID[] rowIds = events.stream().map(Announcing::rowId).toArray(UUID[]::new);
        return write(sql, change, events.stream().map(e -> new Traced(e.event(), e.traceparent())).toList(), rowIds)
                .map(rows -> {
                    Set<UUID> changed = new HashSet<>(rows.size() * 2);
                    for (Row row : rows) {
                        changed.add(row.getUUID(0));
                    }
                    if (!changed.isEmpty()) {
                        OutboxWakeUp.wrote();
                    }
                    return changed;
                });
    }

    /**
     * The change and its events' insert as one statement. With {@code rowIds} (one per event), an event is written only
     * when the change returned its row, and the statement answers the change's rows.
     */
    private Uni<RowSet<Row>> write(SqlClient sql, Change change, List<Traced> events, UUID[] rowIds) {
        Columns columns = Columns.of(events);
        int n = change.parameters().size();
        Tuple parameters = Tuple.tuple();
        for (int i = 0; i < n; i++) {
            parameters.addValue(change.parameters().getValue(i));
        }
        parameters.addValue(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).addValue(columns.ids())
                .addValue(columns.topics()).addValue(columns.keys()).addValue(columns.types())
                .addValue(columns.sources()).addValue(columns.payloads()).addValue(columns.traceparents());
        String[] arrays = new String[7];
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = "$" + (n + 2 + i);
        }
        String with = "with " + (change.before() == null ? "" : change.before() + ", ") + "change as ("
                + change.sql() + ")";
        String insert = "insert into outbox_event (" + COLUMNS + ") select " + SELECTED.formatted("$" + (n + 1))
                + " from unnest(" + ARRAYS.formatted((Object[]) arrays);
        if (rowIds == null) {
            return sql.preparedQuery(with + " " + insert + ") " + ROWS.formatted("", "")).execute(parameters);
        }
        parameters.addValue(rowIds);
        return sql.preparedQuery(with + ", written as (" + insert + ", cast($" + (n + 9) + " as uuid[])) "
                + ROWS.formatted(", row_id", " where row_id in (select id from change)") + ") select id from change")
                .execute(parameters);
    }

    /** The outbox rows of some events, column by column, each payload checked against its schema. */
    private record Columns(UUID[] ids, String[] topics, String[] keys, String[] types, String[] sources,
            String[] payloads, String[] traceparents) {

        static Columns of(List<Traced> events) {
            int n = events.size();
            Columns columns = new Columns(new UUID[n], new String[n], new String[n], new String[n], new String[n],
                    new String[n], new String[n]);
            for (int i = 0; i < n; i++) {
                EventPayload event = events.get(i).event();
                EventType type = EventType.of(event);
                columns.ids[i] = UUID.randomUUID();
                columns.topics[i] = type.topic();
                columns.keys[i] = event.candidateId().toString();
                columns.types[i] = type.type();
                columns.sources[i] = type.service().source();
                // checked against its schema here, in the producer, so that a consumer never dead-letters what we
                // accepted
                columns.payloads[i] = EventCodec.toValidJson(event);
                columns.traceparents[i] = events.get(i).traceparent();
            }
            return columns;
        }
    }
}
