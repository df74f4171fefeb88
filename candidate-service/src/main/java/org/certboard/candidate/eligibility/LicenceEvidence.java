package org.certboard.candidate.eligibility;

import java.time.LocalDate;

/** A licence or certification as recorded on the candidate's file. */
public record LicenceEvidence(String type, String number, String jurisdiction, LocalDate expiresOn,
        boolean independentPractice) {
}
