package com.plmr.mfa.application.service;

import com.plmr.mfa.application.port.in.ReadAssertionKeysUseCase;
import com.plmr.mfa.application.port.out.SignAssertionPort;
import com.plmr.mfa.domain.assertion.AssertionKey;

import java.util.List;

/** The keys are public by design: reading them needs no actor and records no decision. */
public final class ReadAssertionKeysService implements ReadAssertionKeysUseCase {

    private final SignAssertionPort signer;

    public ReadAssertionKeysService(SignAssertionPort signer) {
        this.signer = signer;
    }

    @Override
    public List<AssertionKey> publishedKeys() {
        return signer.publishedKeys();
    }
}
