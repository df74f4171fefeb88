package org.certboard.candidate.mail;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** The board's mail to people: what bounced or was refused, and the mail system's bounce reports (docs/mail.md). */
@Path("/mail")
@Tag(name = "mail", description = "Mail the board sends people (docs/mail.md): staff read what was sent; the board's mail system reports bounces")
@Produces(MediaType.APPLICATION_JSON)
public class MailResource {
    private final MailLog log;

    public MailResource(MailLog log) {
        this.log = log;
    }

    @GET
    @Path("/problems")
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "listMailProblems",
            summary = "Mail refused by the SMTP server or reported bounced, latest first, a page at a time (staff)")
    public Uni<Page<MailView>> problems(@BeanParam @Valid PageRequest paging) {
        return log.problems(paging);
    }

    @POST
    @Path("/bounces")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "reportMailBounce",
            summary = "The board's mail system reports that a sent mail bounced (admin: the bounce processor's account)")
    @APIResponse(responseCode = "204", description = "Recorded: the mail is BOUNCED")
    @APIResponse(responseCode = "404", description = "No mail with that Message-ID was sent")
    public Uni<Void> bounce(@NotNull @Valid Bounce bounce) {
        return log.bounce(bounce);
    }
}
