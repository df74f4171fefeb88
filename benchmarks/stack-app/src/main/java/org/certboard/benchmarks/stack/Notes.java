package org.certboard.benchmarks.stack;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** One secured, validated endpoint on the entity, producing to the app's one outgoing channel. */
@Path("/notes")
public class Notes {
    private final Emitter<String> written;

    public Notes(@Channel("notes-out") Emitter<String> written) {
        this.written = written;
    }

    public record NewNote(@NotBlank String body) {
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("staff")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return Panache.withSession(() -> Note.<Note>findById(id))
                .map(note -> note == null ? Response.status(404).build() : Response.ok(note).build());
    }

    @POST
    @RolesAllowed("staff")
    public Uni<Note> write(@NotNull @Valid NewNote body) {
        Note note = new Note();
        note.id = UUID.randomUUID();
        note.body = body.body();
        return Panache.withTransaction(note::persist).replaceWith(note)
                .invoke(() -> written.send(note.id.toString()));
    }
}
