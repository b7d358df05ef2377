/**
 * The codes the service itself makes and delivers out of band, by SMS or e-mail: drawing them
 * from the injected random source ({@link com.plmr.mfa.domain.code.CodeGenerator}) and the keyed
 * hash that is all the database keeps of them ({@link com.plmr.mfa.domain.code.CodeHasher}).
 *
 * <p>Codes the user's authenticator app computes are checked by
 * {@code com.plmr.mfa.domain.authenticator}: those are derived from a shared secret and the time,
 * never sent and never stored.
 */
package com.plmr.mfa.domain.code;
