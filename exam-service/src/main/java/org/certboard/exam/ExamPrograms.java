package org.certboard.exam;

import java.util.Map;

import org.certboard.platform.program.ProgramEntry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/**
 * exam-service's part of each credential program, {@code certboard.programs.<code>.exam.*} (docs/programs.md): a
 * program that sets none of it runs the defaults below. Turned into each program's rules once, at start-up
 * ({@code rules.BoardRules}).
 */
@ConfigMapping(prefix = "certboard.programs")
public interface ExamPrograms {

    @WithParentName
    Map<String, ExamProgram> programs();

    interface ExamProgram extends ProgramEntry {
        Exam exam();
    }

    interface Exam {
        Scale scale();

        /** The program's pass mark, for every window of the program that sets none of its own. */
        @WithDefault("500")
        int passMark();

        Retakes retakes();
    }

    interface Scale {
        @WithDefault("200")
        int min();

        @WithDefault("800")
        int max();
    }

    interface Retakes {
        /** Attempts (no-shows included) allowed within one retake period. */
        @WithDefault("3")
        int maxAttempts();

        /** The retake period: AUTHORISATION or CALENDAR_YEAR ({@code booking.RetakePolicy.Period}). */
        @WithDefault("AUTHORISATION")
        String per();
    }
}
