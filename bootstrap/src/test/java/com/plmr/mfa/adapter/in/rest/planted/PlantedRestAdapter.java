package com.plmr.mfa.adapter.in.rest.planted;

import com.plmr.mfa.adapter.out.persistence.planted.PlantedPersistenceAdapter;
import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.application.service.planted.PlantedService;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A REST adapter class that is a table row, calls a service instead of a use case, holds an
 * outgoing port and reaches into the persistence adapter, on purpose. Test code only.
 */
@MappedEntity("planted")
public final class PlantedRestAdapter {

    @Id
    public String id;

    public PlantedService service() {
        return new PlantedService();
    }

    public TransactionPort transactions() {
        return null;
    }

    public PlantedPersistenceAdapter store() {
        return new PlantedPersistenceAdapter();
    }
}
