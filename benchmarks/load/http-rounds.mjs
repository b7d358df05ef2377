// HTTP rounds on one or more running mfa-totp services, interleaved: in each round every endpoint
// is driven for STEP_SECONDS on every service in turn (the services' order alternating between
// rounds), with CONNECTIONS requests in flight at all times (closed loop, as wrk -c does), so two
// builds measured in one run share the machine's conditions. Prints each step, then per service
// and endpoint the median req/s over the rounds, its ratio to PUT phone (the one-row write every
// request of the table is compared with), and p50/p99 over all its requests.
//
// The endpoints (ENDPOINTS, comma-separated, all by default):
//   health      GET /health
//   phone       PUT /resources/v3alpha/users/{id}/phone, a consumer service replacing a number
//   sms-verify  POST /internal/v1/mfa/totp-sms/{id}:verify with a wrong code for a code that was
//               sent: the attempt is spent and the user's failure streak extended (400)
//   app-verify  POST /internal/v1/mfa/totp-app/{id}:verify with a wrong code for a user with one
//               active authenticator app: its failure count and the streak are extended (400)
//   create      POST /internal/v1/mfa/challenges, a consumer service opening a challenge (201)
// Wrong codes exhaust budgets: each user answers at most USES_PER_USER (90) of them, which needs
// the services to run with MFA_MAX_ATTEMPTS, MFA_MAX_CONSECUTIVE_FAILURES and MFA_TOTP_MAX_FAILURES
// of 100 (http-rounds.sh sets them); a step that runs out of users stops early and says so.
// Statuses other than the expected one are counted and printed with the step.
// With the processes' ids (NAME=BASE_URL@PID, and DATABASE_PID for the MariaDB all services use),
// each step also says the CPU time per answered request of the service, the database and this
// generator (user and system time from /proc, 10 ms ticks), so a difference between endpoints can
// be placed on this 2-core machine, where the three share the cores.
//
// usage: node http-rounds.mjs NAME=BASE_URL[@PID] [NAME=BASE_URL[@PID] ...]
//   env: ROUNDS (5), STEP_SECONDS (10), WARMUP_SECONDS (10, per endpoint and service, not counted),
//        CONNECTIONS (16), USERS (1000 per pool and service), USES_PER_USER (90), ENDPOINTS,
//        SOAK_REQUESTS (stop the rounds once that many requests were answered, and say when: soak.sh)
import { readFileSync } from 'node:fs';
import { at, client, ms, now, totp } from './http.mjs';

const rounds = Number(process.env.ROUNDS ?? 5);
const stepSeconds = Number(process.env.STEP_SECONDS ?? 10);
const warmupSeconds = Number(process.env.WARMUP_SECONDS ?? 10);
const connections = Number(process.env.CONNECTIONS ?? 16);
const users = Number(process.env.USERS ?? 1000);
const usesPerUser = Number(process.env.USES_PER_USER ?? 90);
const endpoints = (process.env.ENDPOINTS ?? 'health,phone,sms-verify,app-verify,create').split(',');
const services = process.argv.slice(2).map((arg) => {
  const [name, target] = arg.split(/=(.*)/s);
  const [url, pid] = target.split('@');
  return { name, url, pid, http: client(url, connections) };
});
const databasePid = process.env.DATABASE_PID;
// CPU seconds a process used so far (utime + stime, fields 14 and 15 of /proc/PID/stat, in ticks
// of 1/100 s), or NaN when it is not known.
const TICKS_PER_SECOND = 100;
function cpuSeconds(pid) {
  if (!pid) return NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}
const generatorSeconds = () => { const { user, system } = process.cpuUsage(); return (user + system) / 1e6; };
const cpuNow = (service) => ({ service: cpuSeconds(service.pid), database: cpuSeconds(databasePid), generator: generatorSeconds() });
if (services.length === 0) {
  console.error('usage: node http-rounds.mjs NAME=BASE_URL [NAME=BASE_URL ...]');
  process.exit(2);
}

const scopes = 'mfa.challenges.create mfa.challenges.read mfa.challenges.verify mfa.factors.manage';
// Each number in a range of its own (the number without its last three digits), as users' numbers
// are: the SMS fraud guard limits the sends to one range.
const phoneOf = (n, flip) => `+4916${String(n * 2 + flip).padStart(6, '0')}000`;
// A code lives at most 10 minutes (MFA_CODE_TTL, http-rounds.sh); codes older than this are sent
// again before an SMS verify step, outside its time, so that every wrong code still meets a live one.
const codeRefreshMs = 4 * 60 * 1000;

// Runs `make(i)` for i in 0..count-1, 20 at a time.
async function batched(count, make) {
  const made = [];
  for (let start = 0; start < count; start += 20) {
    made.push(...await Promise.all(Array.from({ length: Math.min(20, count - start) }, (_, k) => make(start + k))));
  }
  return made;
}

// A pool of entries handed out round robin, each at most `uses` times.
function pool(entries, uses) {
  let next = 0;
  const used = new Array(entries.length).fill(0);
  return () => {
    for (let tried = 0; tried < entries.length; tried++) {
      const i = next++ % entries.length;
      if (used[i] < uses) {
        used[i]++;
        return entries[i];
      }
    }
    return undefined;
  };
}

async function setUp(service) {
  const { call } = service.http;
  const tag = `${process.pid}-${service.name}`;
  const admin = (await call('POST', '/dev/tokens', null, { sub: 'bench', scope: scopes })).token;
  const token = async (sub) => (await call('POST', '/dev/tokens', null, { sub })).token;
  const challenge = (userId, method, n) => call('POST', '/internal/v1/mfa/challenges', admin,
    { userId, context: { operation: 'payment', reference: `bench-${n}` }, allowedMethods: [method] });
  const sms = endpoints.includes('sms-verify') || endpoints.includes('phone') ? await batched(users, async (n) => {
    const user = `sms-${tag}-${n}`;
    await call('PUT', `/resources/v3alpha/users/${user}/phone`, admin, { phone: phoneOf(n, 0) });
    const bearer = await token(user);
    const id = (await challenge(user, 'sms', n)).challengeId;
    return { n, user, bearer, id };
  }) : [];
  let codesSent = -Infinity;
  const sendCodes = async () => {
    if (endpoints.includes('sms-verify') && now() - codesSent > codeRefreshMs) {
      await batched(sms.length, (i) => call('POST', `/internal/v1/mfa/totp-sms/${sms[i].id}:initiate`, sms[i].bearer));
      codesSent = now();
    }
  };
  await sendCodes();
  const apps = endpoints.includes('app-verify') ? await batched(users, async (n) => {
    const user = `app-${tag}-${n}`;
    const bearer = await token(user);
    const started = await call('POST', `/resources/v3alpha/users/${user}/totp`, bearer, {});
    await call('POST', `/resources/v3alpha/users/${user}/totp/${started.totpId}/_verify`, bearer,
      { code: totp(started.secret) });
    const id = (await challenge(user, 'app', n)).challengeId;
    // a code of none of the steps within reach, so it is plainly wrong
    const near = new Set([-2, -1, 0, 1, 2].map((offset) => totp(started.secret, offset)));
    const wrong = ['000000', '111111', '222222'].find((code) => !near.has(code));
    return { user, bearer, id, wrong };
  }) : [];
  const phones = pool(sms, Infinity);
  const smsVerifies = pool(sms, usesPerUser);
  const appVerifies = pool(apps, usesPerUser);
  let flips = 0;
  let created = 0;
  const { send } = service.http;
  return {
    health: { expect: 200, next: () => send('GET', '/health') },
    phone: {
      expect: 200,
      next: () => {
        const entry = phones();
        return send('PUT', `/resources/v3alpha/users/${entry.user}/phone`, admin, { phone: phoneOf(entry.n, ++flips % 2) });
      },
    },
    'sms-verify': {
      prepare: sendCodes,
      expect: 400,
      next: () => {
        const entry = smsVerifies();
        return entry && send('POST', `/internal/v1/mfa/totp-sms/${entry.id}:verify`, entry.bearer, { totp: '000000' });
      },
    },
    'app-verify': {
      expect: 400,
      next: () => {
        const entry = appVerifies();
        return entry && send('POST', `/internal/v1/mfa/totp-app/${entry.id}:verify`, entry.bearer, { totp: entry.wrong });
      },
    },
    create: {
      expect: 201,
      next: () => {
        const entry = phones();
        return send('POST', '/internal/v1/mfa/challenges', admin, {
          userId: entry.user, context: { operation: 'payment', reference: `bench-c-${++created}` }, allowedMethods: ['sms'],
        });
      },
    },
  };
}

// CONNECTIONS requests in flight for `seconds`: the answers that arrived within the step, and the
// CPU milliseconds per answer of the service, the database and the generator.
async function step(service, endpoint, seconds) {
  await endpoint.prepare?.();
  const before = cpuNow(service);
  const end = now() + seconds * 1000;
  const latencies = [];
  const unexpected = {};
  let exhausted = false;
  await Promise.all(Array.from({ length: connections }, async () => {
    while (now() < end) {
      const pending = endpoint.next();
      if (!pending) {
        exhausted = true;
        return;
      }
      const answer = await pending;
      if (answer.ended > end) return;
      latencies.push(answer.millis);
      if (answer.status !== endpoint.expect) unexpected[answer.status] = (unexpected[answer.status] ?? 0) + 1;
    }
  }));
  const after = cpuNow(service);
  const cpu = Object.fromEntries(Object.keys(before).map((key) =>
    [key, ((after[key] - before[key]) * 1000) / Math.max(1, latencies.length)]));
  return { rate: latencies.length / seconds, latencies, unexpected, exhausted, cpu };
}

const cpuText = (cpu) => (Number.isNaN(cpu.service) ? ''
  : `, CPU per request: service ${cpu.service.toFixed(3)} ms, database ${cpu.database.toFixed(3)} ms,`
    + ` generator ${cpu.generator.toFixed(3)} ms`);

const median = (values) => at(values, 0.5);

for (const service of services) {
  const started = now();
  service.endpoints = await setUp(service);
  console.log(`${service.name} (${service.url}): set up in ${ms(now() - started)}`);
}
for (const name of endpoints) {
  for (const service of services) await step(service, service.endpoints[name], warmupSeconds);
}
console.log(`warmed up: ${warmupSeconds} s per endpoint and service; ${rounds} rounds of ${stepSeconds} s steps,`
  + ` ${connections} connections, load ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const results = {};
const soak = Number(process.env.SOAK_REQUESTS ?? 0);
const soakStart = Date.now();
let answered = 0;
for (let round = 1; round <= rounds && !(soak && answered >= soak); round++) {
  const order = round % 2 === 1 ? services : [...services].reverse();
  for (const name of endpoints) {
    if (soak && answered >= soak) break;
    for (const service of order) {
      const result = await step(service, service.endpoints[name], stepSeconds);
      ((results[service.name] ??= {})[name] ??= []).push(result);
      answered += result.latencies.length;
      const odd = Object.keys(result.unexpected).length ? ` unexpected statuses ${JSON.stringify(result.unexpected)}` : '';
      console.log(`round ${round} ${service.name} ${name}: ${result.rate.toFixed(0)} req/s,`
        + ` p50 ${ms(at(result.latencies, 0.5))} p99 ${ms(at(result.latencies, 0.99))}${odd}`
        + `${cpuText(result.cpu)}${result.exhausted ? ' (ran out of users: raise USERS)' : ''}`);
    }
  }
}
if (soak) {
  console.log(`soak: from ${Math.floor(soakStart / 1000)} to ${Math.ceil(Date.now() / 1000)} (epoch seconds), ${answered} requests answered`);
}
const withCpu = services.every((service) => service.pid);
console.log(`\n| service | endpoint | req/s (median of rounds) | ratio to PUT phone | p50 | p99 |${withCpu
  ? ' CPU ms per request: service | database | generator |' : ''}`);
console.log(`|---|---|---|---|---|---|${withCpu ? '---|---|---|' : ''}`);
for (const service of services) {
  const mine = results[service.name];
  const phone = mine.phone ? median(mine.phone.map((r) => r.rate)) : NaN;
  for (const name of endpoints.filter((endpoint) => mine[endpoint])) {
    const rate = median(mine[name].map((r) => r.rate));
    const all = mine[name].flatMap((r) => r.latencies);
    const cpu = (key) => ` ${median(mine[name].map((r) => r.cpu[key])).toFixed(3)} |`;
    console.log(`| ${service.name} | ${name} | ${rate.toFixed(0)} | ${(rate / phone).toFixed(2)} | ${ms(at(all, 0.5))} | ${ms(at(all, 0.99))} |`
      + `${withCpu ? cpu('service') + cpu('database') + cpu('generator') : ''}`);
  }
}
services.forEach((service) => service.http.close());
