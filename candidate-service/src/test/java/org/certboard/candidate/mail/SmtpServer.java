package org.certboard.candidate.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server in the test JVM (GreenMail) for the service under test. Like a real MTA it refuses some
 * recipients for good: an address whose local part starts with {@code refused} gets {@code 550 5.1.1}.
 */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {
    public static final String REFUSED_PREFIX = "refused";
    private static GreenMail greenMail;

    @Override
    public Map<String, String> start() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        greenMail = new RefusingGreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(port),
                "certboard.mail.poll-interval", "200ms", "certboard.mail.first-backoff", "1s");
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    /** What the server accepted so far, for {@code recipient}. */
    public static List<MimeMessage> receivedBy(String recipient) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(recipient));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static final class RefusingGreenMail extends GreenMail {
        RefusingGreenMail(ServerSetup setup) {
            super(setup);
        }

        @Override
        protected Map<String, com.icegreen.greenmail.server.AbstractServer> createServices(ServerSetup[] config,
                Managers managers) {
            return super.createServices(config, new RefusingManagers(managers));
        }
    }

    /** GreenMail's own managers (mailboxes, users), with an SMTP manager that refuses as described above. */
    private static final class RefusingManagers extends Managers {
        private final Managers managers;
        private final SmtpManager smtp;

        RefusingManagers(Managers managers) {
            this.managers = managers;
            this.smtp = new SmtpManager(managers.getImapHostManager(), managers.getUserManager()) {
                @Override
                public String checkRecipient(SmtpState state, MailAddress address) {
                    return address.getEmail().startsWith(REFUSED_PREFIX) ? "550 5.1.1 " + address.getEmail()
                            + ": mailbox unavailable" : super.checkRecipient(state, address);
                }
            };
        }

        @Override
        public SmtpManager getSmtpManager() {
            return smtp;
        }

        @Override
        public com.icegreen.greenmail.user.UserManager getUserManager() {
            return managers.getUserManager();
        }

        @Override
        public com.icegreen.greenmail.imap.ImapHostManager getImapHostManager() {
            return managers.getImapHostManager();
        }
    }
}
