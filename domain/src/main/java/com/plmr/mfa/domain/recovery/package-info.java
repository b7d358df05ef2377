/**
 * Recovery codes (NIST SP 800-63B §5.1.2, look-up secrets; Kratos calls them lookup secrets): a set
 * of random single-use codes the user keeps apart from the phone, for when no other factor is at
 * hand. Drawn from the injected random source ({@link com.plmr.mfa.domain.recovery.RecoveryCodeSet}),
 * shown once, and stored only as keyed hashes ({@code CodeHasher#recoveryCodeHash}).
 */
package com.plmr.mfa.domain.recovery;
