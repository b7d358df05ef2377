// The development inbox in headless Chromium (driven by .ci/dev-inbox.sh): the page lists what the
// development sink received, newest first, masked; it shows a new message by itself, without a
// reload; an e-mail's HTML body is rendered in a sandboxed frame; nothing is blocked by the page's
// Content-Security-Policy and no script fails. Leaves a screenshot.
// Usage: node dev-inbox.mjs DEVTOOLS_WS BASE_URL USER_TOKEN EMAIL_CHALLENGE_ID PHONE SCREENSHOT
import { writeFile } from 'node:fs/promises';
import { Browser } from './lib/cdp.mjs';

const [webSocketUrl, base, userToken, emailChallenge, phone, screenshot] = process.argv.slice(2);

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

/** The inbox as JSON, once it holds `count` messages (the dispatcher delivers within a moment). */
async function inboxWith(count) {
  const deadline = Date.now() + 20000;
  for (;;) {
    const inbox = await (await fetch(`${base}/dev/inbox.json`)).json();
    if (inbox.messages.length >= count) {
      return inbox.messages;
    }
    check(Date.now() < deadline, `the inbox did not reach ${count} message(s): ${JSON.stringify(inbox)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const browser = await Browser.connect(webSocketUrl);
try {
  const page = await browser.newPage();
  for (const domain of ['Page', 'Runtime', 'Log', 'DOM']) {
    await page.send(`${domain}.enable`);
  }
  await page.send('Emulation.setDeviceMetricsOverride', { width: 1100, height: 1400, deviceScaleFactor: 1, mobile: false });

  const [sms] = await inboxWith(1);
  await page.send('Page.navigate', { url: `${base}/dev/inbox` });
  await page.waitFor(`document.querySelector('article.message .code')?.textContent === ${JSON.stringify(sms.code)}`,
    'the SMS on the page');
  const first = await page.evaluate(`(() => {
    const card = document.querySelector('article.message');
    return { channel: card.querySelector('.channel').textContent, to: card.querySelector('.to').textContent,
             text: card.querySelector('.text').textContent, frames: card.querySelectorAll('iframe').length };
  })()`);
  check(first.channel === 'SMS' && first.to === sms.to && first.text === sms.text && first.frames === 0,
    `the SMS card shows ${JSON.stringify(first)}, the inbox holds ${JSON.stringify(sms)}`);
  check(!(await page.evaluate('document.body.innerText')).includes(phone), 'the page shows the full phone number');
  await page.evaluate(`window.loadedOnce = 'yes'`);

  const initiate = await fetch(`${base}/internal/v1/mfa/totp-email/${emailChallenge}:initiate`,
    { method: 'POST', headers: { Authorization: `Bearer ${userToken}` } });
  check(initiate.ok, `the e-mail initiate answered ${initiate.status}`);
  const [email] = await inboxWith(2);
  check(email.channel === 'email', `the newest message is ${JSON.stringify(email)}`);
  await page.waitFor(`document.querySelector('article.message .code')?.textContent === ${JSON.stringify(email.code)}`,
    'the e-mail on top of the page, without a reload', 20000);
  check(await page.evaluate('window.loadedOnce') === 'yes', 'the page reloaded instead of refreshing itself');
  const codes = await page.evaluate(`[...document.querySelectorAll('article.message .code')].map((code) => code.textContent)`);
  check(JSON.stringify(codes) === JSON.stringify([email.code, sms.code]), `the page lists the codes ${codes}, newest first expected`);
  const frame = await page.evaluate(`(() => {
    const frame = document.querySelector('article.email iframe');
    return frame && { sandbox: frame.getAttribute('sandbox'), path: new URL(frame.src).pathname,
                      subject: document.querySelector('article.email .subject').textContent };
  })()`);
  check(frame && frame.sandbox === '' && frame.path === email.htmlUrl && frame.subject === email.subject,
    `the e-mail frame is ${JSON.stringify(frame)}`);

  const deadline = Date.now() + 20000;
  let rendered;
  while (!(rendered = (await page.frames()).find((f) => f.url.endsWith(email.htmlUrl) && f.text.includes(email.code)))) {
    check(Date.now() < deadline, `the e-mail's HTML did not render in its frame: ${JSON.stringify(await page.frames())}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  const { data } = await page.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true });
  await writeFile(screenshot, Buffer.from(data, 'base64'));
  const problems = page.problems().filter((problem) => !problem.includes('/favicon.ico'));
  check(problems.length === 0, `the page reported problems:\n${problems.join('\n')}`);
  console.log(`inbox page: SMS and e-mail listed newest first, refreshed without reload, e-mail rendered sandboxed; screenshot: ${screenshot}`);
} finally {
  browser.close();
}
