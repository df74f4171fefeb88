package org.certboard.benchmarks.empty;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The one endpoint of the empty app: the benchmark polls it to time start-up. */
@Path("/hello")
public class Hello {
    @GET
    public String hello() {
        return "hello";
    }
}
