package org.certboard.platform.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.certboard.platform.domain.Refusal;
import org.certboard.platform.inbox.Failures;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** Every error a service returns, as application/problem+json (RFC 9457). */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** What a client is told to wait after a 503: about the time PostgreSQL takes to restart or fail over. */
    static final String RETRY_AFTER_SECONDS = "5";

    private final DatabaseOutageLog outages;

    public ProblemMappers(DatabaseOutageLog outages) {
        this.outages = outages;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response refused(Refusal refusal) {
        return respond(Problem.of(refusal));
    }

    @ServerExceptionMapper
    public Response notKnownYet(CandidateNotKnownYet e) {
        return Response.fromResponse(respond(e.problem()))
                .header("Retry-After", CandidateNotKnownYet.RETRY_AFTER_SECONDS).build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .collect(Collectors.toList());
        return respond(Problem.invalid(violations));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return respond(Problem.invalid(List.of(violation(e))));
    }

    /** Named apart from the general case because Quarkus ships a built-in mapper for exactly these types. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response malformed(com.fasterxml.jackson.core.JsonParseException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response invalidParameter(StrictParameters.InvalidParameterException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return respond(Problem.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage()));
    }

    /** No token, or one the provider did not sign, that has expired or names another audience. */
    @ServerExceptionMapper({ io.quarkus.security.UnauthorizedException.class,
            io.quarkus.security.AuthenticationFailedException.class,
            io.quarkus.security.AuthenticationCompletionException.class })
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(respond(Problem.of(401, "Unauthorized",
                "send a bearer token from the board's identity provider in the Authorization header")))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return respond(Problem.of(403, "Forbidden", "your role may not do this"));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (Failures.isOutage(e)) {
            outages.record(e);
            return Response.fromResponse(respond(Problem.of(503, "Service Unavailable",
                    "the database cannot be reached at the moment; nothing was written, try again shortly")))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        String sqlState = sqlState(e);
        if ("23505".equals(sqlState)) {
            return respond(Problem.of(409, "Conflict", "this conflicts with data written at the same moment by another"
                    + " request; read the current state and try again"));
        }
        if ("40001".equals(sqlState) || "40P01".equals(sqlState)) {
            return respond(Problem.of(409, "Concurrent update", "another request changed the same data at the same"
                    + " moment; nothing was written, send the request again"));
        }
        LOG.error("unexpected failure", e);
        return respond(Problem.of(500, "Internal Server Error", "an unexpected error occurred; it has been logged"));
    }

    /** The PostgreSQL SQLSTATE behind a failure, if a database refusal caused it (a lost race, not a bug). */
    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = Failures.sqlState(t);
            if (state != null) {
                return state;
            }
        }
        return null;
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The body field (or query parameter) a violation is about, without the method and parameter names. */
    private static String field(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                names.add(node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]" : node.getName());
            }
        }
        names.removeIf(java.util.Objects::isNull);
        return names.isEmpty() ? (parameter == null ? "body" : parameter) : String.join(".", names);
    }

    private static Problem.Violation violation(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new Problem.Violation(path(unknown), "unknown field");
        }
        if (e instanceof InvalidFormatException format) {
            return new Problem.Violation(path(format), "cannot read '" + format.getValue() + "' as "
                    + describe(format.getTargetType()));
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return new Problem.Violation(path(mismatch), "must be " + describe(mismatch.getTargetType()));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return new Problem.Violation(path(mapping), "invalid value");
        }
        return new Problem.Violation("body", "not valid JSON: " + e.getOriginalMessage());
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "an ISO-8601 instant (e.g. 2027-04-01T13:00:00Z)";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "a " + type.getSimpleName();
    }
}
