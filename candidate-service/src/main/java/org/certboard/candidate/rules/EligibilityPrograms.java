package org.certboard.candidate.rules;

import java.math.BigDecimal;
import java.time.Period;
import java.util.List;
import java.util.Map;

import org.certboard.platform.program.ProgramEntry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/**
 * The eligibility part of each credential program, {@code certboard.programs.<code>.eligibility.*}; defaults are the
 * CCMC rules (see docs/candidate-service.md), so a program that sets only its name decides as CCM does.
 */
@ConfigMapping(prefix = "certboard.programs")
public interface EligibilityPrograms {

    @WithParentName
    Map<String, Program> programs();

    /** One program as candidate-service reads it. */
    interface Program extends ProgramEntry {
        Eligibility eligibility();
    }

    /** The numbers and lists of one program's eligibility pathways. */
    interface Eligibility {

        /** Hours a week that count as full time. */
        @WithDefault("35")
        BigDecimal fullTimeHoursPerWeek();

        /** FTE months for the pathway "supervised by a certified case manager". */
        @WithDefault("12")
        BigDecimal supervisedByCcmMonths();

        /** FTE months for the pathway "any supervisor". */
        @WithDefault("24")
        BigDecimal anySupervisorMonths();

        /** FTE months for the pathway "as a supervisor of case managers". */
        @WithDefault("12")
        BigDecimal supervisorMonths();

        /** How long an approval authorises the candidate to sit the exam, counted from the approval date. */
        @WithDefault("P12M")
        Period authorisationPeriod();

        /** Licence types in a health or human-services discipline; other types go to staff review. */
        @WithDefault("RN,LCSW,LMSW,LPC,CRC,CDMS")
        List<String> licenceTypes();

        /** Degree fields counted as health or human services; other fields go to staff review. */
        @WithDefault("social work,nursing,counseling,psychology,rehabilitation counseling,human services,"
                + "public health,occupational therapy,physical therapy")
        List<String> degreeFields();
    }
}
