// The main step-up flow through the generated TypeScript SDK against a running service in the
// dev environment (.ci/sdk-typescript.sh starts it): a consumer service creates a challenge, the
// user sets a phone number, asks for an SMS code, reads it (from the dev sink file instead of a
// phone), verifies it, and the consumer consumes the challenge exactly once. Every call is made as
// the SDK's README shows it: `new Configuration({ accessToken: token })`, refusals read with
// `readApiError`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setTimeout as delay } from 'node:timers/promises';

const require = createRequire(import.meta.url);
const sdk = require(process.env.MFA_TS_SDK);
const { Configuration, AuditEventsApi, ChallengesApi, TotpSmsApi, UserContactsApi, ResponseError, readApiError,
  RecoveryCodeApi, UserFactorsApi, UserRecoveryCodesApi,
  StepUpAssertionVerifier, operationDigest } = sdk;
// An independent JWT library, installed beside the SDK by .ci/sdk-typescript.sh.
const jose = createRequire(process.env.MFA_TS_SDK)('jose');

const baseUrl = required('MFA_BASE_URL');
const secret = required('MFA_DEV_JWT_SECRET');
const sinkFile = required('MFA_DEV_SINK_FILE');

const SCOPES = 'mfa.challenges.create mfa.challenges.read mfa.challenges.consume';

test('a user approves a payment with an SMS code and the consumer proceeds exactly once', async () => {
  const userId = `u-${randomUUID()}`;
  const phone = `+49151${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const service = config(serviceToken('payments', SCOPES));
  const user = config(userToken(userId));

  await new UserContactsApi(user).setPhone({ id: userId, setPhoneRequest: { phone } });
  const challenge = await new ChallengesApi(service).createChallenge({
    createChallengeRequest: {
      userId,
      context: { operation: 'payment', reference: `pay_${Date.now()}`, summary: 'payment of EUR 40 to ACME' },
      allowedMethods: ['sms'],
    },
  });
  assert.equal(challenge.status, 'pending');

  const sent = await new TotpSmsApi(user).initiateSms({ challengeId: challenge.challengeId });
  assert.equal(sent.method, 'sms');
  assert.match(sent.maskedDestination, /\*\*\*/);

  const code = await codeSentTo(phone);
  const verified = await new TotpSmsApi(user).verifySms({
    challengeId: challenge.challengeId, verifyOtpRequest: { totp: code },
  });
  assert.equal(verified.status, 'verified');
  assert.equal(verified.verifiedMethod, 'sms');

  const consumed = await new ChallengesApi(service).consumeChallenge({ challengeId: challenge.challengeId });
  assert.equal(consumed.status, 'consumed');

  const again = await refusal(new ChallengesApi(service).consumeChallenge({ challengeId: challenge.challengeId }));
  assert.equal(again.shape, 'ErrorResponse');
  assert.equal(again.httpStatus, 410);
  assert.equal(again.body.code, 'urn:plmr:mfa-totp:api:CHALLENGE_NOT_FOUND');
  assert.equal(again.body.challengeStatus, 'consumed');

  const trail = new AuditEventsApi(config(serviceToken('fraud-desk', 'mfa.audit.read')));
  const first = await trail.listAuditEvents({ challengeId: challenge.challengeId, pageSize: 3 });
  const rest = await trail.listAuditEvents({ challengeId: challenge.challengeId, pageToken: first.nextPageToken });
  const types = [...first.events, ...rest.events].map((event) => event.type);
  assert.deepEqual(types.filter((type) => type !== 'message.sent').sort(), ['challenge.consume_refused',
    'challenge.consumed', 'challenge.created', 'code.issued', 'message.queued', 'verify.succeeded'].sort());
  assert.equal(rest.nextPageToken, undefined);
  assert.ok(first.events[0].time instanceof Date);
});

test('a payment challenge carries its amount and payee, its SMS shows them, and its code approves that payment', async () => {
  const userId = `u-${randomUUID()}`;
  const phone = `+49151${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const service = config(serviceToken('payments', SCOPES));
  const user = config(userToken(userId));
  await new UserContactsApi(user).setPhone({ id: userId, setPhoneRequest: { phone } });

  const transaction = {
    type: 'payment_initiation',
    amount: { value: '1234.5', currency: 'EUR' },
    payee: { name: 'ACME GmbH', account: 'DE89 **** **** **** **** 00' },
    reference: 'INV-2026-0042',
  };
  const challenge = await new ChallengesApi(service).createChallenge({
    createChallengeRequest: {
      userId, locale: 'de', allowedMethods: ['sms'],
      context: { operation: 'payment', reference: `pay_${Date.now()}`, transaction },
    },
  });
  assert.deepEqual(challenge.context.transaction, { ...transaction, amount: { value: '1234.50', currency: 'EUR' } });

  await new TotpSmsApi(user).initiateSms({ challengeId: challenge.challengeId });
  const line = await lineSentTo(phone);
  assert.match(line, /text="Code \d{6} zur Freigabe: 1\.234,50 € an ACME GmbH\./);
  const verified = await new TotpSmsApi(user).verifySms({
    challengeId: challenge.challengeId, verifyOtpRequest: { totp: line.match(/ code=(\d+)/)[1] },
  });
  assert.equal(verified.status, 'verified');

  const refused = await refusal(new ChallengesApi(service).createChallenge({
    createChallengeRequest: {
      userId, context: { operation: 'payment', reference: 'pay_4', transaction: { ...transaction, amount: { value: '5.001', currency: 'EUR' } } },
    },
  }));
  assert.equal(refused.httpStatus, 400);
  assert.equal(refused.body.fieldErrors[0].field, 'context.transaction.amount.value');
});

test('the consumer verifies the step-up assertion with jose and with the SDK helper against the served keys', async () => {
  const userId = `u-${randomUUID()}`;
  const phone = `+49151${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const service = config(serviceToken('payments', SCOPES));
  const user = config(userToken(userId));
  const context = { operation: 'payment', reference: `pay_${Date.now()}`, summary: 'Zahlung von 40,00 € an Müller' };
  await new UserContactsApi(user).setPhone({ id: userId, setPhoneRequest: { phone } });
  const challenge = await new ChallengesApi(service).createChallenge({
    createChallengeRequest: { userId, context, allowedMethods: ['sms'], nonce: 'n-0S6_WzA2Mj' },
  });
  await new TotpSmsApi(user).initiateSms({ challengeId: challenge.challengeId });
  await new TotpSmsApi(user).verifySms({
    challengeId: challenge.challengeId, verifyOtpRequest: { totp: await codeSentTo(phone) },
  });

  const consumed = await new ChallengesApi(service).consumeChallenge({ challengeId: challenge.challengeId });

  const issuer = required('MFA_ASSERTION_ISSUER');
  const keys = jose.createRemoteJWKSet(new URL(`${baseUrl}/.well-known/jwks.json`));
  const { payload, protectedHeader } = await jose.jwtVerify(consumed.assertion, keys,
    { issuer, audience: 'payments', typ: 'step-up+jwt', algorithms: ['ES256'] });
  assert.equal(payload.sub, userId);
  assert.equal(payload.jti, challenge.challengeId);
  assert.deepEqual(payload.amr, ['otp', 'sms']);
  assert.equal(payload.acr, 'urn:plmr:mfa-totp:acr:pstn');
  assert.equal(payload.nonce, 'n-0S6_WzA2Mj');
  assert.deepEqual(payload.operation, context);
  assert.equal(payload.operation_digest, await operationDigest(context));
  assert.ok(payload.exp - payload.iat <= 300);
  assert.ok(protectedHeader.kid);

  const verifier = new StepUpAssertionVerifier({ issuer, audience: 'payments', jwksUrl: `${baseUrl}/.well-known/jwks.json` });
  const stepUp = await verifier.verify(consumed.assertion, context, 'n-0S6_WzA2Mj');
  assert.equal(stepUp.userId, userId);
  assert.equal(stepUp.challengeId, challenge.challengeId);
  await assert.rejects(verifier.verify(consumed.assertion, { ...context, summary: 'Zahlung von 41,00 € an Müller' }),
    (e) => e.reason === 'OPERATION_MISMATCH');
});

test('a wrong code is refused with the attempts left', async () => {
  const userId = `u-${randomUUID()}`;
  const phone = `+49151${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const user = config(userToken(userId));
  await new UserContactsApi(user).setPhone({ id: userId, setPhoneRequest: { phone } });
  const challenge = await new ChallengesApi(config(serviceToken('payments', SCOPES))).createChallenge({
    createChallengeRequest: { userId, context: { operation: 'payment', reference: 'pay_1' }, allowedMethods: ['sms'] },
  });
  await new TotpSmsApi(user).initiateSms({ challengeId: challenge.challengeId });
  const code = await codeSentTo(phone);
  const wrong = [...code].map((d) => String((Number(d) + 1) % 10)).join('');

  const refused = await refusal(new TotpSmsApi(user).verifySms({
    challengeId: challenge.challengeId, verifyOtpRequest: { totp: wrong },
  }));
  assert.equal(refused.shape, 'ErrorResponse');
  assert.equal(refused.httpStatus, 400);
  assert.equal(refused.body.code, 'urn:plmr:mfa-totp:api:INVALID_OTP');
  assert.equal(typeof refused.body.attemptsRemaining, 'number');
  assert.equal(refused.body.requestId, refused.headers.get('X-Request-Id'));
});

test('a service-only operation accepts the plain accessToken usage, and a token without its scope is refused', async () => {
  const userId = `u-${randomUUID()}`;
  const create = { createChallengeRequest: { userId, context: { operation: 'payment', reference: 'pay_2' } } };

  const created = await new ChallengesApi(config(serviceToken('payments', 'mfa.challenges.create'))).createChallenge(create);
  assert.equal(created.userId, userId);

  const refused = await refusal(new ChallengesApi(config(serviceToken('payments', 'mfa.challenges.read'))).createChallenge(create));
  assert.equal(refused.httpStatus, 403);
  assert.equal(refused.body.code, 'urn:plmr:mfa-totp:api:FORBIDDEN');
});

test('an accessToken function is asked with the scheme and the operation scopes, and its token is sent as Bearer', async () => {
  const asked = [];
  const token = serviceToken('payments', SCOPES);
  const service = new Configuration({
    basePath: baseUrl,
    accessToken: async (scheme, scopes) => { asked.push([scheme, scopes]); return token; },
  });

  await new ChallengesApi(service).createChallenge({
    createChallengeRequest: { userId: `u-${randomUUID()}`, context: { operation: 'payment', reference: 'pay_3' } },
  });

  assert.deepEqual(asked, [['serviceToken', ['mfa.challenges.create']]]);
});

test('a v3alpha refusal reads as a google.rpc Status, and the response stays readable', async () => {
  const userId = `u-${randomUUID()}`;
  const other = config(userToken(`u-${randomUUID()}`));

  const refused = await new UserContactsApi(other).getPhone({ id: userId }).catch((e) => e);
  assert.ok(refused instanceof ResponseError, `expected a ResponseError, got ${refused}`);
  const error = await readApiError(refused);

  assert.equal(error.shape, 'Status');
  assert.equal(error.httpStatus, 403);
  assert.equal(error.body.code, 7);
  assert.equal(error.body.details[0]['@type'], 'type.googleapis.com/google.rpc.ErrorInfo');
  assert.equal((await refused.response.json()).code, 7);

  const mine = config(userToken(userId));
  const invalid = await refusal(new UserContactsApi(mine).setPhone({ id: userId, setPhoneRequest: { phone: '12' } }));
  assert.equal(invalid.shape, 'Status');
  assert.equal(invalid.body.code, 3);
});

test('readApiError gives back what is not an answer of the service', async () => {
  const unreachable = new Configuration({ basePath: 'http://127.0.0.1:1', accessToken: 't' });
  const failure = await new ChallengesApi(unreachable).getChallenge({ challengeId: 'ch_x' }).catch((e) => e);

  await assert.rejects(readApiError(failure), (thrown) => thrown === failure);
});

test('a client that percent-encodes the colon reaches the same operation', async () => {
  const response = await fetch(`${baseUrl}/internal/v1/mfa/challenges/ch_unknown%3Aconsume`, {
    method: 'POST', headers: { Authorization: `Bearer ${serviceToken('payments', SCOPES)}` },
  });
  assert.equal(response.status, 404);
  assert.equal((await response.json()).code, 'urn:plmr:mfa-totp:api:CHALLENGE_NOT_FOUND');
});

test('a user who lost the phone steps up with a recovery code, which works once', async () => {
  const userId = `u-${randomUUID()}`;
  const service = config(serviceToken('payments', SCOPES));
  const user = config(userToken(userId));
  const { codes } = await new UserRecoveryCodesApi(user).generateRecoveryCodes({ id: userId });
  assert.equal(codes.length, 10);
  const challengeAllowingRecovery = async () => (await new ChallengesApi(service).createChallenge({
    createChallengeRequest: {
      userId, context: { operation: 'factor-reset', reference: `rs_${Date.now()}` }, allowedMethods: ['app', 'recovery'],
    },
  })).challengeId;

  const challengeId = await challengeAllowingRecovery();
  const verified = await new RecoveryCodeApi(user).verifyRecoveryCode({
    challengeId, verifyRecoveryCodeRequest: { code: codes[0].replaceAll('-', '').toUpperCase() },
  });
  assert.equal(verified.status, 'verified');
  assert.equal(verified.verifiedBy, 'recovery');
  assert.deepEqual(verified.methods, ['app', 'recovery']);
  assert.deepEqual([...verified.allowedMethods], ['app']);

  const consumed = await new ChallengesApi(service).consumeChallenge({ challengeId });
  const keys = jose.createRemoteJWKSet(new URL(`${baseUrl}/.well-known/jwks.json`));
  const { payload } = await jose.jwtVerify(consumed.assertion, keys, { audience: 'payments' });
  assert.deepEqual(payload.amr, ['otp', 'recovery']);
  assert.equal(payload.acr, 'urn:plmr:mfa-totp:acr:recovery-code');

  const again = await refusal(new RecoveryCodeApi(user).verifyRecoveryCode({
    challengeId: await challengeAllowingRecovery(), verifyRecoveryCodeRequest: { code: codes[0] },
  }));
  assert.equal(again.httpStatus, 400);
  assert.equal(again.body.reason, 'CODE_WRONG');

  const factors = await new UserFactorsApi(user).listFactors({ id: userId });
  assert.equal(factors.recoveryCodes.remaining, 9);
  assert.deepEqual(factors.totp, []);
});

/** The SDK's plain usage: the token itself, sent as `Authorization: Bearer` on every operation. */
function config(token) {
  return new Configuration({ basePath: baseUrl, accessToken: token });
}

function userToken(userId) {
  return jwt({ sub: userId });
}

function serviceToken(clientId, scope) {
  return jwt({ sub: clientId, client_id: clientId, scope });
}

/** An HS256 JWT signed with the dev environment's secret (RFC 7519, RFC 7515 section 3). */
function jwt(claims) {
  const now = Math.floor(Date.now() / 1000);
  const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ ...claims, iat: now, exp: now + 600 })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/** The code of the last message the dev sink wrote for this destination; the outbox sends asynchronously. */
async function codeSentTo(destination) {
  return (await lineSentTo(destination)).match(/ code=(\d+)/)[1];
}

/**
 * The dev sink's line of the last code message to this destination, with its code and text. Notices
 * (a factor added, a lockout) go to the same destination, on lines of their own without a code.
 */
async function lineSentTo(destination) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const lines = existsSync(sinkFile) ? readFileSync(sinkFile, 'utf8').split('\n') : [];
    const line = lines.filter((l) => l.includes('DEV-SINK NOT DELIVERED') && l.includes(` to=${destination} `)
      && / code=\d+/.test(l)).pop();
    if (line) {
      return line;
    }
    assert.ok(Date.now() < deadline, `no message to ${destination} in ${sinkFile}`);
    await delay(100);
  }
}

/** The refusal of a call, read by the SDK's helper. */
async function refusal(promise) {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ResponseError, `expected a ResponseError, got ${error}`);
    return readApiError(error);
  }
  assert.fail('the call was not refused');
}

function required(name) {
  const value = process.env[name];
  assert.ok(value, `${name} must be set (run .ci/sdk-typescript.sh)`);
  return value;
}
