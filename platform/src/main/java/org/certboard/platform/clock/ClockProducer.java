package org.certboard.platform.clock;

import java.time.Clock;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/** Produces the board clock; beans inject it as {@link Clock}, the sandbox API as {@link BoardClock}. */
public class ClockProducer {

    @Produces
    @Singleton
    public BoardClock boardClock(@ConfigProperty(name = "certboard.sandbox") boolean sandbox, ClockStore store) {
        if (sandbox && ConfigUtils.getProfiles().contains("prod")) {
            throw new IllegalStateException("certboard.sandbox=true is refused in the prod profile: the board clock "
                    + "of a live board must not be movable. Start rehearsals with -Dquarkus.profile=sandbox.");
        }
        BoardClock clock = new BoardClock(Clock.systemUTC());
        if (sandbox) {
            // a restarted sandbox continues where its clock was moved to, never back at wall time under later data
            clock.advance(store.load());
        }
        return clock;
    }

    /** Creates the clock (and reads its stored offset) at start-up, before a consumer or job can read the time. */
    void createAtStart(@Observes @Priority(1) StartupEvent startup, BoardClock clock) {
        clock.offset();
    }
}
