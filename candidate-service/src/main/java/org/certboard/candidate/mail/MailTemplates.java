package org.certboard.candidate.mail;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Every mail in plain text and HTML (templates/mail/letterText.txt and letterHtml.html), checked at build time. */
@CheckedTemplate(basePath = "mail")
final class MailTemplates {
    private MailTemplates() {
    }

    static native TemplateInstance letterText(Letter letter);

    static native TemplateInstance letterHtml(Letter letter);
}
