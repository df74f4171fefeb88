package org.certboard.renewal.verification;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.certboard.renewal.certification.CertificationStatus;
import org.certboard.renewal.credential.IssuerProfile;

import io.nayuki.qrcodegen.QrCode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Renders the public verification page: the same facts as the JSON, a QR code of the page, nothing else. */
@ApplicationScoped
public class VerificationPage {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private final IssuerProfile profile;

    public VerificationPage(IssuerProfile profile) {
        this.profile = profile;
    }

    /**
     * templates/verify.html and what it shows, checked against the template when the service is built. Without a
     * {@code view} it is the search form: {@code number} is what was searched for (if anything), {@code message}
     * what to tell the visitor; the other members describe the certification found.
     */
    @CheckedTemplate(basePath = "", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    record Verify(String number, VerificationView view, String status, Day firstCertified, Day validUntil,
            String validUntilLabel, String pageUrl, String qr, String message) implements TemplateInstance {

        static Verify searchForm(String number, String message) {
            return new Verify(number, null, null, null, null, null, null, null, message);
        }
    }

    /** A shown date: readable text and the ISO date for machines. */
    public record Day(String text, String iso) {
        static Day of(LocalDate date) {
            return date == null ? null : new Day(SHOWN.format(date), date.toString());
        }
    }

    /** HTML only when the client names text/html before JSON; a wildcard ({@code *}/{@code *}) means JSON. */
    static boolean wantsHtml(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE) && !type.isWildcardType() && !type.isWildcardSubtype()) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }

    Response found(String number, VerificationView view) {
        String url = profile.verificationPage(number);
        return Response.ok(new Verify(number, view, describe(view), Day.of(view.firstCertifiedOn()),
                Day.of(view.validUntil()), validUntilLabel(view), url, qrSvg(url), null).render(),
                MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    Response unknown(String number) {
        String message = "No certification with the number " + number + " was found. Check the number and try again.";
        return Response.status(404).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Verify.searchForm(number, message).render()).build();
    }

    Response form(String message) {
        return Response.ok(Verify.searchForm(null, message).render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }

    private static String describe(VerificationView view) {
        return switch (view.status()) {
            case ACTIVE -> "Active: certified and current";
            case EXPIRED -> "Expired: not renewed by the expiry date";
            case LAPSED -> "Lapsed: no longer certified";
            case RETIRED -> "Retired: no longer practising under this certification";
        };
    }

    /** Only an active certification is valid now; for any other the date is in the past (retirement follows expiry). */
    private static String validUntilLabel(VerificationView view) {
        return view.status() == CertificationStatus.ACTIVE ? "Valid until" : "Was valid until";
    }

    /** The QR code as an SVG path, one unit per module with the standard four-module quiet zone. */
    static String qrSvg(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int border = 4;
        int size = qr.size + border * 2;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size + "\" width=\"200\""
                + " height=\"200\" role=\"img\" aria-labelledby=\"qr-title\" shape-rendering=\"crispEdges\">"
                + "<title id=\"qr-title\">QR code of this page's address</title>"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"" + path + "\" fill=\"#000\"/></svg>";
    }
}
