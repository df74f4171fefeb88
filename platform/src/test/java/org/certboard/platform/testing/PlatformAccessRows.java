package org.certboard.platform.testing;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.certboard.devstack.testing.AccessTable;

import io.restassured.response.Response;

/**
 * The access rows of the endpoints every service has from the platform, so that each service's {@code AccessTest}
 * lists only its own: the operator's dead letters, parked outbox records and projection replay, and the sandbox
 * clock, all admin only. Use as {@code table.with(PlatformAccessRows::addTo)}.
 */
public final class PlatformAccessRows {
    private static final Duration REPLAY_TIMEOUT = Duration.ofSeconds(120);

    private PlatformAccessRows() {
    }

    /**
     * Adds the platform's rows. The allowed caller learns that no such dead letter or parked record exists; the one
     * replay the admin starts is awaited, so that its reset cannot remove rows that later tests write.
     */
    public static <F extends AccessTable.Fixture> AccessTable<F> addTo(AccessTable<F> table) {
        String none = UUID.randomUUID().toString();
        return table
                .row("GET", "/admin/dead-letters", 401, 403, 403, 403, 403, 200, (r, f) -> r.get("/admin/dead-letters"))
                .row("POST", "/admin/dead-letters/{eventId}/republish", 401, 403, 403, 403, 403, 404,
                        (r, f) -> r.post("/admin/dead-letters/{id}/republish", none))
                .row("POST", "/admin/dead-letters/{eventId}/discard", 401, 403, 403, 403, 403, 404,
                        (r, f) -> r.post("/admin/dead-letters/{id}/discard", none))
                .row("GET", "/admin/outbox/parked", 401, 403, 403, 403, 403, 200,
                        (r, f) -> r.get("/admin/outbox/parked"))
                .row("POST", "/admin/outbox/parked/{id}/resend", 401, 403, 403, 403, 403, 404,
                        (r, f) -> r.post("/admin/outbox/parked/{id}/resend", none))
                .row("POST", "/admin/outbox/parked/{id}/discard", 401, 403, 403, 403, 403, 404,
                        (r, f) -> r.post("/admin/outbox/parked/{id}/discard", none))
                .row("GET", "/admin/replay", 401, 403, 403, 403, 403, 200, (r, f) -> r.get("/admin/replay"))
                .row("POST", "/admin/replay", 401, 403, 403, 403, 403, 202, (r, f) -> {
                    Response response = r.post("/admin/replay");
                    awaitNoReplayRunning();
                    return response;
                })
                .row("GET", "/admin/clock", 401, 403, 403, 403, 403, 200, (r, f) -> r.get("/admin/clock"))
                .row("POST", "/admin/clock", 401, 403, 403, 403, 403, 200,
                        (r, f) -> Requests.json(r, Map.of("advanceBy", "PT1S")).post("/admin/clock"));
    }

    /** Waits until the service runs no projection replay. */
    public static void awaitNoReplayRunning() {
        Awaitility.await().atMost(REPLAY_TIMEOUT).until(() -> !"RUNNING".equals(
                Requests.admin().get("/admin/replay").then().statusCode(200).extract().path("state")));
    }
}
