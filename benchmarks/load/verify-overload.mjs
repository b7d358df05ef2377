// Drives the SMS verify endpoint of a running mfa-totp in two phases, after a warm-up as long as a
// phase (the JIT), and prints what a caller sees:
//  1. capacity: ADMITTED requests in flight at all times (closed loop), for the rate it accepts;
//  2. overload: OVERLOAD x that rate offered on a fixed schedule (open loop: a request starts on
//     time whether or not earlier ones were answered, so slow answers cannot hide the overload).
// Every verify carries a code for one of CHALLENGES pending SMS challenges to which no code was
// sent: a transaction that locks the challenge and its user's failure streak and answers 400
// INVALID_OTP without spending an attempt, so both phases do the same work however long they run
// (wrong codes for sent codes would lock the challenges after five and turn into cheaper 410s).
// "Accepted" is every answer but a 503; "shed" is a 503.
//
// usage: node verify-overload.mjs BASE_URL   (env: CHALLENGES, PHASE_SECONDS, OVERLOAD, ADMITTED)
import http from 'node:http';

const base = new URL(process.argv[2]);
const challenges = Number(process.env.CHALLENGES ?? 300);
const seconds = Number(process.env.PHASE_SECONDS ?? 15);
const overload = Number(process.env.OVERLOAD ?? 2);
const admitted = Number(process.env.ADMITTED ?? 40);
const agent = new http.Agent({ keepAlive: true, maxSockets: 4096 });

function send(method, path, token, body) {
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    const headers = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const request = http.request({ host: base.hostname, port: base.port, method, path, agent, headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({
        status: response.statusCode,
        millis: Number(process.hrtime.bigint() - started) / 1e6,
        body: Buffer.concat(chunks).toString(),
      }));
    });
    request.on('error', () => resolve({ status: 0, millis: Number(process.hrtime.bigint() - started) / 1e6, body: '' }));
    request.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

async function call(method, path, token, body) {
  const answer = await send(method, path, token, body);
  if (answer.status < 200 || answer.status >= 300) {
    throw new Error(`${method} ${path}: ${answer.status} ${answer.body}`);
  }
  return JSON.parse(answer.body);
}

async function setUp(service) {
  const ids = [];
  for (let start = 0; start < challenges; start += 20) {
    ids.push(...await Promise.all(Array.from({ length: Math.min(20, challenges - start) }, async (_, k) => {
      const n = start + k;
      const user = `load-${process.pid}-${n}`;
      await call('PUT', `/resources/v3alpha/users/${user}/phone`, service,
        { phone: `+4915${String(100000000 + n).padStart(9, '0')}` });
      const challenge = await call('POST', '/internal/v1/mfa/challenges', service,
        { userId: user, context: { operation: 'payment', reference: `load-${n}` }, allowedMethods: ['sms'] });
      return challenge.challengeId;
    })));
  }
  return ids;
}

class Tally {
  constructor() { this.accepted = []; this.shed = []; this.statuses = {}; }
  add(answer) {
    this.statuses[answer.status] = (this.statuses[answer.status] ?? 0) + 1;
    (answer.status === 503 ? this.shed : this.accepted).push(answer.millis);
  }
  print(name) {
    const at = (list, p) => {
      const sorted = [...list].sort((a, b) => a - b);
      return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    };
    const ms = (v) => (Number.isNaN(v) ? '-' : `${v.toFixed(1)} ms`);
    const total = this.accepted.length + this.shed.length;
    const p50 = at(this.accepted, 0.5);
    const p99 = at(this.accepted, 0.99);
    console.log(`${name}: ${(total / seconds).toFixed(0)} req/s answered, ${(this.accepted.length / seconds).toFixed(0)}`
      + ` req/s accepted, accepted p50 ${ms(p50)} p99 ${ms(p99)} (p99/p50 ${(p99 / p50).toFixed(1)}),`
      + ` shed ${(total === 0 ? 0 : 100 * this.shed.length / total).toFixed(1)} %`
      + ` (shed p50 ${ms(at(this.shed, 0.5))} p99 ${ms(at(this.shed, 0.99))}),`
      + ` statuses ${JSON.stringify(this.statuses)}`);
    return this.accepted.length / seconds;
  }
}

function verifier(service, ids) {
  let next = 0;
  return () => send('POST', `/internal/v1/mfa/totp-sms/${ids[next++ % ids.length]}:verify`, service, { totp: '000000' });
}

async function closedLoop(verify, tally) {
  const end = Date.now() + seconds * 1000;
  await Promise.all(Array.from({ length: admitted }, async () => {
    while (Date.now() < end) {
      tally.add(await verify());
    }
  }));
}

async function openLoop(verify, tally, rate) {
  const pending = [];
  const started = Date.now();
  let launched = 0;
  await new Promise((resolve) => {
    const timer = setInterval(() => {
      const elapsed = (Date.now() - started) / 1000;
      const due = Math.min(elapsed, seconds) * rate;
      while (launched < due) {
        launched++;
        pending.push(verify().then((answer) => tally.add(answer)));
      }
      if (elapsed >= seconds) {
        clearInterval(timer);
        resolve();
      }
    }, 5);
  });
  await Promise.all(pending);
}

const service = (await call('POST', '/dev/tokens', null,
  { sub: 'load-bench', scope: 'mfa.challenges.create mfa.challenges.verify mfa.factors.manage' })).token;
const ids = await setUp(service);
console.log(`${ids.length} challenges ready; ${seconds} s per phase`);
const verify = verifier(service, ids);
await closedLoop(verify, new Tally());
const capacity = new Tally();
await closedLoop(verify, capacity);
const accepted = capacity.print(`capacity (closed loop, ${admitted} in flight)`);
const rate = Math.round(overload * accepted);
const overloaded = new Tally();
await openLoop(verify, overloaded, rate);
overloaded.print(`overload (open loop, ${rate} req/s offered)`);
agent.destroy();
