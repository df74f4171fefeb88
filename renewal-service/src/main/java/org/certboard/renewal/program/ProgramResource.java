package org.certboard.renewal.program;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.certboard.platform.program.Program;
import org.certboard.platform.program.ProgramRules;
import org.certboard.platform.program.Programs;
import org.certboard.renewal.calendar.RenewalCalendar;
import org.certboard.renewal.credential.Achievement;
import org.certboard.renewal.credential.PublicEndpoint;
import org.certboard.renewal.recertification.RenewalRequirements;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The board's credential programs and their public rules, open to anyone like verification: the program is, to the
 * public, the credential renewal-service owns (docs/programs.md).
 */
@Path("/programs")
@PermitAll
@PublicEndpoint
@Tag(name = "programs", description = "The board's credential programs and their public rules: open to anyone")
public class ProgramResource {
    private final Programs programs;
    private final ProgramRules<RenewalCalendar> calendars;
    private final ProgramRules<RenewalRequirements> requirements;
    private final ProgramRules<Achievement> achievements;

    public ProgramResource(Programs programs, ProgramRules<RenewalCalendar> calendars,
            ProgramRules<RenewalRequirements> requirements, ProgramRules<Achievement> achievements) {
        this.programs = programs;
        this.calendars = calendars;
        this.requirements = requirements;
        this.achievements = achievements;
    }

    @GET
    @Operation(operationId = "listPrograms", summary = "List the board's credential programs (public), by code")
    @APIResponse(responseCode = "200", description = "Every program")
    public List<ProgramView> list() {
        return programs.all().stream().map(this::view).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getProgram", summary = "Read a credential program's public rules (public)")
    @APIResponse(responseCode = "200", description = "The program")
    @APIResponse(responseCode = "404", description = "No such program")
    public ProgramView get(@PathParam("code") String code) {
        return view(programs.require(code));
    }

    private ProgramView view(Program program) {
        return ProgramView.of(program, calendars.of(program.code()), requirements.of(program.code()),
                achievements.of(program.code()));
    }
}
