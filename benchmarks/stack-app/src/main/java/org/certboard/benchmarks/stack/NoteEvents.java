package org.certboard.benchmarks.stack;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/** The app's one consumed channel, in polls as the services consume theirs, and its one scheduled job. */
@ApplicationScoped
public class NoteEvents {
    private static final Logger LOG = Logger.getLogger(NoteEvents.class);

    @Incoming("notes-in")
    public void consume(List<String> poll) {
        LOG.debugf("%d notes", poll.size());
    }

    @Scheduled(every = "1h", delayed = "1h")
    void hourly() {
        LOG.debug("hourly");
    }
}
