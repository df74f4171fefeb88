package org.certboard.exam.window;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.exam.scoring.ScoreScale;
import org.certboard.platform.domain.Refusal;
import org.certboard.platform.program.Program;
import org.certboard.platform.program.ProgramRules;
import org.certboard.platform.program.Programs;
import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Testing windows: opened by staff, read by everyone. */
@ApplicationScoped
public class WindowService {
    private final WindowRepository windows;
    private final Programs programs;
    private final ProgramRules<ScoreScale> scales;

    public WindowService(WindowRepository windows, Programs programs, ProgramRules<ScoreScale> scales) {
        this.windows = windows;
        this.programs = programs;
        this.scales = scales;
    }

    /** A window's pass mark lies on its program's scale; a program the board does not run is refused. */
    public Uni<ExamWindow> open(NewWindow body) {
        if (!WindowRules.validDates(body.opensOn(), body.closesOn())) {
            throw Refusal.invalid("closesOn", "must not be before opensOn (" + body.opensOn() + ")");
        }
        String program = body.programOrDefault();
        if (programs.find(program).isEmpty()) {
            throw Refusal.invalid("program", "no such program '" + program + "'; the board runs "
                    + programs.all().stream().map(Program::code).toList());
        }
        ScoreScale scale = scales.of(program);
        if (body.passMark() != null && !scale.contains(body.passMark())) {
            throw Refusal.invalid("passMark", scale.describe());
        }
        ExamWindow window = ExamWindow.open(program, body.name(), body.opensOn(), body.closesOn(),
                body.passMark());
        return Panache.withTransaction(() -> windows.persist(window));
    }

    public Uni<ExamWindow> get(UUID id) {
        return Panache.withSession(() -> windows.findById(id))
                .onItem().ifNull().failWith(() -> Refusal.notFound("window", id));
    }

    public Uni<Page<WindowView>> list(PageRequest paging) {
        return Panache.withSession(() -> paging.fetch(windows.byOpening(), WindowView::of));
    }
}
