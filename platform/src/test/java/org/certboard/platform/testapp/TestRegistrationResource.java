package org.certboard.platform.testapp;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.certboard.events.candidate.CandidateRegistered;
import org.certboard.platform.outbox.Outbox;
import org.certboard.platform.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/**
 * Writes a registration and its event in one transaction; {@code failAfterOutbox} makes that transaction roll back.
 * With {@code oneStatement} both are one statement on the SQL client ({@link Outbox#writeWith}); an address already
 * registered then fails it whole, answered 409. With {@code ifNew} too, the insert skips an address already registered
 * and the event is written only when it inserted ({@link Outbox#writeForChanged}), answered 409 when it did not.
 */
/** Open: the platform tests exercise the outbox here, not security. */
@PermitAll
@Path("/test/registrations")
public class TestRegistrationResource {

    public record NewRegistration(@NotBlank @Email String email, boolean failAfterOutbox, boolean oneStatement,
            boolean ifNew) {
    }

    public record Registered(UUID id) {
    }

    private final Outbox outbox;
    private final java.time.Clock clock;
    private final Pool pool;

    public TestRegistrationResource(Outbox outbox, java.time.Clock clock, Pool pool) {
        this.outbox = outbox;
        this.clock = clock;
        this.pool = pool;
    }

    @POST
    public Uni<Registered> register(@Valid NewRegistration body) {
        TestRegistration registration = new TestRegistration();
        registration.id = UUID.randomUUID();
        registration.email = body.email();
        CandidateRegistered event = new CandidateRegistered(registration.id, body.email(), "Test", "Person",
                clock.instant());
        if (body.oneStatement() && body.ifNew()) {
            return outbox.writeForChanged(pool, new Outbox.Change("insert into test_registration (id, email)"
                    + " values ($1, $2) on conflict (email) do nothing returning id",
                    Tuple.of(registration.id, registration.email)),
                    List.of(new Outbox.Announcing(registration.id, event, null)))
                    .map(written -> {
                        if (!written.contains(registration.id)) {
                            throw ProblemException.conflict("Already registered", body.email());
                        }
                        return new Registered(registration.id);
                    });
        }
        if (body.oneStatement()) {
            return outbox.writeWith(pool, new Outbox.Change("insert into test_registration (id, email) values ($1, $2)",
                    Tuple.of(registration.id, registration.email)), List.of(event))
                    .onFailure(failure -> failure instanceof PgException pg && "23505".equals(pg.getSqlState()))
                    .transform(failure -> ProblemException.conflict("Already registered", failure.getMessage()))
                    .map(done -> new Registered(registration.id));
        }
        return Panache.withTransaction(() -> registration.persist()
                .chain(() -> outbox.add(event))
                .invoke(() -> {
                    if (body.failAfterOutbox()) {
                        throw ProblemException.conflict("Rolled back", "the test asked for a rollback");
                    }
                }))
                .map(done -> new Registered(registration.id));
    }
}
