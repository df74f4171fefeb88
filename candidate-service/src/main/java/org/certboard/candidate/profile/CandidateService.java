package org.certboard.candidate.profile;

import java.time.Instant;
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
import org.certboard.events.candidate.CandidateClaimed;
import org.certboard.platform.clock.BoardTime;
import org.certboard.platform.domain.Refusal;
import org.certboard.platform.http.Preconditions;
import org.certboard.platform.outbox.Outbox;
import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Registers candidates, changes their contact fields and finds them; the whole file is {@code file}'s. */
@ApplicationScoped
public class CandidateService {
    /** The fields a merge patch may change; identity (date of birth) and everything the service owns may not. */
    static final Set<String> CONTACT_FIELDS = Set.of("givenName", "familyName", "email");
    private static final String EMAIL_INDEX = "candidate_email";
    private static final String SUBJECT_INDEX = "candidate_subject";

    private final Pool pool;
    private final CandidateRepository candidates;
    private final NameChangeRepository nameChanges;
    private final IdentityFindingRepository findings;
    private final CandidateAccess access;
    private final Outbox outbox;
    private final BoardTime time;
    private final ObjectMapper json;
    private final Validator validator;

    public CandidateService(Pool pool, CandidateRepository candidates, NameChangeRepository nameChanges,
            IdentityFindingRepository findings, CandidateAccess access, Outbox outbox, BoardTime time,
            ObjectMapper json, Validator validator) {
        this.pool = pool;
        this.candidates = candidates;
        this.nameChanges = nameChanges;
        this.findings = findings;
        this.access = access;
        this.outbox = outbox;
        this.time = time;
        this.json = json;
        this.validator = validator;
    }

    /** A registration's answer: the profile, and whether it is new or a paper applicant's profile now claimed. */
    public record Registration(CandidateView candidate, boolean created) {
    }

    /**
     * Registers a person (bound to their account, with the address the provider verified for it) or, for staff, a
     * paper applicant (with the address staff give). A person whose verified address a paper applicant's profile
     * carries claims that profile instead.
     */
    public Uni<Registration> register(NewCandidate body) {
        boolean asPerson = access.actsAsPerson();
        Actor registrant = access.actor();
        NewCandidate registration = asPerson ? withAccountEmail(body) : body;
        Candidate.Registered registered = Candidate.register(registration, registrant, asPerson, time.now());
        // No look-up before the insert: the unique indexes on email and subject decide (also between two requests at
        // the same moment). A violation fails the one statement that writes the candidate and its event, so neither
        // is written, and answers as a look-up would have. One round trip per registration (issue 25).
        Uni<Registration> inserted = outbox.writeWith(pool, CandidateRepository.insert(registered.candidate()),
                List.of(registered.event()))
                .map(done -> new Registration(CandidateView.of(registered.candidate()), true));
        Uni<Registration> answered = asPerson
                ? UniqueViolations.recover(inserted, EMAIL_INDEX, () -> claim(registration.email(), registrant))
                : UniqueViolations.asConflict(inserted, EMAIL_INDEX, () -> emailConflict(body.email()));
        return UniqueViolations.asConflict(answered, SUBJECT_INDEX, CandidateService::alreadyRegistered);
    }

    /**
     * A person registers with the address their provider verified for the account, and no other: a body naming
     * another is refused without a look-up, so the answer tells nothing about anyone else's address.
     */
    private NewCandidate withAccountEmail(NewCandidate body) {
        String verified = access.verifiedEmail().orElseThrow(() -> Refusal.forbidden("Email not verified",
                "your account has no verified email address; verify it where you sign in to the board, then register"));
        if (!verified.equalsIgnoreCase(body.email())) {
            throw Refusal.invalid("email", "must be the address your account verified where you sign in"
                    + " to the board (" + verified + ")");
        }
        return new NewCandidate(body.givenName(), body.familyName(), verified, body.dateOfBirth());
    }

    /**
     * The person's verified address is taken: by a paper applicant's profile staff registered, which is theirs and
     * which they claim (the profile as staff recorded it; a different name goes through a name-change request), or
     * by a profile another account holds with the same verified address, which is refused in words that name no one.
     */
    private Uni<Registration> claim(String email, Actor person) {
        return Panache.withTransaction(() -> candidates.lockUnboundByEmail(email).chain(paper -> {
            if (paper == null) {
                return Uni.createFrom().failure(Refusal.conflict("Email not available",
                        "this address cannot be used for a new profile of your account; contact the board"));
            }
            CandidateClaimed claimed = paper.claim(person.subject(), time.now());
            return outbox.add(claimed)
                    .chain(() -> findings.add(paper.id, IdentityFinding.PROFILE_CLAIMED, claimed.claimedAt(),
                            "a paper applicant's profile claimed by the account that verified its address "
                                    + "(subject " + person.subject() + ")"))
                    .replaceWith(new Registration(CandidateView.of(paper), false));
        }));
    }

    /** What staff should look at about identities, the oldest first. */
    public Uni<Page<IdentityFinding.View>> identityReview(PageRequest paging) {
        return Panache.withSession(() -> findings.page(paging));
    }

    /** Email matches exactly (ignoring case); name matches part of the given, family or full name. */
    public Uni<Page<CandidateView>> search(String email, String name, PageRequest paging) {
        return Panache.withSession(() -> candidates.search(email, name, paging, CandidateView::of));
    }

    /**
     * Applies a JSON merge patch (RFC 7396) of the contact fields; announces the change only if there is one. Only
     * when {@code ifMatch} names the candidate as it is now: a change made since the caller read it is not
     * overwritten. A person changes neither their address (it is their account's) nor, once the board relies on it,
     * their legal name (that is a name-change request); staff change a paper applicant's address, and correct a name
     * at once, recorded as a name change they made.
     */
    public Uni<Versioned<CandidateView>> patch(UUID id, String body, String ifMatch) {
        Map<String, String> changes = readContactPatch(body);
        boolean asPerson = access.actsAsPerson();
        Actor actor = access.actor();
        // Locked like every other write that announces an event about the candidate: one candidate's events are
        // written one transaction after the other, so the outbox order is their commit order.
        return UniqueViolations.asConflict(Panache.withTransaction(() -> candidates.requireLocked(id)
                .invoke(candidate -> Preconditions.requireIfMatch(ifMatch, candidate.version))
                .invoke(candidate -> refuseByRule(candidate, changes, asPerson))
                .call(candidate -> newEmail(candidate, changes) == null ? Uni.createFrom().voidItem()
                        : candidates.emailTaken(changes.get("email"), id)
                                .invoke(taken -> rejectTaken(taken, changes.get("email"))))
                .call(candidate -> apply(candidate, changes, asPerson, actor))),
                EMAIL_INDEX, () -> emailConflict(changes.get("email")))
                // read after the commit, whose flush bumped the version of a changed candidate
                .map(candidate -> new Versioned<>(CandidateView.of(candidate), candidate.version));
    }

    private static void refuseByRule(Candidate candidate, Map<String, String> changes, boolean asPerson) {
        if (newEmail(candidate, changes) != null) {
            if (asPerson) {
                throw Refusal.invalid("email", "is the address your account verified where you sign in to "
                        + "the board; change it there and your profile follows");
            }
            if (candidate.subject != null) {
                throw Refusal.conflict("Email follows the account", "candidate " + candidate.id
                        + " is bound to an account: their address is the one the account verified and follows it");
            }
        }
        if (asPerson && candidate.nameFixedSince != null
                && candidate.renames(changes.get("givenName"), changes.get("familyName"))) {
            throw Refusal.rule("Name change needs a request", "the board relies on your "
                    + "legal name since your application was decided; ask for the change with POST /candidates/"
                    + candidate.id + "/name-changes (reason, optional document reference) and staff will decide it")
                    .with("nameChanges", "/candidates/" + candidate.id + "/name-changes");
        }
    }

    private Uni<Void> apply(Candidate candidate, Map<String, String> changes, boolean asPerson, Actor actor) {
        Instant now = time.now();
        if (newEmail(candidate, changes) != null) {
            candidate.changeEmail(changes.get("email"), now);
        }
        if (!candidate.renames(changes.get("givenName"), changes.get("familyName"))) {
            return Uni.createFrom().voidItem();
        }
        if (asPerson) {
            return outbox.add(candidate.rename(changes.get("givenName"), changes.get("familyName"), now));
        }
        NameChange.Decided corrected = NameChange.correct(candidate, changes.get("givenName"),
                changes.get("familyName"), actor, now);
        return nameChanges.persist(corrected.change()).chain(() -> outbox.add(corrected.renamed()))
                .chain(() -> outbox.add(corrected.decided()));
    }

    /** The address the patch sets, null when it keeps the current one. */
    private static String newEmail(Candidate candidate, Map<String, String> changes) {
        String email = changes.get("email");
        return email == null || email.equals(candidate.email) ? null : email;
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
            throw Refusal.invalid("body", "not valid JSON: " + e.getOriginalMessage());
        }
        if (patch == null || !patch.isObject()) {
            throw Refusal.invalid("body", "must be a JSON object (a merge patch of givenName, familyName, email)");
        }
        List<Refusal.Field> problems = new ArrayList<>();
        Map<String, String> changes = new HashMap<>();
        Set<ConstraintViolation<ContactChange>> violations = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!CONTACT_FIELDS.contains(field.getKey())) {
                problems.add(new Refusal.Field(field.getKey(),
                        "cannot be changed here; only givenName, familyName and email can"));
            } else if (!field.getValue().isTextual() && !field.getValue().isNull()) {
                problems.add(new Refusal.Field(field.getKey(), "must be a string"));
            } else {
                String value = field.getValue().isNull() ? null : field.getValue().asText();
                violations.addAll(validator.validateValue(ContactChange.class, field.getKey(), value));
                changes.put(field.getKey(), value);
            }
        }
        if (!problems.isEmpty()) {
            violations.forEach(v -> problems.add(new Refusal.Field(v.getPropertyPath().toString(), v.getMessage())));
            problems.sort(Comparator.comparing(Refusal.Field::name));
            throw Refusal.invalid(problems);
        }
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return changes;
    }

    /** One profile per account: a second registration by the same person is a conflict, not a second profile. */
    private static Refusal alreadyRegistered() {
        return Refusal.conflict("Already registered",
                "your account already has a candidate profile; read it with GET /candidates/me");
    }

    private static void rejectTaken(boolean taken, String email) {
        if (taken) {
            throw emailConflict(email);
        }
    }

    private static Refusal emailConflict(String email) {
        return Refusal.conflict("Email already registered",
                "another candidate is registered with " + email + "; one profile per person");
    }

}
