package com.plmr.mfa.application.port.in.planted;

import com.plmr.mfa.application.port.out.TransactionPort;

/** A use case that shows its caller an outgoing port, on purpose. Test code only. */
public interface PlantedIncomingPort {

    TransactionPort leaksTheStore();
}
