package org.certboard.platform.testapp;

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

/** Writes a registration and its event in one transaction; {@code failAfterOutbox} makes that transaction roll back. */
/** Open: the platform tests exercise the outbox here, not security. */
@PermitAll
@Path("/test/registrations")
public class TestRegistrationResource {

    public record NewRegistration(@NotBlank @Email String email, boolean failAfterOutbox) {
    }

    public record Registered(UUID id) {
    }

    private final Outbox outbox;
    private final java.time.Clock clock;

    public TestRegistrationResource(Outbox outbox, java.time.Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @POST
    public Uni<Registered> register(@Valid NewRegistration body) {
        TestRegistration registration = new TestRegistration();
        registration.id = UUID.randomUUID();
        registration.email = body.email();
        return Panache.withTransaction(() -> registration.persist()
                .chain(() -> outbox.add(new CandidateRegistered(registration.id, body.email(), "Test", "Person",
                        clock.instant())))
                .invoke(() -> {
                    if (body.failAfterOutbox()) {
                        throw ProblemException.conflict("Rolled back", "the test asked for a rollback");
                    }
                }))
                .map(done -> new Registered(registration.id));
    }
}
