package org.certboard.platform.clock;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.ConfigUtils;

/** Produces the board clock; beans inject it as {@link Clock}, the sandbox API as {@link BoardClock}. */
public class ClockProducer {

    @Produces
    @Singleton
    BoardClock boardClock(@ConfigProperty(name = "certboard.sandbox") boolean sandbox) {
        if (sandbox && ConfigUtils.getProfiles().contains("prod")) {
            throw new IllegalStateException("certboard.sandbox=true is refused in the prod profile: the board clock "
                    + "of a live board must not be movable. Start rehearsals with -Dquarkus.profile=sandbox.");
        }
        return new BoardClock(Clock.systemUTC());
    }
}
