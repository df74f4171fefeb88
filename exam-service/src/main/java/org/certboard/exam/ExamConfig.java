package org.certboard.exam;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code certboard.exam.*}: the exam rules the board may tune. Documented in docs/exam-service.md. */
@ConfigMapping(prefix = "certboard.exam")
public interface ExamConfig {

    /** Booking, cancelling and rescheduling close this long before a sitting starts. */
    @WithDefault("PT24H")
    Duration bookingCutoff();

    /** Attempts (no-shows included) allowed within one authorisation period. */
    @WithDefault("3")
    @Min(1)
    int maxAttempts();

    Scale scale();

    /** The board's pass mark, used for every window that sets none of its own. */
    @WithDefault("500")
    int passMark();

    /** Largest number of rows one import request may carry. */
    @WithDefault("20000")
    @Min(1)
    int importMaxRows();

    interface Scale {
        @WithDefault("200")
        int min();

        @WithDefault("800")
        int max();
    }
}
