package com.plmr.mfa.bootstrap;

import com.plmr.mfa.application.port.out.ErasureRecordPort;
import com.plmr.mfa.domain.user.UserErasure;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records each erasure as one {@code INFO} line on the logger {@value #LOGGER}: the keyed pseudonym of
 * the user, the time and the counts, never the user id. The audit trail keeps its own record of the
 * erasure ({@code user.erased}, under the same pseudonym); this line adds what was deleted.
 */
@Singleton
class LoggedErasures implements ErasureRecordPort {

    static final String LOGGER = "mfa.erasure";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    @Override
    public void erased(String userPseudonym, UserErasure erasure) {
        LOG.info("erased user pseudonym={} at={} contacts={} totpRegistrations={} challenges={} outboxMessages={}"
                        + " sendQuotas={} failureStreaks={} recoveryCodes={}", userPseudonym, erasure.at(), erasure.contacts(),
                erasure.totpRegistrations(), erasure.challenges(), erasure.outboxMessages(), erasure.sendQuotas(),
                erasure.failureStreaks(), erasure.recoveryCodes());
    }
}
