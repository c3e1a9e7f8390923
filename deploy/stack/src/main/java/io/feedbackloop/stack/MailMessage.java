package io.feedbackloop.stack;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** Read-only view of a received email: recipients, subject, headers, and its text and HTML parts. */
public final class MailMessage {

    private final MimeMessage message;

    public MailMessage(MimeMessage message) {
        this.message = message;
    }

    public List<String> recipients() {
        try {
            List<String> result = new ArrayList<>();
            Address[] all = message.getAllRecipients();
            if (all != null) {
                for (Address address : all) {
                    result.add(address.toString());
                }
            }
            return result;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String subject() {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String header(String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null || values.length == 0 ? null : values[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String text() {
        return part("text/plain");
    }

    public String html() {
        return part("text/html");
    }

    private String part(String mimeType) {
        try {
            return find(message, mimeType);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String find(Part part, String mimeType) throws MessagingException, IOException {
        if (part.isMimeType(mimeType)) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = find(body, mimeType);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
