package org.certboard.candidate.timeline;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.certboard.candidate.profile.CandidateAccess;
import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** The board's audit trail of one person: every step across the three services, in business order. */
@Path("/candidates")
@Tag(name = "timeline", description = "Each person's path across the three services, in business-time order: the board's audit trail")
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {
    private final TimelineService timeline;
    private final CandidateAccess access;

    public TimelineResource(TimelineService timeline, CandidateAccess access) {
        this.timeline = timeline;
        this.access = access;
    }

    @GET
    @Path("/{id}/timeline")
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF })
    @Operation(operationId = "getCandidateTimeline",
            summary = "A person's timeline, a page at a time, oldest step first (staff; a candidate their own)")
    public Uni<Page<TimelineEntry>> timeline(@PathParam("id") UUID id, @BeanParam @Valid PageRequest paging) {
        return access.candidate(id).chain(() -> timeline.of(id)).map(paging::slice);
    }

    @GET
    @Path("/me/timeline")
    @RolesAllowed(Roles.CANDIDATE)
    @Operation(operationId = "getMyTimeline", summary = "The caller's own timeline, a page at a time, oldest step first")
    public Uni<Page<TimelineEntry>> mine(@BeanParam @Valid PageRequest paging) {
        return access.self().chain(timeline::of).map(paging::slice);
    }
}
