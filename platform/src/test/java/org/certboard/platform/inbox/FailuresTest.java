package org.certboard.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParseException;

import io.vertx.pgclient.PgException;

class FailuresTest {

    /** What a handler sees from Hibernate Reactive: its converted SQLException, wrapped once more. */
    private static Throwable fromHibernate(String sqlState) {
        return new CompletionException(new HibernateException("could not execute statement",
                new SQLException("from the database", sqlState)));
    }

    private static Throwable fromDriver(String sqlState) {
        return new CompletionException(new PgException("from the database", "ERROR", sqlState, null));
    }

    @Test
    void lostRacesAndOutagesAreTransientInEitherForm() {
        for (String state : new String[] { "40P01", "40001", "57P01", "08006", "08001", "53300", "55P03" }) {
            assertThat(Failures.isTransient(fromHibernate(state))).as("Hibernate Reactive %s", state).isTrue();
            assertThat(Failures.isTransient(fromDriver(state))).as("driver %s", state).isTrue();
        }
    }

    @Test
    void constraintAndDataErrorsArePermanent() {
        for (String state : new String[] { "23505", "23503", "22P02", "42P01" }) {
            assertThat(Failures.isTransient(fromHibernate(state))).as(state).isFalse();
            assertThat(Failures.isTransient(fromDriver(state))).as(state).isFalse();
        }
    }

    @Test
    void aJsonParseErrorIsPermanentThoughItIsAnIOException() {
        JsonParseException parse = new JsonParseException(null, "Unexpected character");
        assertThat(parse).isInstanceOf(java.io.IOException.class);
        assertThat(Failures.isTransient(new CompletionException(parse))).isFalse();
        assertThat(Failures.isTransient(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void networkFailuresAreTransientAndOutages() {
        Throwable refused = new CompletionException(new ConnectException("Connection refused"));
        assertThat(Failures.isTransient(refused)).isTrue();
        assertThat(Failures.isOutage(refused)).isTrue();
        assertThat(Failures.isOutage(fromHibernate("57P01"))).isTrue();
        assertThat(Failures.isOutage(fromHibernate("08006"))).isTrue();
        // a lost race is retried by a consumer but answered 409, not 503, to a request
        assertThat(Failures.isOutage(fromHibernate("40P01"))).isFalse();
        assertThat(Failures.isOutage(fromHibernate("23505"))).isFalse();
    }

    @Test
    void aPoolClosedAtShutdownIsTransientSoTheEventInHandIsNotDeadLettered() {
        // what the reactive client fails with once Quarkus closed the pool (seen in a rolling restart)
        Throwable closed = new CompletionException(new io.vertx.core.impl.NoStackTraceThrowable("Pool closed"));
        assertThat(Failures.isTransient(closed)).isTrue();
        assertThat(Failures.isTransient(new io.vertx.core.impl.NoStackTraceThrowable("something else"))).isFalse();
    }
}
