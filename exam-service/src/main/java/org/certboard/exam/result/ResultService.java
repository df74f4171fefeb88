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
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.events.EventPayload;
import org.certboard.events.exam.ExamFailed;
import org.certboard.events.exam.ExamPassed;
import org.certboard.exam.BoardConfig;
import org.certboard.exam.ExamConfig;
import org.certboard.exam.booking.Booking;
import org.certboard.exam.result.ImportRows.Rejected;
import org.certboard.exam.result.ImportRows.Valid;
import org.certboard.platform.outbox.Outbox;
import org.certboard.platform.problem.Problem;
import org.certboard.platform.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Records results, singly or in bulk, each with its ExamPassed or ExamFailed in the same transaction. The booking is
 * claimed by a conditional update (BOOKED to COMPLETED) before its result is written, so two requests for the same
 * booking cannot both record one; the unique index on exam_result.booking_id is the last line of defence.
 */
@ApplicationScoped
public class ResultService {

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

    public Uni<ExamResult> record(UUID bookingId, int score) {
        if (!scale.contains(score)) {
            throw ProblemException.invalid("scaledScore", scale.describe());
        }
        Instant now = clock.instant();
        List<UUID> ids = List.of(bookingId);
        return Panache.withTransaction(() -> targets(ids).chain(targets -> existing(ids).chain(existing -> {
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
                    ExamResult result = result(bookingId, target, score, now);
                    return complete(List.of(bookingId)).chain(() -> result.<ExamResult>persist())
                            .call(() -> outbox.add(event(result)));
                })));
    }

    /** Keeps the valid rows, rejects the others with their line; a row already recorded with the same score is unchanged. */
    public Uni<ImportReport> importRows(List<ImportRows.Row> rows) {
        if (rows.size() > config.importMaxRows()) {
            throw ProblemException.invalid("body", "at most " + config.importMaxRows() + " rows per import, got "
                    + rows.size());
        }
        List<Rejected> rejected = new ArrayList<>();
        Map<UUID, Valid> byBooking = new LinkedHashMap<>();
        int unchangedInFile = 0;
        for (ImportRows.Row row : rows) {
            ImportRows.Checked checked = ImportRows.check(row, scale);
            if (checked instanceof Rejected r) {
                rejected.add(r);
            } else if (checked instanceof Valid v) {
                Valid first = byBooking.putIfAbsent(v.bookingId(), v);
                if (first != null && first.scaledScore() == v.scaledScore()) {
                    unchangedInFile++;
                } else if (first != null) {
                    rejected.add(new Rejected(v.line(), "booking " + v.bookingId() + " already appears on line "
                            + first.line() + " with another score"));
                }
            }
        }
        if (byBooking.isEmpty()) {
            return Uni.createFrom().item(report(0, unchangedInFile, rejected));
        }
        Instant now = clock.instant();
        List<UUID> ids = new ArrayList<>(byBooking.keySet());
        int duplicates = unchangedInFile;
        return Panache.withTransaction(() -> targets(ids)
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
                            results.add(result(row.bookingId(), target, row.scaledScore(), now));
                        }
                    }
                    ImportReport report = report(results.size(), unchanged, rejected);
                    if (results.isEmpty()) {
                        return Uni.createFrom().item(report);
                    }
                    return complete(results.stream().map(r -> r.bookingId).toList())
                            .chain(() -> insert(results))
                            .chain(() -> outbox.addAll(results.stream().map(ResultService::event).toList()))
                            .replaceWith(report);
                })));
    }

    private Uni<Map<UUID, Target>> targets(List<UUID> ids) {
        return inChunks(ids, chunk -> Panache.getSession().chain(session -> session
                .createSelectionQuery(TARGETS, Object[].class).setParameter("ids", chunk).getResultList()))
                .map(rows -> {
                    Map<UUID, Target> targets = new HashMap<>(rows.size() * 2);
                    for (Object[] row : rows) {
                        targets.put((UUID) row[0], new Target((UUID) row[1], (Booking.Status) row[2],
                                (Instant) row[3], (Integer) row[4]));
                    }
                    return targets;
                });
    }

    private Uni<Map<UUID, Existing>> existing(List<UUID> ids) {
        return inChunks(ids, chunk -> Panache.getSession().chain(session -> session.createSelectionQuery(
                "select r.bookingId, r.scaledScore, r.noShow from ExamResult r where r.bookingId in :ids", Object[].class)
                .setParameter("ids", chunk).getResultList()))
                .map(rows -> {
                    Map<UUID, Existing> existing = new HashMap<>();
                    for (Object[] row : rows) {
                        existing.put((UUID) row[0], new Existing((Integer) row[1], (Boolean) row[2]));
                    }
                    return existing;
                });
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

    private ExamResult result(UUID bookingId, Target target, int score, Instant now) {
        LocalDate examDate = LocalDate.ofInstant(target.startsAt(), board.timeZone());
        return ExamResult.scored(bookingId, target.candidateId(), score, scale.passes(score, target.passMark()),
                examDate, now);
    }

    /**
     * Claims the bookings for their results: BOOKED becomes COMPLETED in one conditional update. The row lock makes a
     * concurrent recording of the same booking wait, then find it no longer BOOKED; a claim that misses any booking
     * therefore means another request recorded it meanwhile, and this one rolls back rather than record twice.
     */
    private Uni<Void> complete(List<UUID> bookingIds) {
        return inChunks(bookingIds, chunk -> Panache.getSession().chain(session -> session.createMutationQuery(
                "update Booking set status = :completed where id in :ids and status = :booked")
                .setParameter("completed", Booking.Status.COMPLETED).setParameter("booked", Booking.Status.BOOKED)
                .setParameter("ids", chunk).executeUpdate()).map(List::of))
                .invoke(counts -> {
                    if (counts.stream().mapToInt(Integer::intValue).sum() != bookingIds.size()) {
                        throw ProblemException.conflict("Recorded concurrently", "another request recorded a result"
                                + " for one of these bookings at the same time; nothing was written, send it again");
                    }
                })
                .replaceWithVoid();
    }

    /** One multi-row insert per chunk: set-based, without the per-entity work of a session flush. */
    private Uni<Void> insert(List<ExamResult> results) {
        int perStatement = config.importInsertRows();
        Uni<Void> all = Uni.createFrom().voidItem();
        for (int from = 0; from < results.size(); from += perStatement) {
            List<ExamResult> chunk = results.subList(from, Math.min(results.size(), from + perStatement));
            StringBuilder sql = new StringBuilder("insert into exam_result (id, booking_id, candidate_id, scaled_score,"
                    + " passed, no_show, exam_date, recorded_at) values ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(:i").append(i).append(", :b").append(i).append(", :c")
                        .append(i).append(", :s").append(i).append(", :p").append(i).append(", false, :d")
                        .append(i).append(", :r").append(i).append(')');
            }
            all = all.chain(() -> Panache.getSession().chain(session -> {
                var query = session.createNativeQuery(sql.toString());
                for (int i = 0; i < chunk.size(); i++) {
                    ExamResult r = chunk.get(i);
                    query.setParameter("i" + i, r.id).setParameter("b" + i, r.bookingId)
                            .setParameter("c" + i, r.candidateId).setParameter("s" + i, r.scaledScore)
                            .setParameter("p" + i, r.passed).setParameter("d" + i, r.examDate)
                            .setParameter("r" + i, r.recordedAt);
                }
                return query.executeUpdate();
            })).replaceWithVoid();
        }
        return all;
    }

    static EventPayload event(ExamResult result) {
        return result.passed
                ? new ExamPassed(result.candidateId, result.bookingId, result.examDate, result.scaledScore)
                : new ExamFailed(result.candidateId, result.bookingId, result.examDate, result.scaledScore, false);
    }

    private static ImportReport report(int accepted, int unchanged, List<Rejected> rejected) {
        rejected.sort(Comparator.comparingInt(Rejected::line));
        return new ImportReport(accepted, unchanged, rejected);
    }

    /** Runs one query per chunk of ids, one after the other in the same session, and joins the results. */
    private <T> Uni<List<T>> inChunks(List<UUID> ids, Function<List<UUID>, Uni<List<T>>> query) {
        Uni<List<T>> all = Uni.createFrom().item(new ArrayList<>());
        for (int from = 0; from < ids.size(); from += config.importChunkSize()) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + config.importChunkSize()));
            all = all.chain(joined -> query.apply(chunk).map(rows -> {
                joined.addAll(rows);
                return joined;
            }));
        }
        return all;
    }
}
