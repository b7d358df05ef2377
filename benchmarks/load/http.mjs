// What the load generators share: one keep-alive HTTP client per service, set-up calls that wait
// out a shed answer, percentiles and their printing, and the TOTP codes an authenticator app shows.
import http from 'node:http';
import crypto from 'node:crypto';

export const now = () => Number(process.hrtime.bigint()) / 1e6;

// A client of one service. send() answers a request's status, its latency from the call (millis)
// and when it got a socket (socketAt): the time before that was spent in the generator's own
// queue, waiting for a free connection.
export function client(baseUrl, maxSockets = 4096) {
  const base = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  function send(method, path, token, body) {
    const started = now();
    return new Promise((resolve) => {
      let socketAt = NaN;
      const headers = { 'content-type': 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      const request = http.request({ host: base.hostname, port: base.port, method, path, agent, headers }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => resolve({
          status: response.statusCode, retryAfter: response.headers['retry-after'], started, socketAt, ended: now(),
          millis: now() - started,
          body: Buffer.concat(chunks).toString(),
        }));
      });
      request.on('socket', () => { socketAt = now(); });
      request.on('error', () => resolve({ status: 0, started, socketAt, ended: now(), millis: now() - started, body: '' }));
      request.end(body === undefined ? undefined : JSON.stringify(body));
    });
  }
  // A set-up call; a 503 (the service sheds while its JIT warms up on a busy machine) is tried
  // again after its Retry-After.
  async function call(method, path, token, body) {
    let answer = await send(method, path, token, body);
    for (let tries = 1; answer.status === 503 && tries < 20; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 1000 * Number(answer.retryAfter ?? 1)));
      answer = await send(method, path, token, body);
    }
    if (answer.status < 200 || answer.status >= 300) {
      throw new Error(`${method} ${path}: ${answer.status} ${answer.body}`);
    }
    return answer.body === '' ? {} : JSON.parse(answer.body);
  }
  return { send, call, close: () => agent.destroy() };
}

export const at = (list, p) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
};

export const ms = (v) => (Number.isNaN(v) ? '-' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`);

// RFC 6238 with the Key URI's defaults (SHA-1, 6 digits, 30 s): the code of the step `offset`
// steps from now, for a base32 secret.
export function totp(secret, offset = 0) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30000) + offset));
  const hash = crypto.createHmac('sha1', key).update(counter).digest();
  const at = hash[hash.length - 1] & 0x0f;
  return String((hash.readUInt32BE(at) & 0x7fffffff) % 1e6).padStart(6, '0');
}
