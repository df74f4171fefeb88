package org.certboard.platform.problem;

import java.util.List;

/** Ends a request with the given problem; thrown from domain and service code, mapped in one place. */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(Problem.of(404, "Not Found", what + " " + id + " does not exist"));
    }

    public static ProblemException conflict(String title, String detail) {
        return new ProblemException(Problem.of(409, title, detail));
    }

    /** A request that is well-formed but breaks a board rule. */
    public static ProblemException unprocessable(String title, String detail) {
        return new ProblemException(Problem.of(422, title, detail));
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.invalid(List.of(new Problem.Violation(field, message))));
    }
}
