package org.certboard.candidate.profile;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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

import org.certboard.candidate.application.Application;
import org.certboard.candidate.application.ApplicationService;
import org.certboard.candidate.evidence.EvidenceService;
import org.certboard.candidate.persistence.UniqueViolations;
import org.certboard.events.Actor;
import org.certboard.events.candidate.CandidateRegistered;
import org.certboard.events.candidate.CandidateUpdated;
import org.certboard.platform.outbox.Outbox;
import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.problem.Problem;
import org.certboard.platform.problem.ProblemException;
import org.certboard.platform.security.Roles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CandidateService {
    /** The fields a merge patch may change; identity (date of birth) and everything the service owns may not. */
    static final Set<String> CONTACT_FIELDS = Set.of("givenName", "familyName", "email");
    private static final String EMAIL_INDEX = "candidate_email";
    private static final String SUBJECT_INDEX = "candidate_subject";

    private final Outbox outbox;
    private final Clock clock;
    private final ObjectMapper json;
    private final Validator validator;
    private final EvidenceService evidence;
    private final ApplicationService applications;

    public CandidateService(Outbox outbox, Clock clock, ObjectMapper json, Validator validator,
            EvidenceService evidence, ApplicationService applications) {
        this.outbox = outbox;
        this.clock = clock;
        this.json = json;
        this.validator = validator;
        this.evidence = evidence;
        this.applications = applications;
    }

    /**
     * A candidate registering binds the profile to their account (one per account); staff registering a paper
     * applicant leave it unbound and are recorded as the registrant.
     */
    public Uni<CandidateView> register(NewCandidate body, Actor registrant) {
        Candidate candidate = new Candidate();
        candidate.id = UUID.randomUUID();
        candidate.givenName = body.givenName();
        candidate.familyName = body.familyName();
        candidate.email = body.email();
        candidate.dateOfBirth = body.dateOfBirth();
        candidate.registeredAt = now();
        candidate.updatedAt = candidate.registeredAt;
        if (Roles.CANDIDATE.equals(registrant.role())) {
            candidate.subject = registrant.subject();
        } else {
            candidate.registeredBySubject = registrant.subject();
            candidate.registeredByRole = registrant.role();
        }
        // No look-up before the insert: the unique indexes on email and subject decide (also between two requests at
        // the same moment). A violation fails the transaction, so its outbox row is rolled back with it, and answers
        // 409 as a look-up would have. Two round trips fewer per registration (issue 16).
        return UniqueViolations.asConflict(UniqueViolations.asConflict(Panache.withTransaction(
                () -> candidate.<Candidate>persist()
                        .chain(() -> outbox.add(new CandidateRegistered(candidate.id, candidate.subject,
                                candidate.givenName, candidate.familyName, candidate.registeredAt)))),
                EMAIL_INDEX, () -> emailConflict(body.email())),
                SUBJECT_INDEX, CandidateService::alreadyRegistered)
                .map(done -> CandidateView.of(candidate));
    }

    public Uni<CandidateProfile> profile(UUID id) {
        return Panache.withSession(() -> Candidate.require(id).chain(candidate -> evidence.licences(id)
                .chain(licences -> evidence.degrees(id)
                        .chain(degrees -> evidence.experience(id)
                                .chain(experience -> Application.latest(id)
                                        .map(application -> new CandidateProfile(candidate.id, candidate.givenName,
                                                candidate.familyName, candidate.email, candidate.dateOfBirth,
                                                candidate.registeredAt, candidate.updatedAt, licences, degrees,
                                                experience, application == null ? null
                                                        : applications.view(application))))))));
    }

    /** Email matches exactly (ignoring case); name matches part of the given, family or full name. */
    public Uni<Page<CandidateView>> search(String email, String name, PageRequest paging) {
        List<String> where = new ArrayList<>();
        Map<String, Object> values = new HashMap<>();
        if (email != null && !email.isBlank()) {
            where.add("lower(email) = :email");
            values.put("email", email.trim().toLowerCase(java.util.Locale.ROOT));
        }
        if (name != null && !name.isBlank()) {
            where.add("(lower(givenName) like :name escape '\\' or lower(familyName) like :name escape '\\'"
                    + " or lower(concat(givenName, ' ', familyName)) like :name escape '\\')");
            values.put("name", "%" + name.trim().toLowerCase(java.util.Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String query = where.isEmpty() ? "" : String.join(" and ", where);
        Parameters parameters = new Parameters();
        values.forEach(parameters::and);
        Sort order = Sort.by("familyName").and("givenName").and("id");
        return Panache.withSession(() -> paging.fetch(Candidate.<Candidate>find(query, order, parameters),
                CandidateView::of));
    }

    /** Applies a JSON merge patch (RFC 7396) of the contact fields; announces the change only if there is one. */
    public Uni<CandidateView> patch(UUID id, String body) {
        Map<String, String> changes = readContactPatch(body);
        // Locked like every other write that announces an event about the candidate: one candidate's events are
        // written one transaction after the other, so the outbox order is their commit order.
        return UniqueViolations.asConflict(Panache.withTransaction(() -> Candidate.requireLocked(id)
                .call(candidate -> changes.containsKey("email") && !changes.get("email").equalsIgnoreCase(candidate.email)
                        ? Candidate.emailTaken(changes.get("email"), id).invoke(taken -> rejectTaken(taken, changes.get("email")))
                        : Uni.createFrom().voidItem())
                .call(candidate -> {
                    boolean changed = apply(candidate, changes);
                    if (!changed) {
                        return Uni.createFrom().voidItem();
                    }
                    candidate.updatedAt = now();
                    return outbox.add(new CandidateUpdated(candidate.id, candidate.givenName, candidate.familyName,
                            candidate.updatedAt));
                })),
                EMAIL_INDEX, () -> emailConflict(changes.get("email")))
                .map(CandidateView::of);
    }

    private static boolean apply(Candidate candidate, Map<String, String> changes) {
        boolean changed = false;
        if (changes.containsKey("givenName") && !changes.get("givenName").equals(candidate.givenName)) {
            candidate.givenName = changes.get("givenName");
            changed = true;
        }
        if (changes.containsKey("familyName") && !changes.get("familyName").equals(candidate.familyName)) {
            candidate.familyName = changes.get("familyName");
            changed = true;
        }
        if (changes.containsKey("email") && !changes.get("email").equals(candidate.email)) {
            candidate.email = changes.get("email");
            changed = true;
        }
        return changed;
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
            problems.sort(java.util.Comparator.comparing(Problem.Violation::field));
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

    /** Database timestamps keep microseconds; truncating here makes replies, rows and events agree. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
