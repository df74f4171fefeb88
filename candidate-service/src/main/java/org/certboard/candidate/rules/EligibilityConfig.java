package org.certboard.candidate.rules;

import java.math.BigDecimal;
import java.time.Period;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The eligibility part of the board profile; defaults are the CCMC rules (see docs/candidate-service.md). */
@ConfigMapping(prefix = "certboard.eligibility")
public interface EligibilityConfig {

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
    @WithDefault("social work,nursing,counseling,psychology,rehabilitation counseling,human services,public health,"
            + "occupational therapy,physical therapy")
    List<String> degreeFields();
}
