package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.delivery.DeliveryState;

import java.util.Optional;

/** The delivery state of the latest message sent for a challenge, for consumers to see. */
public interface DeliveryStatusPort {

    Optional<DeliveryState> latestFor(ChallengeId challenge);
}
