package org.certboard.candidate.eligibility;

import java.time.LocalDate;

/** A degree as recorded on the candidate's file. */
public record DegreeEvidence(DegreeLevel level, String field, String institution, LocalDate awardedOn,
        boolean supervisedFieldExperience) {
}
