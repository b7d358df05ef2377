// The service's end-to-end flows and error cases through Prism, the validating proxy: every answer
// must be what the spec says. Valid requests go through the strict proxy (`prism proxy --errors`),
// which refuses anything the spec does not allow and reports violations in `sl-violations`;
// requests that are wrong on purpose (no token, no JSON, a method the path lacks...) go through an
// observing proxy without `--errors`, which forwards them, and only its violations of the answer
// count. Each call also states the status it expects, so a flow cannot pass by going astray.
// A second instance, with a send cap of 1, answers the cap's refusal through its own strict proxy.
// Env: MFA_BASE_URL and MFA_CAPPED_URL (the two instances, for dev tokens and the dev inbox),
// PRISM_STRICT_URL, PRISM_OBSERVING_URL, PRISM_CAPPED_URL. Exit status 1 with the list when
// anything broke.
import { createHmac } from 'node:crypto';

const service = process.env.MFA_BASE_URL;
const strict = process.env.PRISM_STRICT_URL;
const observing = process.env.PRISM_OBSERVING_URL;
const cappedService = process.env.MFA_CAPPED_URL;
const capped = process.env.PRISM_CAPPED_URL;
const failures = [];
let calls = 0;

async function call(proxy, expected, method, path, { token, json, body, headers = {} } = {}) {
  const init = { method, headers: { ...headers } };
  if (token) init.headers.Authorization = `Bearer ${token}`;
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  } else if (body !== undefined) {
    init.body = body;
  }
  const response = await fetch(proxy + path, init);
  const text = await response.text();
  calls++;
  const what = `${method} ${path.slice(0, 90)} -> ${response.status}`;
  const violations = JSON.parse(response.headers.get('sl-violations') || '[]')
    .filter((v) => proxy !== observing || v.location[0] === 'response');
  for (const v of violations) failures.push(`${what}: ${v.location.join('.')}: ${v.message}`);
  if (/stoplight\.io\/prism\/errors/.test(text)) failures.push(`${what}: Prism refused it: ${text.slice(0, 300)}`);
  if (response.status !== expected) failures.push(`${what}, expected ${expected}: ${text.slice(0, 300)}`);
  return { status: response.status, headers: response.headers, json: text && method !== 'HEAD' ? safeJson(text) : null };
}

function safeJson(text) {
  try { return JSON.parse(text); } catch { return null; }
}

async function devToken(sub, scope, from = service) {
  const response = await fetch(`${from}/dev/tokens`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(scope ? { sub, scope } : { sub }),
  });
  return (await response.json()).token;
}

async function codeSentSince(since, channel, from = service) {
  for (let i = 0; i < 40; i++) {
    const inbox = await (await fetch(`${from}/dev/inbox.json?since=${encodeURIComponent(since)}`)).json();
    const message = inbox.messages.find((m) => m.channel === channel);
    if (message) return message.code;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  failures.push(`no ${channel} message arrived in the dev inbox`);
  return '000000';
}

// RFC 6238 with SHA-1, 6 digits, 30 s: the app's code for a step (an independent implementation).
function totp(base32, step = Math.floor(Date.now() / 30000)) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of base32.replace(/=+$/, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1000000).padStart(6, '0');
}

const SCOPES = 'mfa.challenges.create mfa.challenges.read mfa.challenges.consume mfa.challenges.cancel mfa.factors.manage';
const run = Date.now().toString(36);
const user = `u-prism-${run}`;
const SERVICE = await devToken('payments', SCOPES);
const USER = await devToken(user);
const OTHER = await devToken(`u-other-${run}`);
const CAPPED_SERVICE = await devToken('payments', SCOPES, cappedService);
const CAPPED_USER = await devToken(user, undefined, cappedService);
const challenges = '/internal/v1/mfa/challenges';
const context = { operation: 'payment', reference: `pay-${run}`, summary: 'payment of EUR 40 to ACME' };
const newChallenge = async (allowedMethods, proxy = strict, token = SERVICE) =>
  (await call(proxy, 201, 'POST', challenges, { token, json: { userId: user, context, allowedMethods } })).json.challengeId;

try {
  // Contacts: set, read, refuse a bad one, remove and read the gap.
  await call(strict, 200, 'PUT', `/resources/v3alpha/users/${user}/phone`, { token: SERVICE, json: { phone: '+4915112345612' } });
  await call(strict, 200, 'PUT', `/resources/v3alpha/users/${user}/email`, { token: USER, json: { email: 'jane@example.com' } });
  await call(strict, 200, 'GET', `/resources/v3alpha/users/${user}/phone`, { token: USER });
  await call(strict, 200, 'GET', `/resources/v3alpha/users/${user}/email`, { token: SERVICE });
  await call(strict, 400, 'PUT', `/resources/v3alpha/users/${user}/phone`, { token: USER, json: { phone: '0151 1234' } });
  await call(strict, 403, 'GET', `/resources/v3alpha/users/${user}/phone`, { token: OTHER });
  await call(strict, 404, 'GET', `/resources/v3alpha/users/u-nobody-${run}/email`, { token: SERVICE });

  // SMS: initiate, a wrong code, the right one, consume once; the refusals around it.
  let id = await newChallenge(['sms', 'email', 'app']);
  await call(strict, 200, 'GET', `${challenges}/${id}`, { token: USER });
  await call(strict, 400, 'POST', `/internal/v1/mfa/totp-sms/${id}:verify`, { token: USER, json: { totp: '123456' } });
  await call(strict, 409, 'POST', `${challenges}/${id}:consume`, { token: SERVICE });
  let since = new Date().toISOString();
  await call(strict, 200, 'POST', `/internal/v1/mfa/totp-sms/${id}:initiate`, { token: USER });
  await call(strict, 429, 'POST', `/internal/v1/mfa/totp-sms/${id}:initiate`, { token: USER });
  const smsCode = await codeSentSince(since, 'sms');
  await call(strict, 400, 'POST', `/internal/v1/mfa/totp-sms/${id}:verify`, { token: USER, json: { totp: smsCode === '000000' ? '111111' : '000000' } });
  await call(strict, 403, 'POST', `/internal/v1/mfa/totp-sms/${id}:verify`, { token: OTHER, json: { totp: smsCode } });
  await call(strict, 200, 'POST', `/internal/v1/mfa/totp-sms/${id}:verify`, { token: USER, json: { totp: smsCode } });
  await call(strict, 410, 'POST', `/internal/v1/mfa/totp-sms/${id}:verify`, { token: USER, json: { totp: smsCode } });
  await call(strict, 200, 'POST', `${challenges}/${id}:consume`, { token: SERVICE });
  await call(strict, 410, 'POST', `${challenges}/${id}:consume`, { token: SERVICE });
  await call(strict, 410, 'POST', `${challenges}/${id}:cancel`, { token: SERVICE });
  await call(strict, 404, 'GET', `${challenges}/ch_unknown${run}`, { token: SERVICE });

  // E-mail, on the instance with a send cap of 1: the cap answers without Retry-After.
  id = await newChallenge(['email']);
  await call(strict, 400, 'POST', `/internal/v1/mfa/totp-sms/${id}:initiate`, { token: USER });
  await call(capped, 200, 'PUT', `/resources/v3alpha/users/${user}/email`, { token: CAPPED_USER, json: { email: 'jane@example.com' } });
  id = await newChallenge(['email'], capped, CAPPED_SERVICE);
  since = new Date().toISOString();
  await call(capped, 200, 'POST', `/internal/v1/mfa/totp-email/${id}:initiate`, { token: CAPPED_USER });
  const refused = await call(capped, 429, 'POST', `/internal/v1/mfa/totp-email/${id}:initiate`, { token: CAPPED_USER });
  if (refused.headers.get('retry-after') !== null) failures.push('the send cap answered with a Retry-After');
  await call(capped, 200, 'POST', `/internal/v1/mfa/totp-email/${id}:verify`, { token: CAPPED_USER, json: { totp: await codeSentSince(since, 'email', cappedService) } });

  // Cancel a pending challenge; later requests find its step-up request gone.
  id = await newChallenge(['sms']);
  await call(strict, 200, 'POST', `${challenges}/${id}:cancel`, { token: SERVICE });
  await call(strict, 404, 'POST', `/internal/v1/mfa/totp-sms/${id}:initiate`, { token: USER });

  // The authenticator app: register (no body), refuse a wrong code, activate, answer a challenge, remove.
  await call(strict, 404, 'POST', `/internal/v1/mfa/totp-app/${await newChallenge(['app'])}:verify`, { token: USER, json: { totp: '123456' } });
  const registration = (await call(strict, 200, 'POST', `/resources/v3alpha/users/${user}/totp`, { token: USER })).json;
  const totpPath = `/resources/v3alpha/users/${user}/totp/${registration.totpId}`;
  const now = Math.floor(Date.now() / 30000);
  await call(strict, 400, 'POST', `${totpPath}/_verify`, { token: USER, json: { code: totp(registration.secret, now + 40) } });
  await call(strict, 200, 'POST', `${totpPath}/_verify`, { token: USER, json: { code: totp(registration.secret, now) } });
  await call(strict, 400, 'POST', `${totpPath}/_verify`, { token: USER, json: { code: totp(registration.secret, now) } });
  await call(strict, 404, 'POST', `/resources/v3alpha/users/${user}/totp/nosuchregistration/_verify`, { token: USER, json: { code: '123456' } });
  await call(strict, 200, 'GET', `/resources/v3alpha/users/${user}/totp`, { token: SERVICE });
  id = await newChallenge(['app']);
  await call(strict, 200, 'POST', `/internal/v1/mfa/totp-app/${id}:verify`, { token: USER, json: { totp: totp(registration.secret, now + 1) } });
  await call(strict, 200, 'DELETE', totpPath, { token: USER });
  await call(strict, 404, 'DELETE', totpPath, { token: USER });

  // Recovery codes: generate, count, the inventory; a code answers a challenge that allows it, once.
  await call(strict, 404, 'GET', `/resources/v3alpha/users/${user}/recovery_codes`, { token: USER });
  const recoveryCodes = (await call(strict, 200, 'POST', `/resources/v3alpha/users/${user}/recovery_codes`, { token: USER })).json.codes;
  await call(strict, 200, 'GET', `/resources/v3alpha/users/${user}/recovery_codes`, { token: SERVICE });
  await call(strict, 200, 'GET', `/resources/v3alpha/users/${user}/factors`, { token: USER });
  await call(strict, 403, 'GET', `/resources/v3alpha/users/${user}/factors`, { token: OTHER });
  id = await newChallenge(['app', 'recovery']);
  await call(strict, 200, 'POST', `/internal/v1/mfa/recovery-code/${id}:verify`, { token: USER, json: { code: recoveryCodes[0].toUpperCase() } });
  await call(strict, 400, 'POST', `/internal/v1/mfa/recovery-code/${await newChallenge(['recovery'])}:verify`, { token: USER, json: { code: recoveryCodes[0] } });
  await call(strict, 400, 'POST', `/internal/v1/mfa/recovery-code/${await newChallenge(['sms'])}:verify`, { token: USER, json: { code: recoveryCodes[1] } });
  await call(strict, 200, 'DELETE', `/resources/v3alpha/users/${user}/email`, { token: SERVICE });
  await call(strict, 200, 'DELETE', `/resources/v3alpha/users/${user}/phone`, { token: USER });
  await call(strict, 404, 'POST', `/internal/v1/mfa/totp-sms/${await newChallenge(['sms'])}:initiate`, { token: USER });

  // Wrong on purpose, through the observing proxy: the answers must still be the documented ones.
  id = await newChallenge(['sms']);
  await call(observing, 401, 'POST', challenges, { json: { userId: user, context } });
  await call(observing, 401, 'GET', `/resources/v3alpha/users/${user}/totp`, { token: 'not-a-token' });
  await call(observing, 400, 'POST', challenges, { token: SERVICE, json: { userId: 5, context } });
  await call(observing, 400, 'POST', `/internal/v1/mfa/totp-sms/${id}:verify`, { token: USER, json: {} });
  await call(observing, 400, 'POST', `/internal/v1/mfa/totp-sms/${id}:verify`, { token: USER, json: { totp: 123456 } });
  await call(observing, 400, 'POST', `/internal/v1/mfa/recovery-code/${await newChallenge(['recovery'])}:verify`, { token: USER, json: { code: 'not a code' } });
  await call(observing, 400, 'POST', `/resources/v3alpha/users/${user}/totp`, { token: USER, json: { digits: '8' } });
  await call(observing, 405, 'GET', `${challenges}/${id}:consume`, { token: SERVICE });
  await call(observing, 405, 'DELETE', `/internal/v1/mfa/totp-sms/${id}:verify`, { token: USER });
  await call(observing, 405, 'PATCH', `/resources/v3alpha/users/${user}/phone`, { token: USER });
  await call(observing, 406, 'GET', `${challenges}/${id}`, { token: SERVICE, headers: { Accept: 'text/html' } });
  await call(observing, 406, 'GET', `/resources/v3alpha/users/${user}/totp`, { token: USER, headers: { Accept: 'text/html' } });
  await call(observing, 415, 'POST', challenges, { token: SERVICE, body: 'x', headers: { 'Content-Type': 'text/plain' } });
  await call(observing, 415, 'PUT', `/resources/v3alpha/users/${user}/email`, { token: USER, body: 'x', headers: { 'Content-Type': 'text/plain' } });
  await call(observing, 413, 'POST', challenges, { token: SERVICE, json: { userId: user, context, pad: 'x'.repeat(20000) } });
  await call(observing, 400, 'GET', `/resources/v3alpha/users/bad'id/phone`, { token: SERVICE });
} catch (error) {
  failures.push(`the flows stopped: ${error.stack}`);
}

if (failures.length > 0) {
  console.error(`Prism: ${failures.length} problem(s) in ${calls} calls:\n${failures.join('\n')}`);
  process.exit(1);
}
console.error(`Prism: ${calls} calls through the validating proxy, 0 violations`);
