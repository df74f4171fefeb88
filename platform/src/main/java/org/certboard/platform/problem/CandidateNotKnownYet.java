package org.certboard.platform.problem;

/**
 * A candidate's token reached a service that has not yet consumed their registration (it learns accounts from
 * candidate-service's events, moments after registering). A retryable 503 with {@code Retry-After}: the person
 * exists, the service will know them shortly. Persisting past a few seconds means the account never registered.
 */
public class CandidateNotKnownYet extends ProblemException {
    public static final int RETRY_AFTER_SECONDS = 1;

    public CandidateNotKnownYet() {
        super(Problem.of(503, "Candidate not known yet", "this service has not yet received your registration from"
                + " candidate-service; retry in a moment (register first with POST /candidates if you have not)"));
    }
}
