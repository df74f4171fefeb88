package org.certboard.exam.rules;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.certboard.exam.ExamConfig;
import org.certboard.exam.ExamPrograms;
import org.certboard.exam.booking.Cutoff;
import org.certboard.exam.booking.RetakePolicy;
import org.certboard.exam.scoring.ScoreScale;
import org.certboard.platform.program.ProgramRules;
import org.certboard.platform.program.Programs;

import io.quarkus.runtime.Startup;

/**
 * Turns configuration into the domain rules once, at start-up, so that an inconsistent setting stops the service
 * (with the program's code, for a program's rule). The top of the dependency rule: it wires the rules of the
 * capabilities below, none of which imports it.
 */
public class BoardRules {

    /** Each program's score scale and pass mark ({@code certboard.programs.<code>.exam.scale.*, pass-mark}). */
    @Produces
    @Singleton
    @Startup
    ProgramRules<ScoreScale> scales(Programs programs, ExamPrograms config) {
        return programs.rules(code -> {
            ExamPrograms.Exam exam = config.programs().get(code).exam();
            return new ScoreScale(exam.scale().min(), exam.scale().max(), exam.passMark());
        });
    }

    /** Each program's retake rule ({@code certboard.programs.<code>.exam.retakes.*}). */
    @Produces
    @Singleton
    @Startup
    ProgramRules<RetakePolicy> retakes(Programs programs, ExamPrograms config) {
        return programs.rules(code -> {
            ExamPrograms.Retakes retakes = config.programs().get(code).exam().retakes();
            return new RetakePolicy(retakes.maxAttempts(), RetakePolicy.Period.of(retakes.per()));
        });
    }

    @Produces
    @Singleton
    @Startup
    Cutoff cutoff(ExamConfig config) {
        return new Cutoff(config.bookingCutoff());
    }
}
