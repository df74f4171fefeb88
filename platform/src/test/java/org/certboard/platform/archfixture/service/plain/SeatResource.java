package org.certboard.platform.archfixture.service.plain;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.certboard.platform.problem.ProblemException;

/** The resource layer may speak HTTP. */
@Path("/archfixture/seats")
public class SeatResource {
    @POST
    public void take() {
        throw ProblemException.notFound("seat", 1);
    }
}
