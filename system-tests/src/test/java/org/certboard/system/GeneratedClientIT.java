package org.certboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.certboard.client.candidate.api.ApplicationsApi;
import org.certboard.client.candidate.api.CandidatesApi;
import org.certboard.client.candidate.api.EvidenceApi;
import org.certboard.client.candidate.model.ApplicationStatus;
import org.certboard.client.candidate.model.ApplicationView;
import org.certboard.client.candidate.model.CandidateView;
import org.certboard.client.candidate.model.ExperienceRole;
import org.certboard.client.candidate.model.NewCandidate;
import org.certboard.client.candidate.model.NewExperience;
import org.certboard.client.candidate.model.NewLicence;
import org.certboard.client.candidate.model.Submission;
import org.certboard.client.exam.api.BookingsApi;
import org.certboard.client.exam.api.ResultsApi;
import org.certboard.client.exam.api.SittingsApi;
import org.certboard.client.exam.api.WindowsApi;
import org.certboard.client.exam.model.BookingStatus;
import org.certboard.client.exam.model.BookingView;
import org.certboard.client.exam.model.NewBooking;
import org.certboard.client.exam.model.NewResult;
import org.certboard.client.exam.model.NewSitting;
import org.certboard.client.exam.model.NewWindow;
import org.certboard.client.exam.model.ResultView;
import org.certboard.client.exam.model.SittingView;
import org.certboard.client.renewal.api.CertificationsApi;
import org.certboard.client.renewal.api.ContinuingEducationApi;
import org.certboard.client.renewal.api.ProgramsApi;
import org.certboard.client.renewal.api.RenewalsApi;
import org.certboard.client.renewal.api.VerificationApi;
import org.certboard.client.renewal.model.AuditDecision;
import org.certboard.client.renewal.model.CertificationStatus;
import org.certboard.client.renewal.model.CertificationView;
import org.certboard.client.renewal.model.MissingRequirement;
import org.certboard.client.renewal.model.NewCeCredit;
import org.certboard.client.renewal.model.PageCertificationView;
import org.certboard.client.renewal.model.Program;
import org.certboard.client.renewal.model.ProgramCeCategory;
import org.certboard.client.renewal.model.RenewalProgress;
import org.certboard.client.renewal.model.RenewalStatus;
import org.certboard.client.renewal.model.RenewalView;
import org.certboard.client.renewal.model.VerificationView;
import org.certboard.devstack.LocalStack;
import org.certboard.devstack.scenario.Board;
import org.certboard.devstack.scenario.TokenSource;
import org.certboard.devstack.testing.TopicProbe;
import org.certboard.events.EventType;
import org.certboard.events.Topics;
import org.certboard.system.GeneratedClients.Refusal;
import org.junit.jupiter.api.Test;

/**
 * The golden path and the main refusals played only through the Java clients generated from the committed OpenAPI
 * documents, as a front end would: typed requests, typed answers, and refusals read into the generated problem model.
 * The steps are those of the scenarios' {@code GoldenPath}; dates are taken from the board clock, which only moves
 * forward on the shared stack.
 */
class GeneratedClientIT {
    private static final Duration EVENTUAL = Duration.ofSeconds(30);

    private final LocalStack stack = SystemStack.get();
    private final TokenSource tokens = stack.tokens();
    private final GeneratedClients clients = new GeneratedClients(stack);

    /** A registered person: their id and the client of each service signed in as them. */
    private record Person(UUID id, String name, String email, org.certboard.client.candidate.ApiClient candidate,
            org.certboard.client.exam.ApiClient exam, org.certboard.client.renewal.ApiClient renewal) {
    }

    @Test
    void aCandidateIsCertifiedAndRenewsThroughTheGeneratedClients() throws Exception {
        Person grace = register("Grace", "Hopper");
        addEvidence(grace);
        ApplicationView application = new ApplicationsApi(grace.candidate()).submitApplication(grace.id(),
                new Submission().attestation(true));
        assertThat(application.getStatus()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(application.getAuthorisedUntil()).isAfter(today());

        SittingView sitting = openSitting(20, "Albany Test Centre");
        BookingView booking = bookOnceAuthorised(grace, sitting);
        assertThat(booking.getStatus()).isEqualTo(BookingStatus.BOOKED);
        assertThat(booking.getSittingId()).isEqualTo(sitting.getId());

        Instant startsAt = sitting.getStartsAt().toInstant();
        moveClocksTo(startsAt.plus(Duration.ofHours(5)));
        ResultView result = new ResultsApi(clients.exam(tokens.vendor()))
                .recordResult(new NewResult().bookingId(booking.getId()).scaledScore(612));
        LocalDate examDate = LocalDate.ofInstant(startsAt, Board.ZONE);
        assertThat(result.getPassed()).isTrue();
        assertThat(result.getExamDate()).isEqualTo(examDate);

        CertificationView certification = Board.await("a certification for " + grace.name(), EVENTUAL,
                () -> latestCertification(grace));
        String number = certification.getNumber();
        assertThat(number).matches("CCM-\\d{4}-\\d{6}");
        assertThat(certification.getStatus()).isEqualTo(CertificationStatus.ACTIVE);
        assertThat(certification.getFirstCertifiedOn()).isEqualTo(examDate);
        assertThat(certification.getExpiresOn()).isEqualTo(examDate.plusYears(5));
        assertThat(certification.getRetiredOn()).isNull();
        assertThat(new CertificationsApi(clients.renewal(tokens.staff())).getCertification(number))
                .isEqualTo(certification);

        // renewing now is refused with what is missing: the window is years away and no CE credit is logged yet
        RenewalsApi renewals = new RenewalsApi(grace.renewal());
        Refusal early = GeneratedClients.refusal(() -> renewals.renewCertification(number));
        var refused = early.problem(org.certboard.client.renewal.model.Problem.class);
        assertThat(early.status()).isEqualTo(422);
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getType()).hasToString("https://certboard.org/problems/renewal-requirements-not-met");
        assertThat(refused.getMissing()).extracting(MissingRequirement::getRequirement)
                .contains("RENEWAL_WINDOW", "CE_HOURS", "ETHICS_HOURS");
        assertThat(refused.getMissing()).allSatisfy(missing -> assertThat(missing.getDetail()).isNotBlank());

        ContinuingEducationApi education = new ContinuingEducationApi(grace.renewal());
        for (int i = 1; i <= 9; i++) {
            education.recordCeCredit(number, credit("Care coordination module " + i, false, examDate));
        }
        education.recordCeCredit(number, credit("Ethics in case management", true, examDate));
        RenewalProgress progress = renewals.getRenewalProgress(number);
        assertThat(progress.getEarnedHours()).isEqualByComparingTo("80");
        assertThat(progress.getEarnedEthicsHours()).isEqualByComparingTo("8");
        assertThat(progress.getCanRenew()).isFalse();
        assertThat(progress.getMissing()).extracting(MissingRequirement::getRequirement)
                .containsExactly("RENEWAL_WINDOW");

        LocalDate expiresOn = certification.getExpiresOn();
        moveClocksTo(expiresOn.minusDays(45).atTime(LocalTime.NOON).atZone(Board.ZONE).toInstant());
        RenewalView renewal = renewals.renewCertification(number);
        if (renewal.getStatus() == RenewalStatus.PENDING_AUDIT) {
            // staff decide on the version they read: If-Match carries the renewal's ETag
            RenewalsApi staff = new RenewalsApi(clients.renewal(tokens.staff()));
            String read = staff.getRenewalWithHttpInfo(renewal.getId(), number).getHeaders().get("ETag").get(0);
            renewal = staff.decideRenewalAudit(renewal.getId(), number, read,
                    new AuditDecision().accepted(true).reason("CE certificates checked"));
        }
        assertThat(renewal.getStatus()).isEqualTo(RenewalStatus.RENEWED);
        assertThat(renewal.getCycleStartedOn()).isEqualTo(expiresOn);
        assertThat(renewal.getExpiresOn()).isEqualTo(expiresOn.plusYears(5));

        VerificationView verification = new VerificationApi(clients.renewal(null)).verifyCertification(number);
        assertThat(verification.getName()).isEqualTo(grace.name());
        assertThat(verification.getStatus()).isEqualTo(CertificationStatus.ACTIVE);
        assertThat(verification.getFirstCertifiedOn()).isEqualTo(examDate);
        assertThat(verification.getValidUntil()).isEqualTo(expiresOn.plusYears(5));
    }

    /** A second credential program through the same clients: ACM's four-year clock and its CE category (issue 23). */
    @Test
    void aPersonIsCertifiedInASecondProgramThroughTheGeneratedClients() throws Exception {
        Program acm = new ProgramsApi(clients.renewal(null)).getProgram("ACM");
        assertThat(acm.getCycle()).isEqualTo("P4Y");
        assertThat(acm.getLateRenewal()).isNull();
        assertThat(acm.getCeCategories()).extracting(ProgramCeCategory::getCategory).containsExactly("case-management");

        Person florence = register("Florence", "Wald");
        addEvidence(florence);
        ApplicationView application = new ApplicationsApi(florence.candidate()).submitProgramApplication(
                florence.id(), "ACM", new Submission().attestation(true));
        assertThat(application.getStatus()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(application.getProgram()).isEqualTo("ACM");

        SittingView sitting = openSitting("ACM", 20, "Syracuse Test Centre");
        BookingView booking = bookOnceAuthorised(florence, sitting);
        assertThat(booking.getProgram()).isEqualTo("ACM");
        moveClocksTo(sitting.getStartsAt().toInstant().plus(Duration.ofHours(5)));
        new ResultsApi(clients.exam(tokens.vendor())).recordResult(new NewResult().bookingId(booking.getId())
                .scaledScore(580));

        LocalDate examDate = LocalDate.ofInstant(sitting.getStartsAt().toInstant(), Board.ZONE);
        CertificationView certification = Board.await("an ACM certification for " + florence.name(), EVENTUAL,
                () -> latestCertification(florence));
        assertThat(certification.getProgram()).isEqualTo("ACM");
        assertThat(certification.getNumber()).matches("ACM-\\d{4}-\\d{6}");
        assertThat(certification.getExpiresOn()).isEqualTo(examDate.plusYears(4));

        ContinuingEducationApi education = new ContinuingEducationApi(florence.renewal());
        for (int i = 1; i <= 3; i++) {
            education.recordCeCredit(certification.getNumber(), credit("Utilisation review " + i, false, examDate)
                    .categories(List.of("case-management")));
        }
        RenewalProgress progress = new RenewalsApi(florence.renewal()).getRenewalProgress(certification.getNumber());
        assertThat(progress.getRequiredHours()).isEqualByComparingTo("40");
        assertThat(progress.getEarnedHours()).isEqualByComparingTo("24");
        assertThat(progress.getCategories()).singleElement().satisfies(category -> {
            assertThat(category.getCategory()).isEqualTo("case-management");
            assertThat(category.getRequiredHours()).isEqualByComparingTo("30");
            assertThat(category.getEarnedHours()).isEqualByComparingTo("24");
        });
    }

    @Test
    void aDeniedApplicationCannotBook() throws Exception {
        Person person = register("Ignaz", "Semmelweis");
        ApplicationView application = new ApplicationsApi(person.candidate()).submitApplication(person.id(),
                new Submission().attestation(true));
        assertThat(application.getStatus()).isEqualTo(ApplicationStatus.DENIED);
        assertThat(application.getAuthorisedUntil()).isNull();
        // the refusal below is then the projection's doing, not exam-service not knowing the decision yet
        try (TopicProbe probe = new TopicProbe(stack.kafkaBootstrapServers(), Topics.CANDIDATE_EVENTS)) {
            probe.await(r -> person.id().toString().equals(r.key())
                    && EventType.ELIGIBILITY_DECIDED.type().equals(r.header("ce_type")), 1, EVENTUAL);
        }
        SittingView sitting = openSitting(5, "Utica Test Centre");
        BookingsApi bookings = new BookingsApi(person.exam());
        Refusal refusal = Board.await("exam-service to know " + person.name(), EVENTUAL, () -> {
            Refusal answer = GeneratedClients.refusal(() -> bookings.bookSitting(booking(person, sitting)));
            return answer.status() == 503 ? Optional.empty() : Optional.of(answer);
        });
        var problem = refusal.problem(org.certboard.client.exam.model.Problem.class);
        assertThat(refusal.status()).isEqualTo(403);
        assertThat(problem.getType()).hasToString("https://certboard.org/problems/not-authorised");
        assertThat(problem.getCandidateId()).isEqualTo(person.id());
    }

    @Test
    void aFullSittingRefusesTheNextBooking() throws Exception {
        Person first = eligible("Clara", "Schumann");
        Person second = eligible("Fanny", "Mendelssohn");
        SittingView sitting = openSitting(1, "Binghamton Test Centre");
        bookOnceAuthorised(first, sitting);
        BookingsApi bookings = new BookingsApi(second.exam());
        Refusal refusal = Board.await("exam-service to know " + second.name() + " is authorised", EVENTUAL, () -> {
            Refusal answer = GeneratedClients.refusal(() -> bookings.bookSitting(booking(second, sitting)));
            return List.of(403, 422, 503).contains(answer.status()) ? Optional.empty() : Optional.of(answer);
        });
        var problem = refusal.problem(org.certboard.client.exam.model.Problem.class);
        assertThat(refusal.status()).isEqualTo(409);
        assertThat(problem.getType()).hasToString("https://certboard.org/problems/sitting-full");
        assertThat(new SittingsApi(clients.exam(tokens.staff())).getSitting(sitting.getId()).getSeatsLeft()).isZero();
    }

    @Test
    void aSecondRegistrationIsAConflictAndSquattingAnAddressIsRefused() throws Exception {
        Person person = register("Lillian", "Wald");
        Refusal sameAccount = GeneratedClients.refusal(() -> new CandidatesApi(person.candidate())
                .registerCandidate(newCandidate("Lillian", "Wald", person.email())));
        assertThat(sameAccount.status()).isEqualTo(409);
        assertThat(sameAccount.problem(org.certboard.client.candidate.model.Problem.class).getType())
                .hasToString("https://certboard.org/problems/already-registered");

        // another account may register only with its own verified address; the answer names no one else's
        String otherEmail = "lillian.wald+" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        CandidatesApi otherAccount = new CandidatesApi(clients.candidate(tokens.candidate(otherEmail)));
        Refusal squatting = GeneratedClients.refusal(
                () -> otherAccount.registerCandidate(newCandidate("Lillian", "Wald", person.email())));
        var problem = squatting.problem(org.certboard.client.candidate.model.Problem.class);
        assertThat(squatting.status()).isEqualTo(400);
        assertThat(problem.getType()).hasToString("https://certboard.org/problems/invalid-request");
        assertThat(squatting.body()).doesNotContain(person.email());
    }

    /** A new person signs in and registers; the profile is bound to their account. */
    private Person register(String givenName, String familyName) throws Exception {
        String email = givenName.toLowerCase() + "." + familyName.toLowerCase() + "+"
                + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String token = tokens.candidate(email);
        org.certboard.client.candidate.ApiClient candidate = clients.candidate(token);
        CandidateView registered = new CandidatesApi(candidate)
                .registerCandidate(newCandidate(givenName, familyName, email));
        assertThat(registered.getEmail()).isEqualTo(email);
        return new Person(registered.getId(), givenName + " " + familyName, email, candidate, clients.exam(token),
                clients.renewal(token));
    }

    private static NewCandidate newCandidate(String givenName, String familyName, String email) {
        return new NewCandidate().givenName(givenName).familyName(familyName).email(email)
                .dateOfBirth(LocalDate.of(1984, 3, 9));
    }

    /** An RN licence and 30 months of full-time case management, ended a month ago. */
    private void addEvidence(Person person) throws Exception {
        LocalDate today = today();
        EvidenceApi evidence = new EvidenceApi(person.candidate());
        evidence.addLicence(person.id(), new NewLicence().type("RN")
                .number("RN-" + person.id().toString().substring(0, 8)).jurisdiction("NY").expiresOn(today.plusYears(12)).independentPractice(true));
        LocalDate end = today.minusMonths(1);
        evidence.addExperience(person.id(), new NewExperience().employer("Hudson Valley Care Partners")
                .role(ExperienceRole.CASE_MANAGER).startDate(end.minusMonths(30)).endDate(end)
                .hoursPerWeek(BigDecimal.valueOf(40)).supervisedByCertifiedCaseManager(false));
    }

    private Person eligible(String givenName, String familyName) throws Exception {
        Person person = register(givenName, familyName);
        addEvidence(person);
        assertThat(new ApplicationsApi(person.candidate()).submitApplication(person.id(),
                new Submission().attestation(true)).getStatus()).isEqualTo(ApplicationStatus.APPROVED);
        return person;
    }

    /** Staff open a window in a week for 30 days, with one sitting at 09:00 board time on its 7th day. */
    private SittingView openSitting(int capacity, String site) throws Exception {
        return openSitting(null, capacity, site);
    }

    /** The same in a window of {@code program} (null: the window names none, so CCM's). */
    private SittingView openSitting(String program, int capacity, String site) throws Exception {
        org.certboard.client.exam.ApiClient staff = clients.exam(tokens.staff());
        LocalDate opens = today().plusDays(7);
        UUID windowId = new WindowsApi(staff).createWindow(new NewWindow().program(program).name("Window " + opens)
                .opensOn(opens).closesOn(opens.plusDays(30))).getId();
        Instant startsAt = opens.plusDays(7).atTime(LocalTime.of(9, 0)).atZone(Board.ZONE).toInstant();
        return new SittingsApi(staff).createSitting(new NewSitting().windowId(windowId).site(site)
                .startsAt(startsAt.atOffset(ZoneOffset.UTC)).capacity(capacity));
    }

    private static NewBooking booking(Person person, SittingView sitting) {
        return new NewBooking().candidateId(person.id()).sittingId(sitting.getId());
    }

    /**
     * Books as soon as exam-service has learnt of the person (503 until then) and of the approval (403 or 422 until
     * then) from the candidate events.
     */
    private BookingView bookOnceAuthorised(Person person, SittingView sitting) {
        BookingsApi bookings = new BookingsApi(person.exam());
        return Board.await("exam-service to accept the booking of " + person.name(), EVENTUAL, () -> {
            try {
                return Optional.of(bookings.bookSitting(booking(person, sitting)));
            } catch (org.certboard.client.exam.ApiException e) {
                if (!List.of(403, 422, 503).contains(e.getCode())) {
                    throw new AssertionError("booking refused: " + e.getResponseBody(), e);
                }
                return Optional.empty();
            }
        });
    }

    /** The person's latest certification; empty until renewal-service has issued it (or learnt of them: 503). */
    private static Optional<CertificationView> latestCertification(Person person) {
        try {
            PageCertificationView page = new CertificationsApi(person.renewal()).listMyCertifications(null, null);
            List<CertificationView> items = page.getItems();
            return items.isEmpty() ? Optional.empty() : Optional.of(items.get(items.size() - 1));
        } catch (org.certboard.client.renewal.ApiException e) {
            if (e.getCode() != 503) {
                throw new AssertionError("my certifications: " + e.getResponseBody(), e);
            }
            return Optional.empty();
        }
    }

    private static NewCeCredit credit(String title, boolean ethics, LocalDate completedOn) {
        return new NewCeCredit().title(title).provider("Case Management Society").hours(BigDecimal.valueOf(8))
                .ethics(ethics).completedOn(completedOn);
    }

    private LocalDate today() throws Exception {
        return LocalDate.ofInstant(new org.certboard.client.exam.api.SandboxApi(clients.exam(tokens.admin()))
                .getExamServiceClock().getNow().toInstant(), Board.ZONE);
    }

    /** Operations move every service's board clock to {@code target}, renewal-service last (sandbox mode). */
    private void moveClocksTo(Instant target) throws Exception {
        String admin = tokens.admin();
        org.certboard.client.candidate.api.SandboxApi candidate =
                new org.certboard.client.candidate.api.SandboxApi(clients.candidate(admin));
        if (candidate.getCandidateServiceClock().getNow().toInstant().isBefore(target)) {
            candidate.moveCandidateServiceClock(
                    new org.certboard.client.candidate.model.BoardClockMove().setTo(target.toString()));
        }
        var exam = new org.certboard.client.exam.api.SandboxApi(clients.exam(admin));
        if (exam.getExamServiceClock().getNow().toInstant().isBefore(target)) {
            exam.moveExamServiceClock(new org.certboard.client.exam.model.BoardClockMove().setTo(target.toString()));
        }
        org.certboard.client.renewal.api.SandboxApi renewal =
                new org.certboard.client.renewal.api.SandboxApi(clients.renewal(admin));
        if (renewal.getRenewalServiceClock().getNow().toInstant().isBefore(target)) {
            renewal.moveRenewalServiceClock(
                    new org.certboard.client.renewal.model.BoardClockMove().setTo(target.toString()));
        }
    }
}
