package org.certboard.candidate.eligibility;

import java.util.List;

/** Everything an application is decided on: the candidate's file at submission plus the signed attestation. */
public record Evidence(List<LicenceEvidence> licences, List<DegreeEvidence> degrees, List<ExperienceEntry> experience,
        boolean attestation) {

    public Evidence {
        licences = List.copyOf(licences);
        degrees = List.copyOf(degrees);
        experience = List.copyOf(experience);
    }
}
