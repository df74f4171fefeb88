package org.certboard.exam;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code certboard.exam.*}: the board-wide exam settings. The rules of each program's exam (scale, pass mark,
 * retakes) are {@link ExamPrograms}'. Documented in docs/exam-service.md.
 */
@ConfigMapping(prefix = "certboard.exam")
public interface ExamConfig {

    /** Booking, cancelling and rescheduling close this long before a sitting starts. */
    @WithDefault("PT24H")
    Duration bookingCutoff();

    /** Largest number of rows one import request may carry. */
    @WithDefault("20000")
    @Min(1)
    int importMaxRows();

    /**
     * Single results ({@code POST /results}) are recorded in sets: at most this many sets at once, per instance. The
     * requests that arrive meanwhile wait for the next set and share its two statements; one at a time makes the
     * fullest sets (docs/benchmarks.md, "Single results in sets").
     */
    @WithDefault("1")
    @Min(1)
    int resultSets();

    /** Most results one set records. */
    @WithDefault("64")
    @Min(1)
    int resultSetSize();
}
