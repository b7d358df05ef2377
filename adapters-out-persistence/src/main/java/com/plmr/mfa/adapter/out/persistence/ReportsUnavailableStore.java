package com.plmr.mfa.adapter.out.persistence;

import io.micronaut.aop.Around;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an adapter whose calls report a database they cannot reach as
 * {@link com.plmr.mfa.application.port.in.StoreUnavailableException} ({@link UnavailableStoreInterceptor}).
 */
@Around
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface ReportsUnavailableStore {
}
