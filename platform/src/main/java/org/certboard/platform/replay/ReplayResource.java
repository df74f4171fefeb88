package org.certboard.platform.replay;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.certboard.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Operations: rebuild this service's projection from the topics (docs/operations.md, "Replaying a projection"). */
@Path("/admin/replay")
@Tag(name = "operations", description = "Operations (admin): dead letters, parked outbox records and projection replays of this service")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ReplayResource {
    private final ProjectionReplay replay;

    public ReplayResource(ProjectionReplay replay) {
        this.replay = replay;
    }

    @POST
    @Operation(operationId = "start{service}Replay",
            summary = "Reset the projection and re-consume its topics from the beginning (202; 409 while running)")
    public RestResponse<ReplayStatus> start() {
        return RestResponse.accepted(replay.start());
    }

    @GET
    @Operation(operationId = "get{service}Replay",
            summary = "The replay's state and, per partition, its position and the end offset it stops at")
    public ReplayStatus status() {
        return replay.status();
    }
}
