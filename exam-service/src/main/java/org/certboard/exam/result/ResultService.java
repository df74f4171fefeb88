package org.certboard.exam.result;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.events.Actor;
import org.certboard.exam.ExamConfig;
import org.certboard.exam.booking.BookingFacts;
import org.certboard.exam.booking.BookingRepository;
import org.certboard.exam.eligibility.AuthorisationRepository;
import org.certboard.exam.result.ImportRows.Rejected;
import org.certboard.exam.result.ImportRows.Valid;
import org.certboard.exam.result.ResultRepository.Known;
import org.certboard.exam.result.ResultRepository.Recorded;
import org.certboard.exam.scoring.ScoreScale;
import org.certboard.platform.clock.BoardTime;
import org.certboard.platform.domain.Refusal;
import org.certboard.platform.outbox.Outbox;
import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.program.ProgramRules;
import org.certboard.platform.sets.Coalescer;
import org.certboard.platform.sets.Coalescer.Outcome;
import org.certboard.platform.tracing.TraceParent;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Records results, singly (in sets of those sent at once) or in bulk, and no-shows, each with its ExamPassed or
 * ExamFailed in the same transaction.
 * The booking is claimed by a conditional update (BOOKED to COMPLETED) in the statement that writes its result, so
 * two requests for the same booking cannot both record one; the unique index on exam_result.booking_id is the last
 * line of defence.
 */
@ApplicationScoped
public class ResultService {
    private static final Supplier<Refusal> RECORDED_CONCURRENTLY = () -> Refusal.conflict("Recorded concurrently",
            "another request recorded a result for one of these bookings at the same time, or cancelled it;"
                    + " nothing was written, send it again");

    private final BoardTime time;
    private final ExamConfig config;
    private final ProgramRules<ScoreScale> scales;
    private final Outbox outbox;
    private final ResultRepository results;
    private final BookingRepository bookings;
    private final AuthorisationRepository authorisations;
    private final Pool pool;
    private final Coalescer<UUID, Sent, ExamResult> recording;

    public ResultService(BoardTime time, ExamConfig config, ProgramRules<ScoreScale> scales, Outbox outbox,
            ResultRepository results, BookingRepository bookings, AuthorisationRepository authorisations, Pool pool) {
        this.time = time;
        this.config = config;
        this.scales = scales;
        this.outbox = outbox;
        this.results = results;
        this.bookings = bookings;
        this.authorisations = authorisations;
        this.pool = pool;
        // one set per booking: a result sent twice goes in the next set and finds the first recorded
        this.recording = new Coalescer<>(Sent::bookingId, this::recordSet, config.resultSets(),
                config.resultSetSize());
    }

    /**
     * The score lies on the scale of the booking's program (checked first once the booking is known). The result is
     * recorded in a set with the others sent meanwhile ({@link Coalescer}): two statements for the whole set and no
     * transaction.
     */
    public Uni<ExamResult> record(UUID bookingId, int score, Actor recorder) {
        return recording.submit(new Sent(bookingId, score, recorder, time.now(), TraceParent.current().orElse(null)));
    }

    /** A single result as sent, with the time it was sent and the trace it continues. */
    private record Sent(UUID bookingId, int score, Actor recorder, Instant at, String traceparent) {
    }

    /**
     * The bookings' facts and any results they have, then the results with their events in one statement ({@link
     * ResultRepository#claimed}). What the read found may change before the write; the write's claim decides, and a
     * booking recorded or cancelled meanwhile is a 409 with nothing written for it.
     */
    private Uni<List<Outcome<ExamResult>>> recordSet(List<Sent> set) {
        return ResultRepository.known(pool, set.stream().map(Sent::bookingId).toList()).chain(known -> {
            List<Outcome<ExamResult>> outcomes = new ArrayList<>(set.size());
            List<ExamResult> scored = new ArrayList<>(set.size());
            List<Outbox.Announcing> events = new ArrayList<>(set.size());
            for (Sent sent : set) {
                Refusal refusal = refusal(sent, known);
                if (refusal != null) {
                    outcomes.add(Outcome.refused(refusal));
                    continue;
                }
                ExamResult result = scored(sent.bookingId(), known.bookings().get(sent.bookingId()), sent.score(),
                        sent.at(), sent.recorder());
                outcomes.add(Outcome.of(result));
                scored.add(result);
                events.add(new Outbox.Announcing(result.id, result.event(), sent.traceparent()));
            }
            if (scored.isEmpty()) {
                return Uni.createFrom().item(outcomes);
            }
            return outbox.writeForChanged(pool, ResultRepository.claimed(scored), events).map(written -> {
                for (int i = 0; i < outcomes.size(); i++) {
                    ExamResult result = outcomes.get(i).value();
                    if (result != null && !written.contains(result.id)) {
                        outcomes.set(i, Outcome.refused(RECORDED_CONCURRENTLY.get()));
                    }
                }
                return outcomes;
            });
        });
    }

    /** Why the result sent cannot be recorded, as far as the read shows; null when it can. */
    private Refusal refusal(Sent sent, Known known) {
        BookingFacts booking = known.bookings().get(sent.bookingId());
        if (booking == null) {
            return Refusal.notFound("booking", sent.bookingId());
        }
        ScoreScale scale = scales.of(booking.program());
        if (!scale.contains(sent.score())) {
            return Refusal.invalid("scaledScore", scale.describe());
        }
        Recorded held = known.recorded().get(sent.bookingId());
        if (held != null) {
            return Refusal.conflict("Result already recorded", "booking " + sent.bookingId()
                    + " already has a result; a result is recorded once per booking")
                    .with("scaledScore", held.noShow() ? "no-show" : held.scaledScore());
        }
        String rule = booking.refusesResult(sent.at());
        return rule == null ? null : Refusal.rule("Result not recordable", rule);
    }

    /** Staff record that the candidate did not attend: a failed attempt without a score. */
    public Uni<ExamResult> noShow(UUID bookingId, Actor staff) {
        Instant now = time.now();
        List<UUID> ids = List.of(bookingId);
        return Panache.withTransaction(() -> authorisations.lockCandidatesOf(ids)
                .chain(() -> bookings.findLocked(bookingId))
                .onItem().ifNull().failWith(() -> Refusal.notFound("booking", bookingId))
                .chain(booking -> results.known(ids).chain(known -> {
                    Instant startsAt = known.bookings().get(bookingId).startsAt();
                    booking.noShow(now, startsAt);
                    ExamResult result = ExamResult.noShow(bookingId, booking.candidateId, booking.program,
                            time.dateOf(startsAt), now, staff);
                    return results.persist(result).call(() -> outbox.add(result.event()));
                })));
    }

    /**
     * Keeps the valid rows, rejects the others with their line; a row already recorded with the same score is
     * unchanged. A score is checked against its booking's program's scale once the bookings are read.
     */
    public Uni<ImportReport> importRows(List<ImportRows.Row> rows, Actor importer) {
        if (rows.size() > config.importMaxRows()) {
            throw Refusal.invalid("body", "at most " + config.importMaxRows() + " rows per import, got "
                    + rows.size());
        }
        List<Rejected> rejected = new ArrayList<>();
        List<Valid> parsed = new ArrayList<>(rows.size());
        for (ImportRows.Row row : rows) {
            ImportRows.Checked checked = ImportRows.check(row);
            if (checked instanceof Rejected r) {
                rejected.add(r);
            } else if (checked instanceof Valid v) {
                parsed.add(v);
            }
        }
        if (parsed.isEmpty()) {
            return Uni.createFrom().item(report(0, 0, rejected));
        }
        Instant now = time.now();
        List<UUID> ids = parsed.stream().map(Valid::bookingId).distinct().toList();
        return Panache.withTransaction(() -> authorisations.lockCandidatesOf(ids)
                .chain(() -> results.known(ids)).chain(known -> {
                    Map<UUID, BookingFacts> facts = known.bookings();
                    Map<UUID, Recorded> recorded = known.recorded();
                    Undisputed rowsOf = undisputed(onScale(parsed, facts, rejected), rejected);
                    List<ExamResult> accepted = new ArrayList<>(rowsOf.byBooking().size());
                    int unchanged = rowsOf.repeats();
                    for (Valid row : rowsOf.byBooking().values()) {
                        BookingFacts booking = facts.get(row.bookingId());
                        Recorded held = recorded.get(row.bookingId());
                        String refusal = booking == null ? null : booking.refusesResult(now);
                        if (booking == null) {
                            rejected.add(new Rejected(row.line(), "unknown booking " + row.bookingId()));
                        } else if (held != null && !held.noShow() && held.scaledScore() == row.scaledScore()) {
                            unchanged++;
                        } else if (held != null) {
                            rejected.add(new Rejected(row.line(), "booking " + row.bookingId() + " already has "
                                    + (held.noShow() ? "a no-show" : "the score " + held.scaledScore())
                                    + " recorded"));
                        } else if (refusal != null) {
                            rejected.add(new Rejected(row.line(), refusal));
                        } else {
                            accepted.add(scored(row.bookingId(), booking, row.scaledScore(), now, importer));
                        }
                    }
                    ImportReport report = report(accepted.size(), unchanged, rejected);
                    if (accepted.isEmpty()) {
                        return Uni.createFrom().item(report);
                    }
                    return insertClaimed(accepted, now)
                            .chain(() -> outbox.addAll(accepted.stream().map(ExamResult::event).toList()))
                            .replaceWith(report);
                }));
    }

    /**
     * The rows whose score lies on their booking's program's scale; the others are rejected alone (so an off-scale
     * score is no dispute). A row of an unknown booking is kept: it is rejected as unknown later.
     */
    private List<Valid> onScale(List<Valid> rows, Map<UUID, BookingFacts> facts, List<Rejected> rejected) {
        List<Valid> kept = new ArrayList<>(rows.size());
        for (Valid row : rows) {
            BookingFacts booking = facts.get(row.bookingId());
            Rejected off = booking == null ? null : ImportRows.onScale(row, scales.of(booking.program()));
            if (off != null) {
                rejected.add(off);
            } else {
                kept.add(row);
            }
        }
        return kept;
    }

    /** One row per booking the file does not contradict itself on; {@code repeats}: the same score again. */
    private record Undisputed(Map<UUID, Valid> byBooking, int repeats) {
    }

    /**
     * A file that gives one booking two scores contradicts itself: neither may become final, every line of that
     * booking is reported, and the vendor sends the booking again once it knows which score is right. The same
     * score repeated is no contradiction: it counts once.
     */
    private static Undisputed undisputed(List<Valid> rows, List<Rejected> rejected) {
        Map<UUID, List<Valid>> lines = new LinkedHashMap<>();
        for (Valid row : rows) {
            lines.computeIfAbsent(row.bookingId(), id -> new ArrayList<>()).add(row);
        }
        Map<UUID, Valid> byBooking = new LinkedHashMap<>();
        int repeats = 0;
        for (List<Valid> same : lines.values()) {
            if (same.stream().mapToInt(Valid::scaledScore).distinct().count() > 1) {
                String all = same.stream().map(v -> v.scaledScore() + " on line " + v.line())
                        .collect(Collectors.joining(", "));
                for (Valid v : same) {
                    rejected.add(new Rejected(v.line(), "disputed: booking " + v.bookingId() + " has " + all
                            + " in this file; none of them is recorded", true));
                }
            } else {
                byBooking.put(same.get(0).bookingId(), same.get(0));
                repeats += same.size() - 1;
            }
        }
        return new Undisputed(byBooking, repeats);
    }

    public Uni<ExamResult> get(UUID id) {
        return Panache.withSession(() -> results.findById(id))
                .onItem().ifNull().failWith(() -> Refusal.notFound("result", id));
    }

    /** Opens its own session. */
    public Uni<Page<Attempt>> attempts(UUID candidateId, PageRequest paging) {
        return Panache.withSession(() -> paging.fetch(results.ofCandidate(candidateId), Attempt::of));
    }

    private ExamResult scored(UUID bookingId, BookingFacts booking, int score, Instant now, Actor recorder) {
        return ExamResult.scored(bookingId, booking.candidateId(), booking.program(), score,
                scales.of(booking.program()), booking.passMark(), time.dateOf(booking.startsAt()), now, recorder);
    }

    /**
     * Claims the results' bookings and inserts the results ({@link ResultRepository#insertClaimed}). A claim that
     * misses any booking means another request recorded it meanwhile, so this one rolls back rather than record twice.
     */
    private Uni<Void> insertClaimed(List<ExamResult> accepted, Instant now) {
        return results.insertClaimed(accepted, now).invoke(claimed -> {
            if (claimed != accepted.size()) {
                throw RECORDED_CONCURRENTLY.get();
            }
        }).replaceWithVoid();
    }

    private static ImportReport report(int accepted, int unchanged, List<Rejected> rejected) {
        rejected.sort(Comparator.comparingInt(Rejected::line));
        return new ImportReport(accepted, unchanged, rejected);
    }
}
