package org.certboard.exam.result;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.events.Actor;
import org.certboard.events.EventPayload;
import org.certboard.events.exam.ExamFailed;
import org.certboard.events.exam.ExamPassed;
import org.certboard.exam.BoardConfig;
import org.certboard.exam.ExamConfig;
import org.certboard.exam.booking.Booking;
import org.certboard.exam.eligibility.Authorisation;
import org.certboard.exam.result.ImportRows.Rejected;
import org.certboard.exam.result.ImportRows.Valid;
import org.certboard.platform.outbox.Outbox;
import org.certboard.platform.problem.Problem;
import org.certboard.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Records results, singly or in bulk, each with its ExamPassed or ExamFailed in the same transaction. The booking is
 * claimed by a conditional update (BOOKED to COMPLETED) before its result is written, so two requests for the same
 * booking cannot both record one; the unique index on exam_result.booking_id is the last line of defence.
 */
@ApplicationScoped
public class ResultService {

    @Schema(name = "ResultImportReport")
    public record ImportReport(int accepted, int unchanged, List<Rejected> rejected) {
    }

    /** What the database holds about one booking, as far as recording its result is concerned. */
    private record Target(UUID candidateId, Booking.Status status, Instant startsAt, Integer passMark) {
    }

    private record Existing(Integer scaledScore, boolean noShow) {
    }

    private static final String TARGETS = """
            select b.id, b.candidateId, b.status, s.startsAt, w.passMark
            from Booking b, Sitting s, ExamWindow w
            where s.id = b.sittingId and w.id = s.windowId and b.id in :ids""";

    private final Clock clock;
    private final BoardConfig board;
    private final ExamConfig config;
    private final ScoreScale scale;
    private final Outbox outbox;

    public ResultService(Clock clock, BoardConfig board, ExamConfig config, ScoreScale scale, Outbox outbox) {
        this.clock = clock;
        this.board = board;
        this.config = config;
        this.scale = scale;
        this.outbox = outbox;
    }

    public Uni<ExamResult> record(UUID bookingId, int score, Actor recorder) {
        if (!scale.contains(score)) {
            throw ProblemException.invalid("scaledScore", scale.describe());
        }
        Instant now = clock.instant();
        List<UUID> ids = List.of(bookingId);
        return Panache.withTransaction(() -> Authorisation.lockCandidatesOfBookings(ids)
                .chain(() -> targets(ids)).chain(targets -> existing(ids).chain(existing -> {
                    Target target = targets.get(bookingId);
                    if (target == null) {
                        throw ProblemException.notFound("booking", bookingId);
                    }
                    Existing held = existing.get(bookingId);
                    if (held != null) {
                        throw new ProblemException(Problem.of(409, "Result already recorded", "booking " + bookingId
                                + " already has a result; a result is recorded once per booking")
                                .with("scaledScore", held.noShow() ? "no-show" : held.scaledScore()));
                    }
                    String refusal = refusal(target, now);
                    if (refusal != null) {
                        throw ProblemException.unprocessable("Result not recordable", refusal);
                    }
                    ExamResult result = result(bookingId, target, score, now, recorder);
                    return complete(List.of(bookingId)).chain(() -> result.<ExamResult>persist())
                            .call(() -> outbox.add(event(result)));
                })));
    }

    /** Keeps the valid rows, rejects the others with their line; a row already recorded with the same score is unchanged. */
    public Uni<ImportReport> importRows(List<ImportRows.Row> rows, Actor importer) {
        if (rows.size() > config.importMaxRows()) {
            throw ProblemException.invalid("body", "at most " + config.importMaxRows() + " rows per import, got "
                    + rows.size());
        }
        List<Rejected> rejected = new ArrayList<>();
        Map<UUID, List<Valid>> lines = new LinkedHashMap<>();
        for (ImportRows.Row row : rows) {
            ImportRows.Checked checked = ImportRows.check(row, scale);
            if (checked instanceof Rejected r) {
                rejected.add(r);
            } else if (checked instanceof Valid v) {
                lines.computeIfAbsent(v.bookingId(), id -> new ArrayList<>()).add(v);
            }
        }
        // A file that gives one booking two scores contradicts itself: neither may become final, every line of that
        // booking is reported, and the vendor sends the booking again once it knows which score is right. The same
        // score repeated is no contradiction: it counts once.
        Map<UUID, Valid> byBooking = new LinkedHashMap<>();
        int unchangedInFile = 0;
        for (List<Valid> same : lines.values()) {
            if (same.stream().mapToInt(Valid::scaledScore).distinct().count() > 1) {
                String all = same.stream().map(v -> v.scaledScore() + " on line " + v.line())
                        .collect(java.util.stream.Collectors.joining(", "));
                for (Valid v : same) {
                    rejected.add(new Rejected(v.line(), "disputed: booking " + v.bookingId() + " has " + all
                            + " in this file; none of them is recorded", true));
                }
            } else {
                byBooking.put(same.get(0).bookingId(), same.get(0));
                unchangedInFile += same.size() - 1;
            }
        }
        if (byBooking.isEmpty()) {
            return Uni.createFrom().item(report(0, unchangedInFile, rejected));
        }
        Instant now = clock.instant();
        List<UUID> ids = new ArrayList<>(byBooking.keySet());
        int duplicates = unchangedInFile;
        return Panache.withTransaction(() -> Authorisation.lockCandidatesOfBookings(ids)
                .chain(() -> targets(ids))
                .chain(targets -> existing(ids).chain(existing -> {
                    List<ExamResult> results = new ArrayList<>(ids.size());
                    int unchanged = duplicates;
                    for (Valid row : byBooking.values()) {
                        Target target = targets.get(row.bookingId());
                        Existing held = existing.get(row.bookingId());
                        if (target == null) {
                            rejected.add(new Rejected(row.line(), "unknown booking " + row.bookingId()));
                        } else if (held != null && !held.noShow() && held.scaledScore() == row.scaledScore()) {
                            unchanged++;
                        } else if (held != null) {
                            rejected.add(new Rejected(row.line(), "booking " + row.bookingId() + " already has "
                                    + (held.noShow() ? "a no-show" : "the score " + held.scaledScore())
                                    + " recorded"));
                        } else if (refusal(target, now) != null) {
                            rejected.add(new Rejected(row.line(), refusal(target, now)));
                        } else {
                            results.add(result(row.bookingId(), target, row.scaledScore(), now, importer));
                        }
                    }
                    ImportReport report = report(results.size(), unchanged, rejected);
                    if (results.isEmpty()) {
                        return Uni.createFrom().item(report);
                    }
                    return complete(results.stream().map(r -> r.bookingId).toList())
                            .chain(() -> insert(results, now))
                            .chain(() -> outbox.addAll(results.stream().map(ResultService::event).toList()))
                            .replaceWith(report);
                })));
    }

    private Uni<Map<UUID, Target>> targets(List<UUID> ids) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                select b.id, b.candidate_id, b.status, s.starts_at, w.pass_mark
                from booking b join sitting s on s.id = b.sitting_id join exam_window w on w.id = s.window_id
                where b.id = any(:ids)""", Object[].class)
                .setParameter("ids", ids.toArray(new UUID[0])).getResultList())
                .map(rows -> {
                    Map<UUID, Target> targets = new HashMap<>(rows.size() * 2);
                    for (Object[] row : rows) {
                        targets.put((UUID) row[0], new Target((UUID) row[1], Booking.Status.valueOf(row[2].toString()),
                                instant(row[3]), (Integer) row[4]));
                    }
                    return targets;
                });
    }

    private Uni<Map<UUID, Existing>> existing(List<UUID> ids) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select booking_id, scaled_score, no_show from exam_result where booking_id = any(:ids)", Object[].class)
                .setParameter("ids", ids.toArray(new UUID[0])).getResultList())
                .map(rows -> {
                    Map<UUID, Existing> existing = new HashMap<>();
                    for (Object[] row : rows) {
                        existing.put((UUID) row[0], new Existing((Integer) row[1], (Boolean) row[2]));
                    }
                    return existing;
                });
    }

    private static Instant instant(Object value) {
        return value instanceof java.time.OffsetDateTime moment ? moment.toInstant() : (Instant) value;
    }

    /** Why no result can be recorded for this booking now, or null. */
    private static String refusal(Target target, Instant now) {
        if (target.status() == Booking.Status.CANCELLED) {
            return "the booking was cancelled";
        }
        if (now.isBefore(target.startsAt())) {
            return "the sitting starts at " + target.startsAt() + " and has not been held yet";
        }
        return null;
    }

    private ExamResult result(UUID bookingId, Target target, int score, Instant now, Actor recorder) {
        LocalDate examDate = LocalDate.ofInstant(target.startsAt(), board.timeZone());
        return ExamResult.scored(bookingId, target.candidateId(), score, scale.passes(score, target.passMark()),
                examDate, now, recorder);
    }

    /**
     * Claims the bookings for their results: BOOKED becomes COMPLETED in one conditional update. The row lock makes a
     * concurrent recording of the same booking wait, then find it no longer BOOKED; a claim that misses any booking
     * therefore means another request recorded it meanwhile, and this one rolls back rather than record twice.
     */
    private Uni<Void> complete(List<UUID> bookingIds) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "update booking set status = 'COMPLETED' where id = any(:ids) and status = 'BOOKED'")
                .setParameter("ids", bookingIds.toArray(new UUID[0])).executeUpdate())
                .invoke(claimed -> {
                    if (claimed != bookingIds.size()) {
                        throw ProblemException.conflict("Recorded concurrently", "another request recorded a result"
                                + " for one of these bookings at the same time; nothing was written, send it again");
                    }
                })
                .replaceWithVoid();
    }

    /**
     * One statement for all rows: the columns travel as arrays and unnest() turns them back into rows. One import is
     * one recorder's, so the recorder travels once.
     */
    private Uni<Void> insert(List<ExamResult> results, Instant now) {
        int n = results.size();
        UUID[] ids = new UUID[n];
        UUID[] bookings = new UUID[n];
        UUID[] candidates = new UUID[n];
        Integer[] scores = new Integer[n];
        Boolean[] passed = new Boolean[n];
        LocalDate[] dates = new LocalDate[n];
        for (int i = 0; i < n; i++) {
            ExamResult r = results.get(i);
            ids[i] = r.id;
            bookings[i] = r.bookingId;
            candidates[i] = r.candidateId;
            scores[i] = r.scaledScore;
            passed[i] = r.passed;
            dates[i] = r.examDate;
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into exam_result (id, booking_id, candidate_id, scaled_score, passed, no_show, exam_date,
                    recorded_at, recorded_by_subject, recorded_by_role)
                select id, booking_id, candidate_id, scaled_score, passed, false, exam_date, cast(:now as timestamptz),
                    :recorderSubject, :recorderRole
                from unnest(cast(:ids as uuid[]), cast(:bookings as uuid[]), cast(:candidates as uuid[]),
                    cast(:scores as integer[]), cast(:passed as boolean[]), cast(:dates as date[]))
                    as t(id, booking_id, candidate_id, scaled_score, passed, exam_date)""")
                .setParameter("ids", ids).setParameter("bookings", bookings).setParameter("candidates", candidates)
                .setParameter("scores", scores).setParameter("passed", passed).setParameter("dates", dates)
                .setParameter("now", now).setParameter("recorderSubject", results.get(0).recordedBySubject)
                .setParameter("recorderRole", results.get(0).recordedByRole).executeUpdate())
                .replaceWithVoid();
    }

    static EventPayload event(ExamResult result) {
        return result.passed
                ? new ExamPassed(result.candidateId, result.bookingId, result.examDate, result.scaledScore,
                        result.recordedBy())
                : new ExamFailed(result.candidateId, result.bookingId, result.examDate, result.scaledScore, false,
                        result.recordedBy());
    }

    private static ImportReport report(int accepted, int unchanged, List<Rejected> rejected) {
        rejected.sort(Comparator.comparingInt(Rejected::line));
        return new ImportReport(accepted, unchanged, rejected);
    }
}
