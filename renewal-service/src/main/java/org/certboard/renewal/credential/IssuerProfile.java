package org.certboard.renewal.credential;

import java.net.URI;
import java.time.ZoneId;

/**
 * What every credential of the board says about its issuer and achievement, and where its status lists live.
 * Plain Java, built from configuration.
 */
public record IssuerProfile(URI baseUrl, String issuerName, String achievementName, String achievementCode,
        String achievementDescription, String criteria, ZoneId zone, int statusListSize) {

    /** The issuer's id: the board's public base URL, without a trailing slash. */
    public String issuerId() {
        String base = baseUrl.toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String achievementId() {
        return issuerId() + "/achievements/" + achievementCode.toLowerCase();
    }

    /** The status list credential holding bit {@code index} of {@code purpose}. */
    public String statusListUrl(StatusPurpose purpose, long index) {
        return statusListUrl(purpose, (int) (index / statusListSize));
    }

    public String statusListUrl(StatusPurpose purpose, int list) {
        return statusListPrefix(purpose) + list;
    }

    public String statusListPrefix(StatusPurpose purpose) {
        return issuerId() + "/credentials/status/" + purpose.value() + "/";
    }

    public String verificationPage(String number) {
        return issuerId() + "/verify/" + java.net.URLEncoder.encode(number, java.nio.charset.StandardCharsets.UTF_8);
    }
}
