package org.certboard.exam.booking;

import java.util.List;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * A candidate's recorded attempts in one program, as the retake rule reads them. Owned here and implemented by the
 * result repository, so that booking does not depend on the results recorded above it.
 */
public interface AttemptHistory {

    /** Runs in the caller's session, after the candidate's authorisation rows were locked. */
    Uni<List<RetakePolicy.Attempt>> attempts(UUID candidateId, String program);
}
