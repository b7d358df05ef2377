// The SDK's step-up assertion helper against assertions signed by an independent library (jose)
// with keys served from a local HTTP server, as the service serves them; time is given.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { StepUpAssertionVerifier, operationDigest, canonicalJson } = require(process.env.MFA_TS_SDK);
const jose = createRequire(process.env.MFA_TS_SDK)('jose');

const NOW = Date.parse('2026-11-23T10:00:00Z');
const OPERATION = { operation: 'payment', reference: 'pay-8c1f2', summary: 'payment of EUR 40 to ACME' };
let server;
let issuer;
let key;
let published;

before(async () => {
  key = await signingKey();
  published = { keys: [key.jwk] };
  server = createServer((request, response) => {
    response.setHeader('Content-Type', 'application/json');
    response.end(JSON.stringify(published));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${server.address().port}`;
});

after(() => server.close());

test('the digest of the documented test vectors', async () => {
  assert.equal(await operationDigest(OPERATION), 'sha256:QcDH3nzqBH-psxnuI0uRe3st6d1v-s5vZJKxKSh9-r4');
  assert.equal(await operationDigest({ operation: 'password-change', reference: 'pw-1', summary: undefined }),
    'sha256:OIK_oyzS3EViuXdelR1Ni54m_g2nfuwe9KfGA2wOV3s');
  assert.equal(await operationDigest({ operation: 'zahlung', reference: 'überweisung-💶',
    summary: 'Zahlung von 40,00 € an Müller & Söhne' }), 'sha256:R2FMoDb0yMFGjPmtvzjYEOlk9cB6e2w7IeMDYVTGg30');
  assert.equal(await operationDigest({ operation: 'payment', reference: 'a"b\\c/d\n\t\u0001\u007f\u2028',
    summary: '<script>' }), 'sha256:rHc6_5mbiSX6_nyqT5FSUHm-F1i3qLLtSEe_R_z1yMA');
  assert.equal(await operationDigest({ operation: 'payment', reference: 'lone-\ud800-surrogate' }),
    'sha256:HbO9ZM72S6QQF1y6O08MXEmmabs1tS9sXw0SgM-Tut0');
  assert.throws(() => canonicalJson({ amount: 40 }), TypeError);
});

test('an assertion for the operation about to be performed is accepted', async () => {
  const stepUp = await verifier().verify(await signed(key), OPERATION, 'n-1');

  assert.equal(stepUp.userId, 'u-42');
  assert.deepEqual(stepUp.amr, ['otp', 'sms']);
});

test('altered claims, another audience, an expired assertion and an unknown kid are refused', async () => {
  const [head, , signature] = (await signed(key)).split('.');
  const altered = Buffer.from(JSON.stringify({ ...claims(), sub: 'u-43' })).toString('base64url');
  await refused(verifier().verify(`${head}.${altered}.${signature}`, OPERATION), 'BAD_SIGNATURE');
  await refused(verifier().verify(await signed(key, { aud: 'web-bff' }), OPERATION), 'WRONG_AUDIENCE');
  await refused(verifier(NOW + 150_000).verify(await signed(key), OPERATION), 'EXPIRED');
  await refused(verifier().verify(await signed(await signingKey()), OPERATION), 'UNKNOWN_KEY');
  await refused(verifier().verify(await signed(key), { ...OPERATION, reference: 'pay-8c1f3' }), 'OPERATION_MISMATCH');
  await refused(verifier().verify(await signed(key), OPERATION, 'n-2'), 'NONCE_MISMATCH');
  await refused(verifier().verify(await signed(key, {}, 'JWT'), OPERATION), 'NOT_AN_ASSERTION');
});

function verifier(now = NOW) {
  return new StepUpAssertionVerifier({ issuer, audience: 'payments', now: () => now });
}

function claims() {
  const iat = Math.floor(NOW / 1000);
  return {
    iss: issuer, sub: 'u-42', aud: 'payments', iat, exp: iat + 120, jti: 'ch_1', auth_time: iat - 3,
    acr: 'urn:plmr:mfa-totp:acr:pstn', amr: ['otp', 'sms'], operation: OPERATION,
    operation_digest: 'sha256:QcDH3nzqBH-psxnuI0uRe3st6d1v-s5vZJKxKSh9-r4', nonce: 'n-1',
  };
}

async function signed(signer, changes = {}, typ = 'step-up+jwt') {
  return new jose.CompactSign(new TextEncoder().encode(JSON.stringify({ ...claims(), ...changes })))
    .setProtectedHeader({ alg: 'ES256', typ, kid: signer.jwk.kid })
    .sign(signer.privateKey);
}

async function signingKey() {
  const { publicKey, privateKey } = await jose.generateKeyPair('ES256');
  const jwk = await jose.exportJWK(publicKey);
  jwk.kid = await jose.calculateJwkThumbprint(jwk);
  return { privateKey, jwk: { ...jwk, use: 'sig', alg: 'ES256' } };
}

async function refused(promise, reason) {
  await assert.rejects(promise, (e) => {
    assert.equal(e.reason, reason, e.message);
    return true;
  });
}
