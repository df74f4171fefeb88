package org.certboard.exam.rules;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.certboard.exam.ExamConfig;
import org.certboard.exam.booking.Cutoff;
import org.certboard.exam.booking.RetakePolicy;
import org.certboard.exam.scoring.ScoreScale;

import io.quarkus.runtime.Startup;

/**
 * Turns configuration into the domain rules once, at start-up, so that an inconsistent setting stops the service.
 * The top of the dependency rule: it wires the rules of the capabilities below, none of which imports it.
 */
public class BoardRules {

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
