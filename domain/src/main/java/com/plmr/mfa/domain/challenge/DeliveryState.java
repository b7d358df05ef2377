package com.plmr.mfa.domain.challenge;

import java.time.Instant;

/**
 * Where the latest message of a challenge stands on its way to the user, as the challenge's
 * reader sees it.
 *
 * @param method    the method whose code the message carries: SMS or e-mail
 * @param status    queued, retrying, sent, failed or expired
 * @param attempts  hand-overs to the provider so far
 * @param updatedAt when the status last changed
 */
public record DeliveryState(ChallengeMethod method, Status status, int attempts, Instant updatedAt) {

    public enum Status { QUEUED, RETRYING, SENT, FAILED, EXPIRED }
}
