package org.certboard.platform.testapp;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.certboard.platform.paging.PageRequest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Echoes typed query and path parameters, to test how malformed values and a database outage are answered. Open:
 * the platform tests exercise parameter and outage handling here, not security.
 */
@PermitAll
@Path("/test/parameters")
public class TestParametersResource {

    public record Echo(UUID windowId, boolean available, int page, String text) {
    }

    @GET
    public Echo query(@QueryParam("windowId") UUID windowId, @QueryParam("available") boolean available,
            @BeanParam @Valid PageRequest paging) {
        return new Echo(windowId, available, paging.page, null);
    }

    @GET
    @Path("/{id}/attempts")
    public Echo path(@PathParam("id") UUID id) {
        return new Echo(id, false, 0, null);
    }

    /** Looks the text up in the database, as a verification by number does. */
    @GET
    @Path("/text/{text}")
    public Uni<Echo> text(@PathParam("text") String text) {
        return Panache.withSession(() -> TestRegistration.count("email", text))
                .map(count -> new Echo(null, false, count.intValue(), text));
    }

    /** The database ends this session's connection, as a restart or failover of PostgreSQL does. */
    @GET
    @Path("/outage")
    public Uni<Echo> outage() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select pg_terminate_backend(pg_backend_pid())").getSingleResult()))
                .map(done -> new Echo(null, false, 0, "survived"));
    }
}
