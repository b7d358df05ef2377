package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.domain.challenge.Challenge;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import com.plmr.mfa.domain.challenge.ChallengeStatus;
import com.plmr.mfa.domain.challenge.IssuedCode;
import com.plmr.mfa.domain.challenge.StepUpContext;
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
        IssuedCode code = c.issuedCode();
        return new ChallengeRow(c.id().value(), c.userId().value(),
                ctx == null ? null : ctx.operation(), ctx == null ? null : ctx.reference(),
                ctx == null ? null : ctx.digest(), ctx == null ? null : ctx.summary(),
                c.allowedMethods().stream().sorted().map(Enum::name).collect(Collectors.joining(",")),
                c.locale() == null ? null : c.locale().toLanguageTag(),
                c.storedStatus().name(), c.attemptsUsed(), c.maxAttempts(), c.sendsUsed(), c.lastSentAt(),
                code == null ? null : code.method().name(), code == null ? null : code.hash(),
                code == null ? null : code.issuedAt(), code == null ? null : code.expiresAt(),
                c.createdAt(), c.expiresAt(), name(c.verifiedMethod()), c.verifiedAt(), c.consumedAt());
    }

    static Challenge toDomain(ChallengeRow r) {
        StepUpContext ctx = r.operation() == null ? null
                : new StepUpContext(r.operation(), r.reference(), r.digest(), r.summary());
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

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
