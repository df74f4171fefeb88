package org.certboard.candidate.evidence;

import java.time.LocalDate;
import java.util.UUID;

import org.certboard.candidate.eligibility.DegreeLevel;

public record DegreeView(UUID id, DegreeLevel level, String field, String institution, LocalDate awardedOn,
        boolean supervisedFieldExperience) {

    static DegreeView of(Degree d) {
        return new DegreeView(d.id, d.level, d.field, d.institution, d.awardedOn, d.supervisedFieldExperience);
    }
}
