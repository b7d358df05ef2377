// Drives the SMS verify endpoint of a running mfa-totp in two phases, after a warm-up as long as a
// phase (the JIT), and prints what a caller sees:
//  1. capacity: ADMITTED requests in flight at all times (closed loop), for the rate it accepts;
//  2. overload: OVERLOAD x that rate offered on a fixed schedule (open loop: a request starts on
//     time whether or not earlier ones were answered, so slow answers cannot hide the overload).
// Every verify carries a code for one of CHALLENGES pending SMS challenges to which no code was
// sent: a transaction that locks the challenge and its user's failure streak and answers 400
// INVALID_OTP without spending an attempt, so both phases do the same work however long they run
// (wrong codes for sent codes would lock the challenges after five and turn into cheaper 410s).
// "Accepted" is every answer but a 503; "shed" is a 503. Rates count the answers that arrived
// within the phase; latencies count every answer. A second line per phase says whether the
// generator kept up: how far behind its schedule requests started, how long they waited for a
// connection, its event loop's delay, and the share of answers that came after the phase.
//
// With RATE set, the second phase offers that many requests per second instead (a fixed-rate run
// at a rate of one's choosing; its latencies are also counted from when each request was due).
//
// usage: node verify-overload.mjs BASE_URL   (env: CHALLENGES, PHASE_SECONDS, OVERLOAD, ADMITTED, RATE)
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { at, client, ms, now } from './http.mjs';

const challenges = Number(process.env.CHALLENGES ?? 300);
const seconds = Number(process.env.PHASE_SECONDS ?? 15);
const overload = Number(process.env.OVERLOAD ?? 2);
const admitted = Number(process.env.ADMITTED ?? 40);
const { send, call, close } = client(process.argv[2]);

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

// What one phase saw. Rates count the answers that arrived within the phase (an answer that
// arrives after it ended is counted in the latencies, not in the rate), so a queue that drains
// after the phase cannot inflate them.
class Tally {
  constructor(end) {
    this.end = end;
    this.accepted = []; this.shed = []; this.statuses = {}; this.late = 0; this.acceptedInPhase = 0;
    this.queued = []; this.behind = []; this.fromSchedule = []; this.latest = 0;
  }
  add(answer, scheduled = answer.started) {
    this.statuses[answer.status] = (this.statuses[answer.status] ?? 0) + 1;
    (answer.status === 503 ? this.shed : this.accepted).push(answer.millis);
    if (answer.ended > this.end) this.late++;
    else if (answer.status !== 503) this.acceptedInPhase++;
    this.latest = Math.max(this.latest, answer.ended);
    this.queued.push(answer.socketAt - answer.started);
    this.behind.push(answer.started - scheduled);
    if (answer.status !== 503) this.fromSchedule.push(answer.ended - scheduled);
  }
  print(name) {
    const total = this.accepted.length + this.shed.length;
    const inPhase = total - this.late;
    const share = (n) => (total === 0 ? 0 : 100 * n / total).toFixed(1);
    const acceptedRate = this.acceptedInPhase / seconds;
    const p50 = at(this.accepted, 0.5);
    const p99 = at(this.accepted, 0.99);
    console.log(`${name}: ${(inPhase / seconds).toFixed(0)} req/s answered, ${acceptedRate.toFixed(0)}`
      + ` req/s accepted, accepted p50 ${ms(p50)} p99 ${ms(p99)} (p99/p50 ${(p99 / p50).toFixed(1)}),`
      + ` shed ${share(this.shed.length)} % (shed p50 ${ms(at(this.shed, 0.5))} p99 ${ms(at(this.shed, 0.99))}),`
      + ` statuses ${JSON.stringify(this.statuses)}`);
    console.log(`  generator: ${share(this.late)} % answered after the phase (last ${ms(Math.max(0, this.latest - this.end))} after),`
      + ` started behind schedule p50 ${ms(at(this.behind, 0.5))} p99 ${ms(at(this.behind, 0.99))},`
      + ` waited for a connection p50 ${ms(at(this.queued, 0.5))} p99 ${ms(at(this.queued, 0.99))},`
      + ` event loop delay p50 ${ms(delay.percentile(50) / 1e6)} p99 ${ms(delay.percentile(99) / 1e6)}`);
    console.log(`  accepted p50 ${ms(at(this.fromSchedule, 0.5))} p99 ${ms(at(this.fromSchedule, 0.99))}`
      + ' counted from when each request was due (the open loop\'s schedule; in a closed loop, when it was sent)');
    return acceptedRate;
  }
}

function verifier(service, ids) {
  let next = 0;
  return () => send('POST', `/internal/v1/mfa/totp-sms/${ids[next++ % ids.length]}:verify`, service, { totp: '000000' });
}

async function closedLoop(verify) {
  const tally = new Tally(now() + seconds * 1000);
  delay.reset();
  await Promise.all(Array.from({ length: admitted }, async () => {
    while (now() < tally.end) {
      tally.add(await verify());
    }
  }));
  return tally;
}

// Request i is due at start + i / rate; how far behind that it was sent is printed (the generator's
// own lag, which a fixed schedule must not hide), and the latency counts from the send.
async function openLoop(verify, rate) {
  const started = now();
  const tally = new Tally(started + seconds * 1000);
  delay.reset();
  const pending = [];
  let launched = 0;
  await new Promise((resolve) => {
    const timer = setInterval(() => {
      const elapsed = (now() - started) / 1000;
      const due = Math.min(elapsed, seconds) * rate;
      while (launched < due) {
        const scheduled = started + (1000 * launched) / rate;
        launched++;
        pending.push(verify().then((answer) => tally.add(answer, scheduled)));
      }
      if (elapsed >= seconds) {
        clearInterval(timer);
        resolve();
      }
    }, 5);
  });
  await Promise.all(pending);
  return tally;
}

const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
const service = (await call('POST', '/dev/tokens', null,
  { sub: 'load-bench', scope: 'mfa.challenges.create mfa.challenges.verify mfa.factors.manage' })).token;
const ids = await setUp(service);
console.log(`${ids.length} challenges ready; ${seconds} s per phase`);
const verify = verifier(service, ids);
await closedLoop(verify);
const accepted = (await closedLoop(verify)).print(`capacity (closed loop, ${admitted} in flight)`);
const rate = process.env.RATE ? Number(process.env.RATE) : Math.round(overload * accepted);
(await openLoop(verify, rate)).print(`${process.env.RATE ? 'fixed rate' : 'overload'} (open loop, ${rate} req/s offered)`);
close();
