package org.certboard.renewal.credential;

import java.net.URI;
import java.time.ZoneId;

/**
 * What every credential of the board says about its issuer, and where its status lists live (each program's
 * achievement is its own, {@link Achievement}). Plain Java, built from configuration.
 */
public record IssuerProfile(URI baseUrl, String issuerName, ZoneId zone, int statusListSize) {
    // statusListSize: credentials per list (each list holds statusListSize x the purpose's status size bits)

    /** The issuer's id: the board's public base URL, without a trailing slash. */
    public String issuerId() {
        String base = baseUrl.toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The achievement's id: one per program, e.g. {@code …/achievements/ccm}. */
    public String achievementId(Achievement achievement) {
        return issuerId() + "/achievements/" + achievement.code().toLowerCase(java.util.Locale.ROOT);
    }

    /** The status list credential holding the entry of the credential at status position {@code index}. */
    public String statusListUrl(StatusPurpose purpose, long index) {
        return statusListUrl(purpose, (int) (index / statusListSize));
    }

    public String statusListUrl(StatusPurpose purpose, int list) {
        return statusListPrefix(purpose) + list;
    }

    /** {@code …/credentials/status/N} for the board's list, {@code …/status/suspension/N} for the legacy ones. */
    public String statusListPrefix(StatusPurpose purpose) {
        String lists = issuerId() + "/credentials/status/";
        return purpose == StatusPurpose.MESSAGE ? lists : lists + purpose.value() + "/";
    }

    public String verificationPage(String number) {
        return issuerId() + "/verify/" + java.net.URLEncoder.encode(number, java.nio.charset.StandardCharsets.UTF_8);
    }
}
