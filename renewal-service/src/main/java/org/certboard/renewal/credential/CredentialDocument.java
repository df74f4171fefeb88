package org.certboard.renewal.credential;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the Open Badges 3.0 {@code OpenBadgeCredential} (W3C VC Data Model 2.0) and the Bitstring Status List
 * credentials as JSON-ready maps. The credential's validity is the certification cycle in the board's time zone:
 * from the start of the cycle's first day to the end of its expiry date.
 */
public final class CredentialDocument {
    public static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    public static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    public static final String OB_SCHEMA =
            "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";
    public static final String CREDENTIAL_TYPE = "OpenBadgeCredential";
    public static final String STATUS_LIST_TYPE = "BitstringStatusListCredential";

    private CredentialDocument() {
    }

    public static Map<String, Object> credential(IssuerProfile profile, CredentialContent content) {
        Achievement program = content.achievement();
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", profile.achievementId(program));
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", "Certification");
        achievement.put("name", program.name());
        achievement.put("humanCode", program.code());
        achievement.put("description", program.description());
        achievement.put("criteria", Map.of("narrative", program.criteria()));
        program.image().ifPresent(image -> achievement.put("image", Map.of("id", image.toString(), "type", "Image")));

        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", List.of("AchievementSubject"));
        if (content.holderName() != null) {
            // OB 3.0 names a recipient by an IdentityObject; the name is public by the board's own rules, so plain
            subject.put("identifier", List.of(Map.of("type", "IdentityObject", "identityType", "name",
                    "hashed", false, "identityHash", content.holderName())));
        }
        subject.put("licenseNumber", content.number());
        subject.put("achievement", achievement);

        // one entry, as the OB 3.0 schema requires: two bits (revoked, suspended) in a list of purpose "message"
        StatusPurpose purpose = StatusPurpose.MESSAGE;
        String list = profile.statusListUrl(purpose, content.statusIndex());
        long position = content.statusIndex() % profile.statusListSize();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", list + "#" + position);
        status.put("type", "BitstringStatusListEntry");
        status.put("statusPurpose", purpose.value());
        status.put("statusListIndex", Long.toString(position));
        status.put("statusListCredential", list);
        status.put("statusSize", purpose.statusSize());
        status.put("statusMessage", CredentialStatus.MESSAGES);

        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", List.of(VC_CONTEXT, OB_CONTEXT));
        credential.put("id", "urn:uuid:" + content.id());
        credential.put("type", List.of("VerifiableCredential", CREDENTIAL_TYPE));
        credential.put("name", program.name());
        credential.put("issuer", issuer(profile));
        if (content.firstCertifiedOn() != null) {
            // validFrom moves with each renewal; the award itself stays dated
            credential.put("awardedDate", startOf(content.firstCertifiedOn(), profile));
        }
        credential.put("validFrom", startOf(content.validFrom(), profile));
        credential.put("validUntil", endOf(content.validUntil(), profile));
        credential.put("credentialSubject", subject);
        credential.put("credentialStatus", status);
        credential.put("credentialSchema", List.of(Map.of("id", OB_SCHEMA, "type", "1EdTechJsonSchemaValidator2019")));
        return credential;
    }

    /**
     * A status list credential as of {@code now}: {@code encodedList} is the GZIP-compressed, multibase bitstring
     * of {@code purpose.statusSize()} bits per credential.
     */
    public static Map<String, Object> statusList(IssuerProfile profile, StatusPurpose purpose, int list,
            String encodedList, OffsetDateTime now) {
        String id = profile.statusListUrl(purpose, list);
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", id + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", purpose.value());
        subject.put("encodedList", encodedList);
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", List.of(VC_CONTEXT));
        credential.put("id", id);
        credential.put("type", List.of("VerifiableCredential", STATUS_LIST_TYPE));
        credential.put("issuer", issuer(profile));
        credential.put("validFrom", now.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        credential.put("credentialSubject", subject);
        return credential;
    }

    static String startOf(LocalDate date, IssuerProfile profile) {
        return date.atStartOfDay(profile.zone()).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static String endOf(LocalDate date, IssuerProfile profile) {
        return date.atTime(LocalTime.of(23, 59, 59)).atZone(profile.zone()).toOffsetDateTime()
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static Map<String, Object> issuer(IssuerProfile profile) {
        Map<String, Object> issuer = new LinkedHashMap<>();
        issuer.put("id", profile.issuerId());
        issuer.put("type", List.of("Profile"));
        issuer.put("name", profile.issuerName());
        issuer.put("url", profile.issuerId());
        return issuer;
    }
}
