/**
 * The one-time-password engine behind authenticator apps: HOTP (RFC 4226), TOTP (RFC 6238) and
 * the shared secret. How the secret is shown to the user (base32 text, the Key URI and its QR
 * code) is presentation and lives in the REST adapter. The codes the service sends itself by SMS
 * or e-mail are in {@code com.plmr.mfa.domain.code}.
 *
 * <p>Everything here is deterministic: the current time and the random source are parameters,
 * never read from the environment, so the rules are tested at any instant (2038 and beyond) and
 * with seeded randomness. The package depends on {@code java.*} only; the HMAC comes from the
 * JCA provider of the running JDK.
 *
 * <p>Entry points: {@link com.plmr.mfa.domain.authenticator.TotpSecret} to mint or restore a key,
 * {@link com.plmr.mfa.domain.authenticator.Totp#verify} to check what the user types.
 */
package com.plmr.mfa.domain.authenticator;
