package org.certboard.devstack.scenario;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.certboard.devstack.Service;
import org.certboard.devstack.scenario.BoardClient.Answer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The board's everyday steps (register, prove eligibility, open sittings, book, sit, score, renew) as calls to the
 * public API, each made by whoever makes it at a board: the candidate as themselves, staff, the test vendor's service
 * account, operations (the sandbox clock) or anyone (verification). Dates are taken relative to the board clock, so
 * scenarios can run in any order on one stack whose clock only moves forward.
 */
public final class Board {
    /** The default board time zone of the services. */
    public static final ZoneId ZONE = ZoneId.of("America/New_York");

    public record Candidate(String id, String givenName, String familyName, String email) {
        public String name() {
            return givenName + " " + familyName;
        }
    }

    public record Sitting(String windowId, String id, Instant startsAt, LocalDate date, String site) {
    }

    private final BoardClient client;
    private final TokenSource tokens;

    /** @param client the services, called anonymously; each step adds its caller's token from {@code tokens} */
    public Board(BoardClient client, TokenSource tokens) {
        this.client = client;
        this.tokens = tokens;
    }

    public BoardClient anonymous() {
        return client.anonymous();
    }

    public BoardClient staff() {
        return client.as(tokens.staff());
    }

    public BoardClient vendor() {
        return client.as(tokens.vendor());
    }

    public BoardClient admin() {
        return client.as(tokens.admin());
    }

    /** The candidate, signed in as themselves. */
    public BoardClient as(Candidate candidate) {
        return client.as(tokens.candidate(candidate.email()));
    }

    public LocalDate today() {
        return LocalDate.ofInstant(admin().now(Service.EXAM), ZONE);
    }

    /** Operations move every service's board clock to {@code target} (sandbox mode). */
    public void moveClocksTo(Instant target) {
        admin().moveClocksTo(target);
    }

    /** A new person signs in (a new account at the provider) and registers: the profile is bound to their account. */
    public Candidate register(String givenName, String familyName) {
        String email = givenName.toLowerCase() + "." + familyName.toLowerCase() + "+"
                + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String id = client.as(tokens.candidate(email)).post(Service.CANDIDATE, "/candidates", Map.of(
                "givenName", givenName, "familyName", familyName, "email", email, "dateOfBirth", "1984-03-09"))
                .expect(201).text("id");
        return new Candidate(id, givenName, familyName, email);
    }

    public void addLicence(Candidate candidate) {
        as(candidate).post(Service.CANDIDATE, "/candidates/" + candidate.id() + "/licences", Map.of("type", "RN",
                "number", "RN-" + candidate.id().substring(0, 8), "jurisdiction", "NY",
                "expiresOn", today().plusYears(12).toString(), "independentPractice", true)).expect(201);
    }

    /** Full-time case management for {@code months}, ended a month ago, with any supervisor. */
    public void addExperience(Candidate candidate, int months) {
        LocalDate end = today().minusMonths(1);
        as(candidate).post(Service.CANDIDATE, "/candidates/" + candidate.id() + "/experience", Map.of(
                "employer", "Hudson Valley Care Partners", "role", "CASE_MANAGER",
                "startDate", end.minusMonths(months).toString(), "endDate", end.toString(), "hoursPerWeek", 40,
                "supervisedByCertifiedCaseManager", false)).expect(201);
    }

    /** The person changes their family name in their profile (a merge patch on the profile as they read it). */
    public Answer changeFamilyName(Candidate candidate, String familyName) {
        String path = "/candidates/" + candidate.id();
        String read = as(candidate).get(Service.CANDIDATE, path).expect(200).etag();
        return as(candidate).patch(Service.CANDIDATE, path, Map.of("familyName", familyName), read);
    }

    /** The person asks for a new legal name; staff decide it. */
    public Answer requestNameChange(Candidate candidate, String familyName, String reason, String document) {
        return as(candidate).post(Service.CANDIDATE, "/candidates/" + candidate.id() + "/name-changes", Map.of(
                "givenName", candidate.givenName(), "familyName", familyName, "reason", reason,
                "documentReference", document));
    }

    /** Staff accept or reject a name-change request as they read it. */
    public Answer decideNameChange(String requestId, boolean accept, String note) {
        String path = "/name-changes/" + requestId;
        String read = staff().get(Service.CANDIDATE, path).expect(200).etag();
        return staff().post(Service.CANDIDATE, path + "/decision", Map.of("decision", accept ? "ACCEPT" : "REJECT",
                "note", note), read);
    }

    /** Public verification once it names {@code name} (renewal-service learns names from candidate events). */
    public JsonNode awaitVerifiedName(String number, String name, Duration timeout) {
        return await("verification of " + number + " naming " + name, timeout, () -> {
            Answer answer = verify(number);
            return answer.status() == 200 && name.equals(answer.text("name")) ? Optional.of(answer.body())
                    : Optional.empty();
        });
    }

    public Answer apply(Candidate candidate) {
        return as(candidate).post(Service.CANDIDATE, "/candidates/" + candidate.id() + "/application",
                Map.of("attestation", true));
    }

    /** The person applies to one of the board's credential programs. */
    public Answer applyTo(Candidate candidate, String program) {
        return as(candidate).post(Service.CANDIDATE, "/candidates/" + candidate.id() + "/applications/" + program,
                Map.of("attestation", true));
    }

    /** A registered RN with 30 months of case management whose application was approved automatically. */
    public Candidate eligibleCandidate(String givenName, String familyName) {
        Candidate candidate = register(givenName, familyName);
        addLicence(candidate);
        addExperience(candidate, 30);
        Answer application = apply(candidate).expect(201);
        if (!"APPROVED".equals(application.text("status"))) {
            throw new AssertionError("expected an automatic approval: " + application.raw());
        }
        return candidate;
    }

    /**
     * Staff open a window in {@code opensInDays} for 30 days, with one sitting at 09:00 board time on its 7th day.
     */
    public Sitting openSitting(int opensInDays, int capacity, String site) {
        return openSitting(opensInDays, capacity, site, Map.of());
    }

    /** The same, in a window of one of the board's credential programs. */
    public Sitting openSitting(String program, int opensInDays, int capacity, String site) {
        return openSitting(opensInDays, capacity, site, Map.of("program", program));
    }

    private Sitting openSitting(int opensInDays, int capacity, String site, Map<String, String> program) {
        LocalDate opens = today().plusDays(opensInDays);
        BoardClient staff = staff();
        Map<String, String> window = new LinkedHashMap<>(program);
        window.putAll(Map.of("name", "Window " + opens, "opensOn", opens.toString(),
                "closesOn", opens.plusDays(30).toString()));
        String windowId = staff.post(Service.EXAM, "/windows", window).expect(201).text("id");
        LocalDate date = opens.plusDays(7);
        Instant startsAt = date.atTime(LocalTime.of(9, 0)).atZone(ZONE).toInstant();
        String sittingId = staff.post(Service.EXAM, "/sittings", Map.of("windowId", windowId, "site", site,
                "startsAt", startsAt.toString(), "capacity", capacity)).expect(201).text("id");
        return new Sitting(windowId, sittingId, startsAt, date, site);
    }

    /** The candidate books a seat for themselves. */
    public Answer book(Candidate candidate, Sitting sitting) {
        return as(candidate).post(Service.EXAM, "/bookings", Map.of("candidateId", candidate.id(), "sittingId", sitting.id()));
    }

    /**
     * Books as soon as exam-service has learnt of the person (503 until then) and of the approval (403 or 422 until
     * then) from the candidate events.
     */
    public String bookOnceAuthorised(Candidate candidate, Sitting sitting) {
        return await("exam-service to accept the booking of " + candidate.name(), Duration.ofSeconds(30), () -> {
            Answer answer = book(candidate, sitting);
            if (answer.status() == 201) {
                return Optional.of(answer.text("id"));
            }
            if (answer.status() != 403 && answer.status() != 422 && answer.status() != 503) {
                throw new AssertionError("booking refused: " + answer.raw());
            }
            return Optional.empty();
        });
    }

    /** Operations move every board clock to the afternoon of the sitting: the exam has been sat. */
    public void sit(Sitting sitting) {
        moveClocksTo(sitting.startsAt().plus(Duration.ofHours(5)));
    }

    /** The test vendor records one result. */
    public Answer recordResult(String bookingId, int scaledScore) {
        return vendor().post(Service.EXAM, "/results", Map.of("bookingId", bookingId, "scaledScore", scaledScore));
    }

    /** The test vendor imports a batch of results. */
    public Answer importResults(Map<String, Integer> scoresByBooking) {
        List<Map<String, Object>> rows = scoresByBooking.entrySet().stream()
                .map(e -> Map.<String, Object>of("bookingId", e.getKey(), "scaledScore", e.getValue())).toList();
        return vendor().post(Service.EXAM, "/results/import", rows);
    }

    /** The candidate's certification once renewal-service has issued it (it learns of the pass from events). */
    public JsonNode awaitCertification(Candidate candidate, Duration timeout) {
        return await("a certification for " + candidate.name(), timeout, () -> certification(candidate));
    }

    /**
     * The candidate's latest certification as they see it ("my certifications"); empty while renewal-service has not
     * issued it, or not yet learnt of the person (503).
     */
    public Optional<JsonNode> certification(Candidate candidate) {
        Answer answer = as(candidate).get(Service.RENEWAL, "/candidates/me/certifications");
        if (answer.status() == 503) {
            return Optional.empty();
        }
        JsonNode items = answer.expect(200).body().path("items");
        return items.isEmpty() ? Optional.empty() : Optional.of(items.get(items.size() - 1));
    }

    /** A certification by number, as staff read it. */
    public JsonNode certification(String number) {
        return staff().get(Service.RENEWAL, "/certifications/" + number).expect(200).body();
    }

    /** The person's certification in {@code program} once renewal-service has issued it. */
    public JsonNode awaitCertification(Candidate candidate, String program, Duration timeout) {
        return await("a " + program + " certification for " + candidate.name(), timeout, () -> {
            Answer answer = as(candidate).get(Service.RENEWAL, "/candidates/me/certifications");
            if (answer.status() == 503) {
                return Optional.empty();
            }
            for (JsonNode certification : answer.expect(200).body().path("items")) {
                if (program.equals(certification.path("program").asText())) {
                    return Optional.of(certification);
                }
            }
            return Optional.empty();
        });
    }

    /** Waits until the certification shows {@code status}. */
    public JsonNode awaitStatus(String number, String status, Duration timeout) {
        return await(number + " to become " + status, timeout, () -> {
            JsonNode certification = certification(number);
            return status.equals(certification.path("status").asText()) ? Optional.of(certification) : Optional.empty();
        });
    }

    /**
     * The certified person logs a CE credit on their certification; {@code providerId}, the board's identifier of the
     * CE provider, may be null.
     */
    public void addCeCredit(Candidate candidate, String number, String title, String providerId, int hours,
            boolean ethics, LocalDate completedOn) {
        addCeCredit(candidate, number, title, providerId, hours, Map.of("ethics", ethics), completedOn);
    }

    /** The same, naming the CE categories of the certification's program the credit counts toward. */
    public void addCeCredit(Candidate candidate, String number, String title, int hours, List<String> categories,
            LocalDate completedOn) {
        addCeCredit(candidate, number, title, null, hours, Map.of("categories", categories), completedOn);
    }

    private void addCeCredit(Candidate candidate, String number, String title, String providerId, int hours,
            Map<String, Object> counting, LocalDate completedOn) {
        Map<String, Object> credit = new LinkedHashMap<>();
        credit.put("title", title);
        credit.put("provider", "Case Management Society");
        if (providerId != null) {
            credit.put("providerId", providerId);
        }
        credit.put("hours", hours);
        credit.putAll(counting);
        credit.put("completedOn", completedOn.toString());
        as(candidate).post(Service.RENEWAL, "/certifications/" + number + "/ce-credits", credit).expect(201);
    }

    public JsonNode renewalProgress(Candidate candidate, String number) {
        return as(candidate).get(Service.RENEWAL, "/certifications/" + number + "/renewal").expect(200).body();
    }

    /** The certified person renews. */
    public Answer renew(Candidate candidate, String number) {
        return as(candidate).post(Service.RENEWAL, "/certifications/" + number + "/renewals", Map.of());
    }

    /** Staff accept the CE evidence of a renewal the board sampled for audit; the renewal then takes effect. */
    public Answer acceptAudit(String number, String renewalId) {
        String renewal = "/certifications/" + number + "/renewals/" + renewalId;
        String read = staff().get(Service.RENEWAL, renewal).expect(200).etag();
        return staff().post(Service.RENEWAL, renewal + "/audit",
                Map.of("accepted", true, "reason", "CE certificates checked"), read);
    }

    /** The holder downloads their verifiable credential: a JWT the board signed (VC-JOSE). */
    public String downloadCredential(Candidate candidate, String number) {
        return as(candidate).getText(Service.RENEWAL, "/certifications/" + number + "/credential",
                "application/vc+jwt").expect(200).raw();
    }

    /** The board's published credential keys (a JWK Set), as any verifier fetches them, without signing in. */
    public String credentialKeys() {
        return anonymous().get(Service.RENEWAL, "/.well-known/jwks.json").expect(200).raw();
    }

    /** Anyone, without signing in: the public verification of a credential. */
    public Answer verify(String number) {
        return anonymous().get(Service.RENEWAL, "/verify/" + number);
    }

    /** Polls every 20 ms until the supplier yields a value; fails with {@code what} after the timeout. */
    public static <T> T await(String what, Duration timeout, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
