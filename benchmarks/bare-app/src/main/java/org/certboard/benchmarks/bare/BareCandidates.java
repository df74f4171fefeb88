package org.certboard.benchmarks.bare;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * candidate-service's profile read and staff registration, written bare: the same five reads (candidate, licences,
 * degrees, experience, applications) one after the other on one connection, and the same insert, with the
 * same bearer-token check. No ORM, no outbox, no uniqueness pre-check: the baseline the issue compares against.
 */
@Path("/candidates")
@Produces(MediaType.APPLICATION_JSON)
public class BareCandidates {
    private final PgPool pool;
    private final SecurityIdentity identity;

    public BareCandidates(PgPool pool, SecurityIdentity identity) {
        this.pool = pool;
        this.identity = identity;
    }

    public record NewCandidate(String givenName, String familyName, String email, LocalDate dateOfBirth) {
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "candidate", "staff" })
    public Uni<Response> get(@PathParam("id") UUID id) {
        return pool.withConnection(connection -> connection
                .preparedQuery("select id, given_name, family_name, email, date_of_birth, registered_at, updated_at"
                        + " from candidate where id = $1").execute(Tuple.of(id))
                .chain(candidates -> {
                    if (candidates.size() == 0) {
                        return Uni.createFrom().item(Response.status(404).build());
                    }
                    JsonObject profile = candidates.iterator().next().toJson();
                    return list(connection, "select * from licence where candidate_id = $1 order by recorded_at, id", id)
                            .invoke(rows -> profile.put("licences", rows))
                            .chain(() -> list(connection,
                                    "select * from degree where candidate_id = $1 order by recorded_at, id", id))
                            .invoke(rows -> profile.put("degrees", rows))
                            .chain(() -> list(connection,
                                    "select * from experience where candidate_id = $1 order by start_date, id", id))
                            .invoke(rows -> profile.put("experience", rows))
                            // as candidate-service: every application, the latest of each program kept
                            .chain(() -> list(connection, "select * from application where candidate_id = $1"
                                    + " order by program, submitted_at desc, id", id))
                            .map(rows -> Response.ok(profile.put("applications", latestPerProgram(rows))).build());
                }));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "candidate", "staff" })
    public Uni<Response> register(NewCandidate body) {
        if (body == null || blank(body.givenName()) || blank(body.familyName()) || blank(body.email())
                || body.dateOfBirth() == null) {
            return Uni.createFrom().item(Response.status(400).build());
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return pool.preparedQuery("insert into candidate (id, given_name, family_name, email, date_of_birth,"
                + " registered_at, updated_at, registered_by_subject, registered_by_role)"
                + " values ($1, $2, $3, $4, $5, $6, $6, $7, 'staff')")
                .execute(Tuple.from(new Object[] { id, body.givenName(), body.familyName(), body.email(),
                        body.dateOfBirth(), now, identity.getPrincipal().getName() }))
                .map(done -> Response.created(URI.create("/candidates/" + id)).entity(new JsonObject()
                        .put("id", id.toString()).put("givenName", body.givenName())
                        .put("familyName", body.familyName()).put("email", body.email())
                        .put("dateOfBirth", body.dateOfBirth().toString()).put("registeredAt", now.toString())
                        .put("updatedAt", now.toString())).build());
    }

    private static Uni<JsonArray> list(SqlConnection connection, String sql, UUID id) {
        return connection.preparedQuery(sql).execute(Tuple.of(id)).map(BareCandidates::toJson);
    }

    private static JsonArray toJson(RowSet<Row> rows) {
        JsonArray array = new JsonArray();
        for (Row row : rows) {
            array.add(row.toJson());
        }
        return array;
    }

    private static JsonArray latestPerProgram(JsonArray applications) {
        JsonArray latest = new JsonArray();
        String program = null;
        for (int i = 0; i < applications.size(); i++) {
            JsonObject application = applications.getJsonObject(i);
            if (!application.getString("program").equals(program)) {
                program = application.getString("program");
                latest.add(application);
            }
        }
        return latest;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
