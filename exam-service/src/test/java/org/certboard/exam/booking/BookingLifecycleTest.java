package org.certboard.exam.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.certboard.events.exam.BookingCancelled;
import org.certboard.events.exam.ExamBooked;
import org.certboard.exam.booking.Booking.Status;
import org.certboard.exam.sitting.Sitting;
import org.certboard.platform.domain.Refusal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each booking transition as a table: from which status, to which, with which event or refusal. */
class BookingLifecycleTest {
    private static final Instant STARTS_AT = Instant.parse("2027-05-03T16:00:00Z");
    private static final UUID SITTING = UUID.randomUUID();

    private static Booking booking(Status status, boolean deferred) {
        Booking booking = new Booking();
        booking.id = UUID.randomUUID();
        booking.candidateId = UUID.randomUUID();
        booking.sittingId = SITTING;
        booking.program = "CCM";
        booking.applicationId = UUID.randomUUID();
        booking.status = status;
        booking.deferred = deferred;
        booking.bookedAt = STARTS_AT.minusSeconds(86400 * 10);
        return booking;
    }

    /** {@code refused}: the problem title, or empty when the transition happens. */
    @ParameterizedTest(name = "cancel {0} -> {1}{2}")
    @CsvSource(nullValues = "-", value = { "BOOKED, CANCELLED, -", "CANCELLED, CANCELLED, Booking not active",
            "COMPLETED, COMPLETED, Booking not active" })
    void cancelFreesTheSeatOfAnActiveBookingOnly(Status from, Status to, String refused) {
        Booking booking = booking(from, false);
        Instant now = STARTS_AT.minusSeconds(3 * 86400);
        if (refused == null) {
            BookingCancelled event = booking.cancel(now);
            assertThat(event).isEqualTo(new BookingCancelled(booking.candidateId, booking.id, SITTING, now, "CCM"));
        } else {
            assertThatThrownBy(() -> booking.cancel(now)).isInstanceOfSatisfying(Refusal.class,
                    e -> assertThat(e).extracting(Refusal::kind, Refusal::title)
                            .containsExactly(Refusal.Kind.CONFLICT, refused));
        }
        assertThat(booking.status).isEqualTo(to);
    }

    @ParameterizedTest(name = "move {0} (deferred {1}, deferral {2}) -> deferred {3}{4}")
    @CsvSource(nullValues = "-", value = {
            "BOOKED,    false, false, false, -",
            "BOOKED,    false, true,  true,  -",
            "BOOKED,    true,  false, true,  -",
            "BOOKED,    true,  true,  true,  Deferral used",
            "CANCELLED, false, false, false, Booking not active",
            "COMPLETED, false, true,  false, Booking not active" })
    void aBookingMovesWhileActiveAndDefersOnce(Status from, boolean deferred, boolean deferral,
            boolean deferredAfter, String refused) {
        Booking booking = booking(from, deferred);
        Sitting to = new Sitting();
        to.id = UUID.randomUUID();
        to.program = "CCM";
        to.site = "Boston";
        to.startsAt = STARTS_AT.plusSeconds(86400 * 40);
        if (refused == null) {
            assertThat(booking.moveTo(to, deferral))
                    .isEqualTo(new ExamBooked(booking.candidateId, booking.id, to.id, "Boston", to.startsAt, "CCM"));
            assertThat(booking.sittingId).isEqualTo(to.id);
        } else {
            assertThatThrownBy(() -> booking.moveTo(to, deferral)).isInstanceOfSatisfying(Refusal.class,
                    e -> assertThat(e).extracting(Refusal::kind, Refusal::title)
                            .containsExactly(Refusal.Kind.CONFLICT, refused));
            assertThat(booking.sittingId).isEqualTo(SITTING);
        }
        assertThat(booking.status).isEqualTo(from);
        assertThat(booking.deferred).isEqualTo(deferredAfter);
    }

    /** A booking stays in its program: a sitting of another is refused, whatever the deferral. */
    @ParameterizedTest(name = "move a CCM booking to a {0} sitting, deferral {1}")
    @CsvSource({ "ACM, false", "ACM, true", "TPX, false" })
    void aBookingMovesOnlyWithinItsProgram(String program, boolean deferral) {
        Booking booking = booking(Status.BOOKED, false);
        Sitting to = new Sitting();
        to.id = UUID.randomUUID();
        to.program = program;
        assertThatThrownBy(() -> booking.moveTo(to, deferral)).isInstanceOfSatisfying(Refusal.class,
                e -> assertThat(e).extracting(Refusal::kind, Refusal::title)
                        .containsExactly(Refusal.Kind.RULE, "Other program"));
        assertThat(booking.sittingId).isEqualTo(SITTING);
        assertThat(booking.deferred).isFalse();
    }

    /** {@code secondsAfterStart}: when staff record it, relative to the sitting's start. */
    @ParameterizedTest(name = "no-show on {0}, {1}s after the start -> {2}{3}")
    @CsvSource(nullValues = "-", value = {
            "BOOKED,    0,  COMPLETED, -",
            "BOOKED,    60, COMPLETED, -",
            "BOOKED,    -1, BOOKED,    Sitting not started",
            "CANCELLED, 60, CANCELLED, Booking not active",
            "COMPLETED, 60, COMPLETED, Booking not active" })
    void aNoShowCompletesAnActiveBookingOnceTheSittingStarted(Status from, long secondsAfterStart, Status to,
            String refused) {
        Booking booking = booking(from, false);
        Instant now = STARTS_AT.plusSeconds(secondsAfterStart);
        if (refused == null) {
            booking.noShow(now, STARTS_AT);
        } else {
            assertThatThrownBy(() -> booking.noShow(now, STARTS_AT)).isInstanceOfSatisfying(Refusal.class,
                    e -> assertThat(e).extracting(Refusal::kind, Refusal::title)
                            .containsExactly(Refusal.Kind.CONFLICT, refused));
        }
        assertThat(booking.status).isEqualTo(to);
    }

    /** A completed booking passes: its recorded result answers first, or the claim misses (Recorded concurrently). */
    @ParameterizedTest(name = "result for {0}, {1}s after the start: refused {2}")
    @CsvSource(nullValues = "-", value = {
            "BOOKED,    0,  -",
            "BOOKED,    -1, the sitting starts at 2027-05-03T16:00:00Z and has not been held yet",
            "CANCELLED, 60, the booking was cancelled",
            "CANCELLED, -1, the booking was cancelled",
            "COMPLETED, 60, -" })
    void aResultIsRecordedForAHeldSittingOfABookingNotCancelled(Status status, long secondsAfterStart,
            String refusal) {
        assertThat(Booking.refusesResult(status, STARTS_AT, STARTS_AT.plusSeconds(secondsAfterStart)))
                .isEqualTo(refusal);
    }
}
