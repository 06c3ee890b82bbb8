package org.filesync.notify;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.filesync.ftp.CertificateTrust;
import org.filesync.ftp.FailureMessages;
import org.filesync.history.RunHistory;
import org.filesync.jobs.NotifySection;
import org.filesync.settings.MailSettings;
import org.filesync.settings.StartTls;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends an alert by e-mail through the settings file's SMTP server, with STARTTLS and the
 * server's certificate and host name verified. Jakarta Mail is set up on the first alert, so a
 * run that sends none does not load it.
 */
final class EmailChannel implements AlertChannel {

    private static final String TIMEOUT_MILLIS = String.valueOf(WebhookChannel.TIMEOUT.toMillis());

    private final MailSettings mail;
    private final RunHistory history;
    private JavaMailSenderImpl sender;

    /** @param mail null when the settings file has no {@code mail:} section */
    EmailChannel(MailSettings mail, RunHistory history) {
        this.mail = mail;
        this.history = history;
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public boolean isConfigured(NotifySection rules) {
        return rules.email() != null && !rules.email().isEmpty();
    }

    @Override
    public void send(Alert alert, NotifySection rules) throws DeliveryFailure {
        if (mail == null) {
            throw new DeliveryFailure("no mail: section in the server settings", true);
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(mail.from());
        message.setTo(rules.email().toArray(String[]::new));
        message.setSubject(AlertMail.subject(alert));
        message.setText(AlertMail.body(alert, alert.run() == null ? List.of()
                : history.failedTransfers(alert.run().runId(), AlertMail.FAILED_FILES)));
        try {
            sender().send(message);
        } catch (MailAuthenticationException e) {
            throw new DeliveryFailure("the SMTP server refused the login: " + FailureMessages.ofRootCause(e), true);
        } catch (MailException e) {
            throw new DeliveryFailure("SMTP " + mail.host() + ":" + mail.port() + ": " + FailureMessages.ofRootCause(e),
                    false);
        }
    }

    private synchronized JavaMailSenderImpl sender() throws DeliveryFailure {
        if (sender == null) {
            JavaMailSenderImpl made = new JavaMailSenderImpl();
            made.setHost(mail.host());
            made.setPort(mail.port());
            made.setUsername(mail.username());
            made.setPassword(mail.password() == null ? null : mail.password().reveal());
            Properties properties = made.getJavaMailProperties();
            properties.put("mail.smtp.auth", String.valueOf(mail.username() != null));
            properties.put("mail.smtp.starttls.enable", String.valueOf(mail.starttls() != StartTls.FALSE));
            properties.put("mail.smtp.starttls.required", String.valueOf(mail.starttls() == StartTls.REQUIRED));
            properties.put("mail.smtp.ssl.checkserveridentity", "true");
            properties.put("mail.smtp.ssl.socketFactory", tls().getSocketFactory());
            properties.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
            properties.put("mail.smtp.timeout", TIMEOUT_MILLIS);
            properties.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
            sender = made;
        }
        return sender;
    }

    private SSLContext tls() throws DeliveryFailure {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {CertificateTrust.trusting(mail.certificate())}, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new DeliveryFailure("cannot read the trusted certificate " + mail.certificate() + ": "
                    + FailureMessages.of(e), true);
        }
    }
}
