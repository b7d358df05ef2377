package com.plmr.mfa.application.port.out;

import com.plmr.mfa.domain.abuse.SendQuota;

import java.util.List;

/**
 * Counts sends against quotas shared by every instance of the service. Called inside the
 * initiate transaction, so a count taken for a send that then fails to be stored rolls back too.
 */
public interface SendQuotaPort {

    /**
     * Counts one send against every quota, all or nothing, atomically against concurrent callers
     * on any instance.
     *
     * @return the quotas that were already spent (nothing was counted), or an empty list when the
     *         send was counted against all of them
     */
    List<SendQuota> tryConsume(List<SendQuota> quotas);
}
