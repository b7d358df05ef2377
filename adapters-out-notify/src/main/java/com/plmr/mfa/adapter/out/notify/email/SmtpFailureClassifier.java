package com.plmr.mfa.adapter.out.notify.email;

import com.plmr.mfa.application.port.out.SendOutcome;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a failed SMTP exchange into a {@link SendOutcome}.
 *
 * <ul>
 *   <li>a reply code (recipient, sender or DATA rejected): 4xx transient, 5xx permanent;</li>
 *   <li>an address that does not parse: permanent;</li>
 *   <li>authentication rejected: permanent (5xx: wrong credentials, retrying will not fix them
 *       and may lock the account), transient for a 4xx temporary authentication failure;</li>
 *   <li>connection failures, timeouts, other I/O errors and anything unrecognised: transient.</li>
 * </ul>
 * Reasons carry the reply code and the kind of failure, never the server's text, which usually
 * quotes the address.
 */
public final class SmtpFailureClassifier {

    private SmtpFailureClassifier() {
    }

    public static SendOutcome classify(MessagingException failure) {
        List<Throwable> chain = chain(failure);
        for (Throwable t : chain) {
            if (t instanceof SMTPAddressFailedException e) {
                return byReplyCode(e.getReturnCode(), "recipient rejected");
            }
            if (t instanceof SMTPSenderFailedException e) {
                return byReplyCode(e.getReturnCode(), "sender rejected");
            }
            if (t instanceof SMTPSendFailedException e) {
                return byReplyCode(e.getReturnCode(), "message rejected");
            }
        }
        for (Throwable t : chain) {
            if (t instanceof AddressException) {
                return new SendOutcome.PermanentFailure("smtp invalid address");
            }
            if (t instanceof AuthenticationFailedException e) {
                int code = leadingReplyCode(e.getMessage());
                return code >= 400 && code < 500
                        ? new SendOutcome.TransientFailure("smtp " + code + " authentication failed temporarily")
                        : new SendOutcome.PermanentFailure("smtp " + (code > 0 ? code + " " : "")
                                + "authentication rejected");
            }
        }
        for (Throwable t : chain) {
            if (t instanceof MailConnectException) {
                return new SendOutcome.TransientFailure("smtp connection failed");
            }
            if (t instanceof SocketTimeoutException) {
                return new SendOutcome.TransientFailure("smtp timeout");
            }
        }
        for (Throwable t : chain) {
            if (t instanceof IOException) {
                return new SendOutcome.TransientFailure("smtp i/o error (" + t.getClass().getSimpleName() + ")");
            }
        }
        if (failure instanceof SendFailedException e && e.getInvalidAddresses() != null
                && e.getInvalidAddresses().length > 0) {
            return new SendOutcome.PermanentFailure("smtp recipient rejected");
        }
        return new SendOutcome.TransientFailure("smtp error (" + failure.getClass().getSimpleName() + ")");
    }

    static SendOutcome byReplyCode(int code, String what) {
        if (code >= 500 && code < 600) {
            return new SendOutcome.PermanentFailure("smtp " + code + " " + what);
        }
        return new SendOutcome.TransientFailure("smtp " + (code > 0 ? code + " " : "") + what);
    }

    /** The three-digit reply code a server response starts with, or -1. */
    static int leadingReplyCode(String response) {
        if (response == null) {
            return -1;
        }
        String text = response.strip();
        if (text.length() >= 3 && text.chars().limit(3).allMatch(Character::isDigit)
                && (text.length() == 3 || !Character.isDigit(text.charAt(3)))) {
            return Integer.parseInt(text.substring(0, 3));
        }
        return -1;
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Throwable t = failure;
        while (t != null && chain.size() < 32 && !chain.contains(t)) {
            chain.add(t);
            t = t.getCause();
        }
        return chain;
    }
}
