package com.plmr.mfa.domain.challenge;

import java.util.Objects;

/**
 * Why no code is sent to a phone number on record (the SMS fraud guard): its line type is refused
 * (premium-rate, shared-cost and UAN numbers cost the sender money that an SMS pumping attack turns
 * into revenue; an unknown type cannot be priced), or its country is outside the allowed countries
 * (geo permissions). Checked before every send, so a refused send is never queued nor billed.
 *
 * @param rule   which rule refused the number
 * @param detail what the rule saw, safe to show to the number's owner: the line type in lower case
 *               ({@code premium_rate}) or the ISO 3166 country code ({@code CU})
 */
public record DestinationRefusal(Rule rule, String detail) {

    public enum Rule {
        /** The number's line type is refused. */
        LINE_TYPE,
        /** The number's country is not allowed. */
        COUNTRY
    }

    public DestinationRefusal {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
    }
}
