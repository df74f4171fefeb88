package org.certboard.candidate.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import org.certboard.candidate.persistence.UniqueViolations;
import org.certboard.candidate.persistence.Versioned;
import org.certboard.events.Actor;
import org.certboard.events.candidate.CandidateUpdated;
import org.certboard.platform.clock.BoardTime;
import org.certboard.platform.http.Preconditions;
import org.certboard.platform.outbox.Outbox;
import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.problem.Problem;
import org.certboard.platform.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Registers candidates, changes their contact fields and finds them; the whole file is {@code file}'s. */
@ApplicationScoped
public class CandidateService {
    /** The fields a merge patch may change; identity (date of birth) and everything the service owns may not. */
    static final Set<String> CONTACT_FIELDS = Set.of("givenName", "familyName", "email");
    private static final String EMAIL_INDEX = "candidate_email";
    private static final String SUBJECT_INDEX = "candidate_subject";

    private final CandidateRepository candidates;
    private final Outbox outbox;
    private final BoardTime time;
    private final ObjectMapper json;
    private final Validator validator;

    public CandidateService(CandidateRepository candidates, Outbox outbox, BoardTime time, ObjectMapper json,
            Validator validator) {
        this.candidates = candidates;
        this.outbox = outbox;
        this.time = time;
        this.json = json;
        this.validator = validator;
    }

    /** Registers a person (bound to their account) or, for staff, a paper applicant. */
    public Uni<CandidateView> register(NewCandidate body, Actor registrant) {
        Candidate.Registered registered = Candidate.register(body, registrant, time.now());
        // No look-up before the insert: the unique indexes on email and subject decide (also between two requests at
        // the same moment). A violation fails the transaction, so its outbox row is rolled back with it, and answers
        // 409 as a look-up would have. Two round trips fewer per registration (issue 16).
        return UniqueViolations.asConflict(UniqueViolations.asConflict(Panache.withTransaction(
                () -> candidates.persist(registered.candidate()).chain(() -> outbox.add(registered.event()))),
                EMAIL_INDEX, () -> emailConflict(body.email())),
                SUBJECT_INDEX, CandidateService::alreadyRegistered)
                .map(done -> CandidateView.of(registered.candidate()));
    }

    /** Email matches exactly (ignoring case); name matches part of the given, family or full name. */
    public Uni<Page<CandidateView>> search(String email, String name, PageRequest paging) {
        return Panache.withSession(() -> candidates.search(email, name, paging, CandidateView::of));
    }

    /**
     * Applies a JSON merge patch (RFC 7396) of the contact fields; announces the change only if there is one. Only
     * when {@code ifMatch} names the candidate as it is now: a change made since the caller read it is not
     * overwritten.
     */
    public Uni<Versioned<CandidateView>> patch(UUID id, String body, String ifMatch) {
        Map<String, String> changes = readContactPatch(body);
        // Locked like every other write that announces an event about the candidate: one candidate's events are
        // written one transaction after the other, so the outbox order is their commit order.
        return UniqueViolations.asConflict(Panache.withTransaction(() -> candidates.requireLocked(id)
                .invoke(candidate -> Preconditions.requireIfMatch(ifMatch, candidate.version))
                .call(candidate -> changes.containsKey("email") && !changes.get("email").equalsIgnoreCase(candidate.email)
                        ? candidates.emailTaken(changes.get("email"), id)
                                .invoke(taken -> rejectTaken(taken, changes.get("email")))
                        : Uni.createFrom().voidItem())
                .call(candidate -> {
                    CandidateUpdated updated = candidate.changeContact(changes, time.now());
                    return updated == null ? Uni.createFrom().voidItem() : outbox.add(updated);
                })),
                EMAIL_INDEX, () -> emailConflict(changes.get("email")))
                // read after the commit, whose flush bumped the version of a changed candidate
                .map(candidate -> new Versioned<>(CandidateView.of(candidate), candidate.version));
    }

    /**
     * Reads and validates the patch before any database work. In a merge patch null means "remove", and none of the
     * contact fields may be removed, so null is rejected like any other invalid value.
     */
    private Map<String, String> readContactPatch(String body) {
        JsonNode patch;
        try {
            patch = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("body", "not valid JSON: " + e.getOriginalMessage());
        }
        if (patch == null || !patch.isObject()) {
            throw ProblemException.invalid("body", "must be a JSON object (a merge patch of givenName, familyName, email)");
        }
        List<Problem.Violation> problems = new ArrayList<>();
        Map<String, String> changes = new HashMap<>();
        Set<ConstraintViolation<ContactChange>> violations = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!CONTACT_FIELDS.contains(field.getKey())) {
                problems.add(new Problem.Violation(field.getKey(),
                        "cannot be changed here; only givenName, familyName and email can"));
            } else if (!field.getValue().isTextual() && !field.getValue().isNull()) {
                problems.add(new Problem.Violation(field.getKey(), "must be a string"));
            } else {
                String value = field.getValue().isNull() ? null : field.getValue().asText();
                violations.addAll(validator.validateValue(ContactChange.class, field.getKey(), value));
                changes.put(field.getKey(), value);
            }
        }
        if (!problems.isEmpty()) {
            violations.forEach(v -> problems.add(new Problem.Violation(v.getPropertyPath().toString(), v.getMessage())));
            problems.sort(Comparator.comparing(Problem.Violation::field));
            throw new ProblemException(Problem.invalid(problems));
        }
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return changes;
    }

    /** One profile per account: a second registration by the same person is a conflict, not a second profile. */
    private static ProblemException alreadyRegistered() {
        return ProblemException.conflict("Already registered",
                "your account already has a candidate profile; read it with GET /candidates/me");
    }

    private static void rejectTaken(boolean taken, String email) {
        if (taken) {
            throw emailConflict(email);
        }
    }

    private static ProblemException emailConflict(String email) {
        return ProblemException.conflict("Email already registered",
                "another candidate is registered with " + email + "; one profile per person");
    }

}
