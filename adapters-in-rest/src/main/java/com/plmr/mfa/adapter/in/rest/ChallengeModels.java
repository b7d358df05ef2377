package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.adapter.in.rest.model.Challenge;
import com.plmr.mfa.adapter.in.rest.model.ChallengeMethod;
import com.plmr.mfa.adapter.in.rest.model.ChallengeStatus;
import com.plmr.mfa.adapter.in.rest.model.Delivery;
import com.plmr.mfa.adapter.in.rest.model.DeliveryReceipt;
import com.plmr.mfa.adapter.in.rest.model.DeliveryStatus;
import com.plmr.mfa.adapter.in.rest.model.StepUpContext;
import com.plmr.mfa.adapter.in.rest.model.StepUpMethod;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.Verification;
import com.plmr.mfa.domain.delivery.DeliveryState;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Domain challenges to API models (and the API's method names to the domain's). A method that 1.0
 * clients do not know (a recovery code) is named only in the open lists {@code methods} and
 * {@code verifiedBy}: a closed enum of 1.0 with a new value would break their decoding.
 */
final class ChallengeModels {

    private ChallengeModels() {
    }

    static Challenge toModel(com.plmr.mfa.domain.challenge.Challenge c,
                             com.plmr.mfa.domain.challenge.ChallengeStatus status,
                             Optional<DeliveryState> delivery) {
        Optional<Verification> verified = c.verified();
        return new Challenge()
                .challengeId(c.id().value())
                .userId(c.userId().value())
                .status(ChallengeStatus.toEnum(lower(status)))
                .allowedMethods(c.terms().allowedMethods().stream().filter(ChallengeModels::isOfFirstRelease).sorted()
                        .map(ChallengeModels::toModel).toList())
                .methods(c.terms().allowedMethods().stream().sorted().map(ChallengeModels::lower).toList())
                .verifiedMethod(verified.map(Verification::method).filter(ChallengeModels::isOfFirstRelease)
                        .map(ChallengeModels::toModel).orElse(null))
                .verifiedBy(verified.map(v -> lower(v.method())).orElse(null))
                .context(c.stepUpContext().map(ctx -> new StepUpContext().operation(ctx.operation())
                        .reference(ctx.reference()).digest(ctx.digest()).summary(ctx.summary())
                        .transaction(ctx.transaction() == null ? null : TransactionFields.toModel(ctx.transaction())))
                        .orElse(null))
                .attemptsRemaining(c.attemptsRemaining())
                .createdAt(c.terms().createdAt())
                .expiresAt(c.terms().expiresAt())
                .verifiedAt(verified.map(Verification::verifiedAt).orElse(null))
                .consumedAt(verified.map(Verification::consumedAt).orElse(null))
                .delivery(delivery.map(ChallengeModels::toModel).orElse(null));
    }

    static ChallengeMethod toModel(com.plmr.mfa.domain.challenge.ChallengeMethod method) {
        return ChallengeMethod.toEnum(lower(method));
    }

    static com.plmr.mfa.domain.challenge.ChallengeMethod toDomain(StepUpMethod method) {
        return com.plmr.mfa.domain.challenge.ChallengeMethod.valueOf(method.getValue().toUpperCase(Locale.ROOT));
    }

    /** Whether the closed {@code ChallengeMethod} of 1.0 has the method. */
    private static boolean isOfFirstRelease(com.plmr.mfa.domain.challenge.ChallengeMethod method) {
        return Arrays.stream(ChallengeMethod.values()).anyMatch(known -> known.getValue().equals(lower(method)));
    }

    private static Delivery toModel(DeliveryState state) {
        return new Delivery()
                .method(toModel(state.channel().method()))
                .status(DeliveryStatus.toEnum(lower(state.status())))
                .attempts(state.attempts())
                .updatedAt(state.updatedAt())
                .receipt(state.receipt() == null ? null : new DeliveryReceipt()
                        .status(lower(state.receipt().outcome()))
                        .errorCode(state.receipt().errorCode())
                        .receivedAt(state.receipt().receivedAt()));
    }

    /** Path ids are checked by the generated interface's pattern before they get here. */
    static ChallengeId id(String challengeId) {
        return new ChallengeId(challengeId);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
