package com.plmr.mfa.adapter.out.notify.sms;

/**
 * Classifies an HTTP gateway's status code.
 *
 * <ul>
 *   <li>2xx: accepted;</li>
 *   <li>408 (request timeout), 429 (too many requests), 5xx: transient, worth another try;</li>
 *   <li>every other status (other 4xx, and 1xx/3xx, which a JSON API does not send unless the
 *       URL is wrong; redirects are not followed): permanent.</li>
 * </ul>
 */
public final class HttpStatusClassifier {

    public enum Kind { ACCEPTED, TRANSIENT, PERMANENT }

    private HttpStatusClassifier() {
    }

    public static Kind classify(int status) {
        if (status >= 200 && status < 300) {
            return Kind.ACCEPTED;
        }
        if (status == 408 || status == 429 || (status >= 500 && status < 600)) {
            return Kind.TRANSIENT;
        }
        return Kind.PERMANENT;
    }
}
