package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.domain.challenge.Amount;
import com.plmr.mfa.domain.challenge.AttemptBudget;
import com.plmr.mfa.domain.challenge.Challenge;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import com.plmr.mfa.domain.challenge.ChallengeStatus;
import com.plmr.mfa.domain.challenge.CodeDelivery;
import com.plmr.mfa.domain.challenge.IssuedCode;
import com.plmr.mfa.domain.challenge.Payee;
import com.plmr.mfa.domain.challenge.StepUpContext;
import com.plmr.mfa.domain.challenge.Terms;
import com.plmr.mfa.domain.challenge.TransactionDetails;
import com.plmr.mfa.domain.challenge.Verification;
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
        Terms terms = c.terms();
        IssuedCode code = c.delivery().current();
        Verification verification = c.verification();
        return new ChallengeRow(c.id().value(), c.userId().value(),
                ctx == null ? null : ctx.operation(), ctx == null ? null : ctx.reference(),
                ctx == null ? null : ctx.digest(), ctx == null ? null : ctx.summary(),
                terms.allowedMethods().stream().sorted().map(Enum::name).collect(Collectors.joining(",")),
                terms.locale() == null ? null : terms.locale().toLanguageTag(),
                c.storedStatus().name(), c.attempts().used(), c.attempts().max(),
                c.delivery().sends(), c.delivery().lastSentAt(),
                code == null ? null : code.method().name(), code == null ? null : code.hash(),
                code == null ? null : code.issuedAt(), code == null ? null : code.expiresAt(),
                terms.createdAt(), terms.expiresAt(),
                verification == null ? null : verification.method().name(),
                verification == null ? null : verification.verifiedAt(),
                verification == null ? null : verification.consumedAt(),
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
        Terms terms = new Terms(methods, r.locale() == null ? null : Locale.forLanguageTag(r.locale()),
                r.createdAt(), r.expiresAt());
        Verification verification = r.verifiedMethod() == null ? null
                : new Verification(ChallengeMethod.valueOf(r.verifiedMethod()), r.verifiedAt(), r.consumedAt());
        return new Challenge(new ChallengeId(r.id()), new UserId(r.userId()), ctx, terms,
                ChallengeStatus.valueOf(r.status()), new AttemptBudget(r.attemptsUsed(), r.maxAttempts()),
                new CodeDelivery(r.sendsUsed(), r.lastSentAt(), code), verification);
    }

    private static TransactionDetails transaction(ChallengeRow r) {
        return r.transactionType() == null ? null : new TransactionDetails(r.transactionType(),
                Amount.of(r.amountValue(), r.amountCurrency()), new Payee(r.payeeName(), r.payeeAccount()),
                r.transactionReference());
    }
}
