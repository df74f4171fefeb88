package org.certboard.exam.window;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

/** Testing windows, managed by staff. */
@Tag(name = "windows", description = "Exam windows: the periods in which sittings take place, each with its pass mark")
@Path("/windows")
public class WindowResource {

    private final WindowService windows;

    public WindowResource(WindowService windows) {
        this.windows = windows;
    }

    @POST
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "createWindow", summary = "Open an exam window (staff)")
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location",
            description = "The window, /windows/{id}", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WindowView.class)))
    public Uni<RestResponse<WindowView>> create(@NotNull @Valid NewWindow body) {
        return windows.open(body)
                .map(window -> RestResponse.ResponseBuilder.<WindowView>created(URI.create("/windows/" + window.id))
                        .entity(WindowView.of(window)).build());
    }

    /** The resource {@code POST /windows} answers in its {@code Location}. */
    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF, Roles.VENDOR, Roles.ADMIN })
    @Operation(operationId = "getWindow", summary = "Read an exam window")
    @APIResponse(responseCode = "200", description = "The window")
    @APIResponse(responseCode = "404", description = "No such window")
    public Uni<WindowView> get(@PathParam("id") UUID id) {
        return windows.get(id).map(WindowView::of);
    }

    @GET
    @RolesAllowed({ Roles.CANDIDATE, Roles.STAFF, Roles.VENDOR, Roles.ADMIN })
    @Operation(operationId = "listWindows", summary = "List exam windows, a page at a time",
            description = "Ordered by opening date, then id.")
    public Uni<Page<WindowView>> list(@BeanParam @Valid PageRequest paging) {
        return windows.list(paging);
    }
}
