package org.certboard.candidate.mail;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** What the board mailed a person, for staff (docs/mail.md). */
@Path("/candidates")
@Tag(name = "mail", description = "Mail the board sends people (docs/mail.md): staff read what was sent; the board's mail system reports bounces")
@Produces(MediaType.APPLICATION_JSON)
public class CandidateMailResource {
    private final MailLog log;

    public CandidateMailResource(MailLog log) {
        this.log = log;
    }

    @GET
    @Path("/{id}/mail")
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "getCandidateMail",
            summary = "The mail sent (or to be sent) to a person, oldest first, a page at a time, with its status (staff)")
    public Uni<Page<MailView>> ofCandidate(@PathParam("id") UUID id, @BeanParam @Valid PageRequest paging) {
        return log.of(id, paging);
    }
}
