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
 * public API. Dates are taken relative to the board clock, so scenarios can run in any order on one stack whose
 * clock only moves forward.
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

    public Board(BoardClient client) {
        this.client = client;
    }

    public BoardClient client() {
        return client;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(client.now(Service.EXAM), ZONE);
    }

    public Candidate register(String givenName, String familyName) {
        String email = givenName.toLowerCase() + "." + familyName.toLowerCase() + "+"
                + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String id = client.post(Service.CANDIDATE, "/candidates", Map.of("givenName", givenName,
                "familyName", familyName, "email", email, "dateOfBirth", "1984-03-09")).expect(201).text("id");
        return new Candidate(id, givenName, familyName, email);
    }

    public void addLicence(Candidate candidate) {
        client.post(Service.CANDIDATE, "/candidates/" + candidate.id() + "/licences", Map.of("type", "RN",
                "number", "RN-" + candidate.id().substring(0, 8), "jurisdiction", "NY",
                "expiresOn", today().plusYears(12).toString(), "independentPractice", true)).expect(201);
    }

    /** Full-time case management for {@code months}, ended a month ago, with any supervisor. */
    public void addExperience(Candidate candidate, int months) {
        LocalDate end = today().minusMonths(1);
        client.post(Service.CANDIDATE, "/candidates/" + candidate.id() + "/experience", Map.of(
                "employer", "Hudson Valley Care Partners", "role", "CASE_MANAGER",
                "startDate", end.minusMonths(months).toString(), "endDate", end.toString(), "hoursPerWeek", 40,
                "supervisedByCertifiedCaseManager", false)).expect(201);
    }

    public Answer apply(Candidate candidate) {
        return client.post(Service.CANDIDATE, "/candidates/" + candidate.id() + "/application",
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

    /** A window opening in {@code opensInDays} for 30 days, with one sitting at 09:00 board time on its 7th day. */
    public Sitting openSitting(int opensInDays, int capacity, String site) {
        LocalDate opens = today().plusDays(opensInDays);
        String windowId = client.post(Service.EXAM, "/windows", Map.of("name", "Window " + opens,
                "opensOn", opens.toString(), "closesOn", opens.plusDays(30).toString())).expect(201).text("id");
        LocalDate date = opens.plusDays(7);
        Instant startsAt = date.atTime(LocalTime.of(9, 0)).atZone(ZONE).toInstant();
        String sittingId = client.post(Service.EXAM, "/sittings", Map.of("windowId", windowId, "site", site,
                "startsAt", startsAt.toString(), "capacity", capacity)).expect(201).text("id");
        return new Sitting(windowId, sittingId, startsAt, date, site);
    }

    public Answer book(Candidate candidate, Sitting sitting) {
        return client.post(Service.EXAM, "/bookings", Map.of("candidateId", candidate.id(), "sittingId", sitting.id()));
    }

    /** Books as soon as exam-service has learnt of the approval from the candidate events. */
    public String bookOnceAuthorised(Candidate candidate, Sitting sitting) {
        return await("exam-service to accept the booking of " + candidate.name(), Duration.ofSeconds(30), () -> {
            Answer answer = book(candidate, sitting);
            if (answer.status() == 201) {
                return Optional.of(answer.text("id"));
            }
            if (answer.status() != 403 && answer.status() != 422) {
                throw new AssertionError("booking refused: " + answer.raw());
            }
            return Optional.empty();
        });
    }

    /** Moves every board clock to the afternoon of the sitting: the exam has been sat. */
    public void sit(Sitting sitting) {
        client.moveClocksTo(sitting.startsAt().plus(Duration.ofHours(5)));
    }

    public Answer recordResult(String bookingId, int scaledScore) {
        return client.post(Service.EXAM, "/results", Map.of("bookingId", bookingId, "scaledScore", scaledScore));
    }

    public Answer importResults(Map<String, Integer> scoresByBooking) {
        List<Map<String, Object>> rows = scoresByBooking.entrySet().stream()
                .map(e -> Map.<String, Object>of("bookingId", e.getKey(), "scaledScore", e.getValue())).toList();
        return client.post(Service.EXAM, "/results/import", rows);
    }

    /** The candidate's certification once renewal-service has issued it (it learns of the pass from events). */
    public JsonNode awaitCertification(Candidate candidate, Duration timeout) {
        return await("a certification for " + candidate.name(), timeout, () -> certification(candidate));
    }

    public Optional<JsonNode> certification(Candidate candidate) {
        JsonNode items = client.get(Service.RENEWAL, "/certifications?candidateId=" + candidate.id()).expect(200)
                .body().path("items");
        return items.isEmpty() ? Optional.empty() : Optional.of(items.get(items.size() - 1));
    }

    public JsonNode certification(String number) {
        return client.get(Service.RENEWAL, "/certifications/" + number).expect(200).body();
    }

    /** Waits until the certification shows {@code status}. */
    public JsonNode awaitStatus(String number, String status, Duration timeout) {
        return await(number + " to become " + status, timeout, () -> {
            JsonNode certification = certification(number);
            return status.equals(certification.path("status").asText()) ? Optional.of(certification) : Optional.empty();
        });
    }

    public void addCeCredit(String number, String title, int hours, boolean ethics, LocalDate completedOn) {
        Map<String, Object> credit = new LinkedHashMap<>();
        credit.put("title", title);
        credit.put("provider", "Case Management Society");
        credit.put("hours", hours);
        credit.put("ethics", ethics);
        credit.put("completedOn", completedOn.toString());
        client.post(Service.RENEWAL, "/certifications/" + number + "/ce-credits", credit).expect(201);
    }

    public JsonNode renewalProgress(String number) {
        return client.get(Service.RENEWAL, "/certifications/" + number + "/renewal").expect(200).body();
    }

    public Answer renew(String number) {
        return client.post(Service.RENEWAL, "/certifications/" + number + "/renewals", Map.of());
    }

    /** Staff accept the CE evidence of a renewal the board sampled for audit; the renewal then takes effect. */
    public Answer acceptAudit(String number, String renewalId) {
        return client.post(Service.RENEWAL, "/certifications/" + number + "/renewals/" + renewalId + "/audit",
                Map.of("accepted", true, "reason", "CE certificates checked"));
    }

    public Answer verify(String number) {
        return client.get(Service.RENEWAL, "/verify/" + number);
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
