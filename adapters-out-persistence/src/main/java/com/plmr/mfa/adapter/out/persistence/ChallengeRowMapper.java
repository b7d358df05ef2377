package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.domain.challenge.Amount;
import com.plmr.mfa.domain.challenge.Challenge;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import com.plmr.mfa.domain.challenge.ChallengeStatus;
import com.plmr.mfa.domain.challenge.IssuedCode;
import com.plmr.mfa.domain.challenge.Payee;
import com.plmr.mfa.domain.challenge.StepUpContext;
import com.plmr.mfa.domain.challenge.TransactionDetails;
import com.plmr.mfa.domain.user.UserId;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Domain challenge to row and back: the only mapping of challenges in this adapter. */
final class ChallengeRowMapper {

    private ChallengeRowMapper() {
    }

    static ChallengeRow toRow(Challenge c) {
        StepUpContext ctx = c.context();
        TransactionDetails tx = ctx == null ? null : ctx.transaction();
        IssuedCode code = c.issuedCode();
        return new ChallengeRow(c.id().value(), c.userId().value(),
                ctx == null ? null : ctx.operation(), ctx == null ? null : ctx.reference(),
                ctx == null ? null : ctx.digest(), ctx == null ? null : ctx.summary(),
                c.allowedMethods().stream().sorted().map(Enum::name).collect(Collectors.joining(",")),
                c.locale() == null ? null : c.locale().toLanguageTag(),
                c.storedStatus().name(), c.attemptsUsed(), c.maxAttempts(), c.sendsUsed(), c.lastSentAt(),
                code == null ? null : code.method().name(), code == null ? null : code.hash(),
                code == null ? null : code.issuedAt(), code == null ? null : code.expiresAt(),
                c.createdAt(), c.expiresAt(), name(c.verifiedMethod()), c.verifiedAt(), c.consumedAt(),
                tx == null ? null : tx.type(), tx == null ? null : tx.amount().decimal(),
                tx == null ? null : tx.amount().currencyCode(), tx == null ? null : tx.payee().name(),
                tx == null ? null : tx.payee().account(), tx == null ? null : tx.reference());
    }

    /** The state columns of {@link #toRow}, for the update of a stored challenge. */
    static ChallengeStateRow toStateRow(Challenge c) {
        ChallengeRow row = toRow(c);
        return new ChallengeStateRow(row.id(), row.status(), row.attemptsUsed(), row.maxAttempts(), row.sendsUsed(),
                row.lastSentAt(), row.codeMethod(), row.codeHash(), row.codeIssuedAt(), row.codeExpiresAt(),
                row.expiresAt(), row.verifiedMethod(), row.verifiedAt(), row.consumedAt());
    }

    static Challenge toDomain(ChallengeRow r) {
        StepUpContext ctx = r.operation() == null ? null
                : new StepUpContext(r.operation(), r.reference(), r.digest(), r.summary(), transaction(r));
        IssuedCode code = r.codeMethod() == null ? null
                : new IssuedCode(ChallengeMethod.valueOf(r.codeMethod()), r.codeHash(), r.codeIssuedAt(),
                r.codeExpiresAt());
        Set<ChallengeMethod> methods = Arrays.stream(r.allowedMethods().split(","))
                .map(ChallengeMethod::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(ChallengeMethod.class)));
        return new Challenge(new ChallengeId(r.id()), new UserId(r.userId()), ctx, methods,
                r.locale() == null ? null : Locale.forLanguageTag(r.locale()),
                ChallengeStatus.valueOf(r.status()), r.attemptsUsed(), r.maxAttempts(), r.sendsUsed(),
                r.lastSentAt(), code, r.createdAt(), r.expiresAt(),
                r.verifiedMethod() == null ? null : ChallengeMethod.valueOf(r.verifiedMethod()),
                r.verifiedAt(), r.consumedAt());
    }

    private static TransactionDetails transaction(ChallengeRow r) {
        return r.transactionType() == null ? null : new TransactionDetails(r.transactionType(),
                Amount.of(r.amountValue(), r.amountCurrency()), new Payee(r.payeeName(), r.payeeAccount()),
                r.transactionReference());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
