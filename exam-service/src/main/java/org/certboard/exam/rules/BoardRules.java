package org.certboard.exam;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.certboard.exam.result.ScoreScale;
import org.certboard.exam.booking.Cutoff;
import org.certboard.exam.booking.RetakePolicy;

import io.quarkus.runtime.Startup;

/** Turns configuration into the domain rules once, at start-up, so that an inconsistent setting stops the service. */
public class ExamRules {

    @Produces
    @Singleton
    @Startup
    ScoreScale scale(ExamConfig config) {
        return new ScoreScale(config.scale().min(), config.scale().max(), config.passMark());
    }

    @Produces
    @Singleton
    @Startup
    Cutoff cutoff(ExamConfig config) {
        return new Cutoff(config.bookingCutoff());
    }

    @Produces
    @Singleton
    @Startup
    RetakePolicy retakePolicy(ExamConfig config) {
        return new RetakePolicy(config.maxAttempts());
    }
}
