package org.certboard.candidate.file;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.certboard.candidate.application.ApplicationView;
import org.certboard.candidate.evidence.DegreeView;
import org.certboard.candidate.evidence.ExperienceView;
import org.certboard.candidate.evidence.LicenceView;
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
}
