package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.adapter.in.rest.model.Details;
import com.plmr.mfa.adapter.in.rest.model.Owner;
import com.plmr.mfa.adapter.in.rest.model.OwnerType;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Instant;

/**
 * The v3alpha {@code details} object: the resource's id, its first and last change, and its
 * owner, which for every resource of this service is the service instance
 * ({@code OWNER_TYPE_INSTANCE}, id from {@code mfa.instance-id}).
 */
@Singleton
class ResourceDetails {

    private final String instanceId;

    ResourceDetails(@Value("${mfa.instance-id:mfa-totp}") String instanceId) {
        this.instanceId = instanceId;
    }

    Details of(String id, Instant created, Instant changed) {
        return new Details().id(id).created(created).changed(changed)
                .owner(new Owner().type(OwnerType.INSTANCE).id(instanceId));
    }
}
