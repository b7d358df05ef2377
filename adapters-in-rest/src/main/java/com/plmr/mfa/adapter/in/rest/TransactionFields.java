package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.adapter.in.rest.model.MonetaryAmount;
import com.plmr.mfa.adapter.in.rest.model.Payee;
import com.plmr.mfa.adapter.in.rest.model.TransactionDetails;
import com.plmr.mfa.domain.challenge.Amount;

import java.util.Currency;
import java.util.Optional;

/**
 * A challenge's transaction details between the API and the domain. The generated model checks
 * their shape (required members, lengths, patterns); what they mean is the domain's rule, asked
 * here field by field so that every refusal names its field: an ISO 4217 code the currency table
 * does not know, more fraction digits than the currency has, an account that is not masked,
 * control characters in a name or reference.
 */
final class TransactionFields {

    private static final String PREFIX = "context.transaction.";
    private static final String NO_CONTROL = "must not contain control characters";

    private TransactionFields() {
    }

    static void check(FieldErrors errors, TransactionDetails details) {
        if (details.getReference() != null) {
            errors.text(PREFIX + "reference", details.getReference());
        }
        errors.valid(PREFIX + "reference", details.getReference(), TransactionFields::printable, NO_CONTROL);
        MonetaryAmount amount = details.getAmount();
        if (amount != null && amount.getCurrency() != null) {
            Optional<Currency> currency = Amount.currencyOf(amount.getCurrency());
            errors.valid(PREFIX + "amount.currency", amount.getCurrency(), code -> currency.isPresent(),
                    "must be an ISO 4217 currency code with minor units");
            currency.ifPresent(known -> errors.valid(PREFIX + "amount.value", amount.getValue(),
                    value -> Amount.fitsCurrency(value, known),
                    "must have at most " + known.getDefaultFractionDigits() + " fraction digits in " + known));
        }
        Payee payee = details.getPayee();
        if (payee != null) {
            errors.text(PREFIX + "payee.name", payee.getName());
            errors.valid(PREFIX + "payee.name", payee.getName(), TransactionFields::printable, NO_CONTROL);
            errors.valid(PREFIX + "payee.account", payee.getAccount(), com.plmr.mfa.domain.challenge.Payee::isMaskedAccount,
                    "must be masked: at least one * and at most " + com.plmr.mfa.domain.challenge.Payee.MAX_VISIBLE
                            + " letters or digits");
        }
    }

    /** Checked first with {@link #check}. */
    static com.plmr.mfa.domain.challenge.TransactionDetails toDomain(TransactionDetails details) {
        return new com.plmr.mfa.domain.challenge.TransactionDetails(details.getType(),
                Amount.of(details.getAmount().getValue(), details.getAmount().getCurrency()),
                new com.plmr.mfa.domain.challenge.Payee(details.getPayee().getName(), details.getPayee().getAccount()),
                details.getReference());
    }

    static TransactionDetails toModel(com.plmr.mfa.domain.challenge.TransactionDetails details) {
        return new TransactionDetails()
                .type(details.type())
                .amount(new MonetaryAmount().value(details.amount().decimal()).currency(details.amount().currencyCode()))
                .payee(new Payee().name(details.payee().name()).account(details.payee().account()))
                .reference(details.reference());
    }

    private static boolean printable(String text) {
        return text.chars().noneMatch(Character::isISOControl);
    }
}
