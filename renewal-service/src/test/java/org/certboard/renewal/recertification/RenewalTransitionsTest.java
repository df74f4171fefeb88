package org.certboard.renewal.recertification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.certboard.events.Actor;
import org.certboard.events.renewal.AuditDecided;
import org.certboard.events.renewal.CertificationRenewed;
import org.certboard.platform.domain.Refusal;
import org.certboard.renewal.calendar.ExpiryRule;
import org.certboard.renewal.calendar.RenewalCalendar;
import org.certboard.renewal.certification.Certification;
import org.certboard.renewal.certification.CertificationStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A renewal's status changes (the CE audit's decision, a supersession) from every status, refusals included. */
class RenewalTransitionsTest {
    static final RenewalCalendar CALENDAR = new RenewalCalendar(new ExpiryRule.AddCycle(Period.ofYears(5)),
            Period.ofMonths(3), List.of(180, 90, 30), Period.ofDays(30), Period.ofMonths(9), Period.ofYears(5),
            ZoneId.of("America/New_York"));
    static final LocalDate EXAM = LocalDate.of(2021, 5, 31);
    static final LocalDate TODAY = LocalDate.of(2026, 5, 1);
    static final Instant NOW = Instant.parse("2026-05-01T14:00:00Z");
    static final Actor STAFF = new Actor("staff-1", "staff");

    static Certification certification(CertificationStatus status) {
        Certification certification = Certification.issue("CCM-2021-000001", "CCM", UUID.randomUUID(), EXAM, CALENDAR)
                .certification();
        certification.status = status;
        return certification;
    }

    static Renewal submitted(Certification certification, Renewal.Status status) {
        Renewal renewal = Renewal.submit(certification, Renewal.Method.CE, false, certification.expiresOn,
                status == Renewal.Status.PENDING_AUDIT, CALENDAR, TODAY, NOW);
        renewal.status = status;
        return renewal;
    }

    @ParameterizedTest(name = "submitted, audited {0}: {1}")
    @CsvSource({ "false, RENEWED", "true, PENDING_AUDIT" })
    void aSubmissionIsRenewedOrAwaitsItsAudit(boolean audited, Renewal.Status status) {
        Certification certification = certification(CertificationStatus.ACTIVE);

        Renewal renewal = Renewal.submit(certification, Renewal.Method.CE, false, certification.expiresOn, audited,
                CALENDAR, TODAY, NOW);

        assertThat(renewal.status).isEqualTo(status);
        assertThat(renewal.previousCycleStartedOn).isEqualTo(EXAM);
        assertThat(renewal.cycleStartedOn).isEqualTo(LocalDate.of(2026, 5, 31));
        assertThat(renewal.expiresOn).isEqualTo(LocalDate.of(2031, 5, 31));
    }

    /** Accepting restores ACTIVE from any status the certification reached meanwhile, unless certified anew. */
    @ParameterizedTest(name = "renewal {0}, certification {1}, holds a live one {2}, accepted: {3}")
    @CsvSource({
            "PENDING_AUDIT, ACTIVE,  true,  RENEWED",
            "PENDING_AUDIT, EXPIRED, true,  RENEWED",
            "PENDING_AUDIT, LAPSED,  false, RENEWED",
            "PENDING_AUDIT, LAPSED,  true,  CONFLICT Certified anew",
            "RENEWED,       ACTIVE,  true,  CONFLICT Audit already decided",
            "REJECTED,      ACTIVE,  true,  CONFLICT Audit already decided" })
    void accept(Renewal.Status from, CertificationStatus certificationStatus, boolean holdsLive, String outcome) {
        Certification certification = certification(certificationStatus);
        Renewal renewal = submitted(certification, from);

        if (!outcome.equals("RENEWED")) {
            assertThatThrownBy(() -> renewal.accept(certification, null, holdsLive, STAFF, NOW))
                    .isInstanceOfSatisfying(Refusal.class, refused -> assertThat(
                            refused.kind() + " " + refused.title()).isEqualTo(outcome));
            assertThat(renewal.status).isEqualTo(from);
            return;
        }
        assertThat(renewal.accept(certification, null, holdsLive, STAFF, NOW)).isEqualTo(new AuditDecided(
                certification.candidateId, certification.number, renewal.id, true, NOW, STAFF));
        assertThat(renewal.status).isEqualTo(Renewal.Status.RENEWED);
        assertThat(renewal.auditedBy()).isEqualTo(STAFF);
        assertThat(renewal.applyTo(certification, CALENDAR)).isEqualTo(new CertificationRenewed(
                certification.candidateId, certification.number, "CE", false, LocalDate.of(2026, 5, 31),
                LocalDate.of(2031, 5, 31), STAFF));
        assertThat(certification.status).isEqualTo(CertificationStatus.ACTIVE);
    }

    @ParameterizedTest(name = "renewal {0} rejected: {1}")
    @CsvSource({
            "PENDING_AUDIT, REJECTED",
            "RENEWED,       CONFLICT Audit already decided",
            "REJECTED,      CONFLICT Audit already decided" })
    void reject(Renewal.Status from, String outcome) {
        Certification certification = certification(CertificationStatus.ACTIVE);
        Renewal renewal = submitted(certification, from);

        if (!outcome.equals("REJECTED")) {
            assertThatThrownBy(() -> renewal.reject(certification, "no evidence", STAFF, NOW))
                    .isInstanceOfSatisfying(Refusal.class, refused -> assertThat(
                            refused.kind() + " " + refused.title()).isEqualTo(outcome));
            return;
        }
        assertThat(renewal.reject(certification, "no evidence", STAFF, NOW)).isEqualTo(new AuditDecided(
                certification.candidateId, certification.number, renewal.id, false, NOW, STAFF));
        assertThat(renewal.status).isEqualTo(Renewal.Status.REJECTED);
        assertThat(renewal.auditReason).isEqualTo("no evidence");
        assertThat(certification.status).as("a rejection changes nothing else").isEqualTo(
                CertificationStatus.ACTIVE);
    }

    @Test
    void aDecisionOnAnotherCycleThanTheSubmittedOneIsRefused() {
        Certification certification = certification(CertificationStatus.ACTIVE);
        Renewal renewal = submitted(certification, Renewal.Status.PENDING_AUDIT);
        certification.renew("EXAM", false, certification.expiresOn, LocalDate.of(2031, 5, 31), null, CALENDAR);

        assertThatThrownBy(() -> renewal.accept(certification, null, true, STAFF, NOW))
                .isInstanceOfSatisfying(Refusal.class, refused -> assertThat(refused.kind() + " " + refused.title())
                        .isEqualTo("CONFLICT Certification changed"));
        assertThatThrownBy(() -> renewal.reject(certification, "late", STAFF, NOW))
                .isInstanceOfSatisfying(Refusal.class, refused -> assertThat(refused.kind() + " " + refused.title())
                        .isEqualTo("CONFLICT Certification changed"));
    }

    @ParameterizedTest(name = "renewal {0} superseded by an exam: {1}")
    @CsvSource({
            "PENDING_AUDIT, REJECTED",
            "RENEWED,       refused",
            "REJECTED,      refused" })
    void supersede(Renewal.Status from, String outcome) {
        Renewal renewal = submitted(certification(CertificationStatus.ACTIVE), from);

        if (outcome.equals("refused")) {
            assertThatThrownBy(() -> renewal.supersede(NOW)).isInstanceOf(IllegalStateException.class);
            assertThat(renewal.status).isEqualTo(from);
            return;
        }
        renewal.supersede(NOW);
        assertThat(renewal.status).isEqualTo(Renewal.Status.REJECTED);
        assertThat(renewal.auditReason).isEqualTo("superseded by renewal by re-examination");
        assertThat(renewal.decidedAt).isEqualTo(NOW);
    }

    @Test
    void onlyARenewedRenewalIsApplied() {
        Certification certification = certification(CertificationStatus.ACTIVE);
        Renewal pending = submitted(certification, Renewal.Status.PENDING_AUDIT);

        assertThatThrownBy(() -> pending.applyTo(certification, CALENDAR)).isInstanceOf(IllegalStateException.class);
        assertThat(certification.cycleStartedOn).isEqualTo(EXAM);
    }
}
