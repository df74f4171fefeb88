package org.certboard.renewal.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.certboard.events.Actor;
import org.certboard.events.renewal.CertificationExpired;
import org.certboard.events.renewal.CertificationIssued;
import org.certboard.events.renewal.CertificationLapsed;
import org.certboard.events.renewal.CertificationRenewed;
import org.certboard.events.renewal.CertificationRetired;
import org.certboard.platform.domain.Refusal;
import org.certboard.renewal.calendar.ExpiryRule;
import org.certboard.renewal.calendar.RenewalCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each status change of a certification, from every status: the result, the event, and the refusals. */
class CertificationTransitionsTest {
    /** CCMC defaults: 5-year cycle, 30 days' grace, retirement up to 9 months after expiry, reactivation 5 years. */
    static final RenewalCalendar CALENDAR = new RenewalCalendar(new ExpiryRule.AddCycle(Period.ofYears(5)),
            Period.ofMonths(3), List.of(180, 90, 30), Period.ofDays(30), Period.ofMonths(9), Period.ofYears(5),
            ZoneId.of("America/New_York"));
    static final LocalDate EXAM = LocalDate.of(2021, 5, 31);
    static final LocalDate EXPIRY = LocalDate.of(2026, 5, 31);
    static final LocalDate RETIRED_ON = LocalDate.of(2026, 7, 1);
    static final Actor STAFF = new Actor("staff-1", "staff");

    /** A certification first certified on {@link #EXAM}, expiring on {@link #EXPIRY}, in {@code status}. */
    static Certification in(CertificationStatus status) {
        Certification certification = Certification.issue("CCM-2021-000001", "CCM", UUID.randomUUID(), EXAM, CALENDAR)
                .certification();
        certification.status = status;
        if (status == CertificationStatus.RETIRED) {
            certification.retiredOn = RETIRED_ON;
        }
        return certification;
    }

    @Test
    void issuingStartsTheFirstCycleOnTheExamDate() {
        UUID candidate = UUID.randomUUID();
        Certification.Issued issued = Certification.issue("CCM-2021-000042", "CCM", candidate, EXAM, CALENDAR);

        assertThat(issued.certification().status).isEqualTo(CertificationStatus.ACTIVE);
        assertThat(issued.certification().nextDueOn).isEqualTo(EXPIRY.minusDays(180));
        assertThat(issued.event()).isEqualTo(new CertificationIssued(candidate, "CCM-2021-000042", EXAM, EXAM,
                EXPIRY));
    }

    @ParameterizedTest(name = "{0} expires: {1}")
    @CsvSource({
            "ACTIVE,  EXPIRED",
            "EXPIRED, refused",
            "LAPSED,  refused",
            "RETIRED, refused" })
    void expire(CertificationStatus from, String to) {
        Certification certification = in(from);

        assertThat(certification.canExpire()).isEqualTo(!to.equals("refused"));
        if (to.equals("refused")) {
            assertThatThrownBy(() -> certification.expire(CALENDAR)).isInstanceOf(IllegalStateException.class);
            assertThat(certification.status).isEqualTo(from);
            return;
        }
        assertThat(certification.expire(CALENDAR)).isEqualTo(new CertificationExpired(certification.candidateId,
                certification.number, EXPIRY, "CCM", CALENDAR.lateRenewalEndsOn(EXPIRY)));
        assertThat(certification.status).isEqualTo(CertificationStatus.valueOf(to));
    }

    /** LAPSED is written here only: dated the last day of grace, or of a retired one's reactivation window. */
    @ParameterizedTest(name = "{0} lapses: {1}, lapsedOn {2}")
    @CsvSource({
            "EXPIRED, LAPSED,  2026-06-30",
            "RETIRED, LAPSED,  2031-07-01",
            "ACTIVE,  refused,",
            "LAPSED,  refused," })
    void lapse(CertificationStatus from, String to, LocalDate lapsedOn) {
        Certification certification = in(from);

        assertThat(certification.canLapse()).isEqualTo(!to.equals("refused"));
        if (to.equals("refused")) {
            assertThatThrownBy(() -> certification.lapse(CALENDAR)).isInstanceOf(IllegalStateException.class);
            assertThat(certification.status).isEqualTo(from);
            return;
        }
        assertThat(certification.lapse(CALENDAR)).isEqualTo(new CertificationLapsed(certification.candidateId,
                certification.number, lapsedOn));
        assertThat(certification.status).isEqualTo(CertificationStatus.LAPSED);
        assertThat(certification.nextDueOn).as("nothing is due on a lapsed certification").isNull();
    }

    @ParameterizedTest(name = "overdue {0} → {1}")
    @CsvSource({
            "ACTIVE,  CertificationExpired CertificationLapsed",
            "EXPIRED, CertificationLapsed",
            "RETIRED, CertificationLapsed" })
    void anOverdueLapseOwesTheEventsTheClockJobWouldHaveSent(CertificationStatus from, String events) {
        Certification certification = in(from);

        assertThat(certification.lapseOverdue(CALENDAR)).extracting(event -> event.getClass().getSimpleName())
                .containsExactly(events.split(" "));
        assertThat(certification.status).isEqualTo(CertificationStatus.LAPSED);
    }

    /** today; the retirement window of the 2026-05-31 expiry ends on 2027-02-28. */
    @ParameterizedTest(name = "{0} retires on {1} (audit pending {2}, holds a live one {3}): {4}")
    @CsvSource({
            "ACTIVE,  2026-04-01, false, true,  RETIRED",
            "EXPIRED, 2026-06-10, false, true,  RETIRED",
            "LAPSED,  2027-02-28, false, false, RETIRED",
            "RETIRED, 2026-08-01, false, true,  CONFLICT Already retired",
            "ACTIVE,  2027-03-01, false, true,  RULE Retirement no longer possible",
            "RETIRED, 2027-03-01, false, true,  CONFLICT Already retired",
            "ACTIVE,  2026-04-01, true,  true,  CONFLICT Renewal awaiting audit",
            "LAPSED,  2027-01-01, false, true,  CONFLICT Certified anew",
            "LAPSED,  2027-03-01, false, true,  RULE Retirement no longer possible" })
    void retire(CertificationStatus from, LocalDate today, boolean awaitingAudit, boolean holdsLive, String outcome) {
        Certification certification = in(from);

        if (!outcome.equals("RETIRED")) {
            assertThatThrownBy(() -> certification.retire(today, STAFF, awaitingAudit, holdsLive, CALENDAR))
                    .isInstanceOfSatisfying(Refusal.class, refused -> assertThat(
                            refused.kind() + " " + refused.title()).isEqualTo(outcome));
            assertThat(certification.status).isEqualTo(from);
            return;
        }
        assertThat(certification.retire(today, STAFF, awaitingAudit, holdsLive, CALENDAR))
                .isEqualTo(new CertificationRetired(certification.candidateId, certification.number, today, STAFF));
        assertThat(certification.status).isEqualTo(CertificationStatus.RETIRED);
        assertThat(certification.retiredOn).isEqualTo(today);
        assertThat(certification.retiredBy()).isEqualTo(STAFF);
        assertThat(certification.nextDueOn).as("the day after the reactivation window").isEqualTo(
                today.plusYears(5).plusDays(1));
    }

    /** Every status renews: late, a lapse the exam date preceded, an audit accepted late, a reactivation. */
    @ParameterizedTest(name = "{0} renews")
    @CsvSource({ "ACTIVE", "EXPIRED", "LAPSED", "RETIRED" })
    void renew(CertificationStatus from) {
        Certification certification = in(from);
        LocalDate nextExpiry = CALENDAR.expiryFor(EXPIRY);

        assertThat(certification.renew("CE", true, EXPIRY, nextExpiry, STAFF, CALENDAR)).isEqualTo(
                new CertificationRenewed(certification.candidateId, certification.number, "CE", true, EXPIRY,
                        nextExpiry, STAFF));
        assertThat(certification.status).isEqualTo(CertificationStatus.ACTIVE);
        assertThat(certification.retiredOn).isNull();
        assertThat(certification.nextDueOn).isEqualTo(nextExpiry.minusDays(180));
    }
}
