package org.certboard.candidate.file;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.certboard.candidate.application.ApplicationView;
import org.certboard.candidate.evidence.DegreeView;
import org.certboard.candidate.evidence.ExperienceView;
import org.certboard.candidate.evidence.LicenceView;
import org.certboard.candidate.profile.CandidateView;
import org.certboard.events.ProgramCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The whole file of a candidate; {@code applications} holds the latest application to each program applied to (by
 * program code), {@code application} the latest to CCM (the field predates programs), null before the first. The
 * identity fields are {@code CandidateView}'s: the address verified for the account, when a paper profile was claimed,
 * and from when the legal name changes only through staff.
 */
public record CandidateProfile(UUID id, String givenName, String familyName, String email, LocalDate dateOfBirth,
        Instant registeredAt, Instant updatedAt, boolean emailVerified, @Schema(nullable = true) Instant claimedAt,
        @Schema(nullable = true) Instant nameFixedSince, List<LicenceView> licences, List<DegreeView> degrees,
        List<ExperienceView> experience,
        @Schema(nullable = true, description = "The latest application to CCM (the field predates programs; see "
                + "applications)") ApplicationView application,
        @Schema(description = "The latest application to each program applied to, by program code")
        List<ApplicationView> applications) {

    static CandidateProfile of(CandidateView c, List<LicenceView> licences, List<DegreeView> degrees,
            List<ExperienceView> experience, List<ApplicationView> latest) {
        return new CandidateProfile(c.id(), c.givenName(), c.familyName(), c.email(), c.dateOfBirth(), c.registeredAt(),
                c.updatedAt(), c.emailVerified(), c.claimedAt(), c.nameFixedSince(), licences, degrees, experience,
                latest.stream().filter(a -> ProgramCode.LEGACY.equals(a.program())).findFirst().orElse(null), latest);
    }
}
