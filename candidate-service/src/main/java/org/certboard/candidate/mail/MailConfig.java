package org.certboard.candidate.mail;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code certboard.mail.*}: what the board's mail says and how the sender paces itself. Validated at start-up. */
@ConfigMapping(prefix = "certboard.mail")
public interface MailConfig {

    /** The From address of every mail. */
    @WithDefault("The Certification Board <no-reply@certboard.example>")
    @NotBlank
    String from();

    /** The board's name as the mail signs it. */
    @WithDefault("The Certification Board")
    @NotBlank
    String boardName();

    /** The right-hand side of every Message-ID: a domain the board owns. */
    @WithDefault("certboard.example")
    @NotBlank
    String messageIdDomain();

    /** Where a person signs in (the board's front end), linked from every mail. */
    @WithDefault("https://portal.certboard.example")
    @NotBlank
    String portalUrl();

    /** Public verification; the certificate number is appended (renewal-service's GET /verify/{number}). */
    @WithDefault("https://renewals.certboard.example/verify/")
    @NotBlank
    String verificationUrl();

    /**
     * An event older than this (on the board clock) when the mail channel reads it is not mailed: the channel's
     * consumer group starts at the beginning of the topics when it is first deployed, and old news is no news.
     */
    @WithDefault("P30D")
    Duration maxAge();

    /** How often the sender looks for mail to send. */
    @WithDefault("2s")
    Duration pollInterval();

    /** Mails sent per sender transaction. */
    @WithDefault("20")
    @Min(1)
    int batchSize();

    /** The first retry after a temporary failure; doubled each time up to {@link #maxBackoff()}. */
    @WithDefault("30s")
    Duration firstBackoff();

    @WithDefault("1h")
    Duration maxBackoff();

    /**
     * Fault injection for the crash test only: halt the JVM right after the SMTP server accepted a mail, before its
     * row is marked SENT. Off by default; never set it in a deployment.
     */
    @WithDefault("false")
    boolean crashAfterAccept();
}
