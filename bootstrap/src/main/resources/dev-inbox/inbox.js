// The development inbox: polls /dev/inbox.json and shows the messages, newest first. Everything the
// service sent is put into the page as text (textContent); an e-mail's HTML body is only ever shown
// in a sandboxed frame of its own document.
'use strict';

const REFRESH_MS = 2000;
let shownIds = null;

function field(node, selector, text) {
  const element = node.querySelector(selector);
  if (text === null || text === undefined) {
    element.remove();
  } else {
    element.textContent = text;
  }
  return element;
}

function card(message) {
  const node = document.getElementById('message').content.firstElementChild.cloneNode(true);
  node.id = message.id;
  node.classList.add(message.channel);
  field(node, '.channel', message.channel === 'email' ? 'E-mail' : 'SMS');
  field(node, '.to', message.to);
  field(node, '.locale', message.locale);
  const received = field(node, '.received', new Date(message.receivedAt).toLocaleString());
  received.dateTime = message.receivedAt;
  field(node, '.code', message.code);
  field(node, '.challenge', message.challengeId ? `for ${message.challengeId}` : null);
  field(node, '.subject', message.subject);
  if (message.htmlUrl) {
    node.querySelector('.html').src = message.htmlUrl;
    field(node, '.plain-text', message.text);
    node.querySelector('.text').remove();
  } else {
    field(node, '.text', message.text);
    node.querySelector('.html').remove();
    node.querySelector('.plain').remove();
  }
  return node;
}

function render(messages) {
  const list = document.getElementById('messages');
  if (messages.length === 0) {
    list.replaceChildren(document.getElementById('empty').content.cloneNode(true));
  } else {
    list.replaceChildren(...messages.map(card));
  }
}

async function refresh() {
  const status = document.getElementById('status');
  try {
    const response = await fetch('/dev/inbox.json', { cache: 'no-store', headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(`HTTP ${response.status}`);
    }
    const inbox = await response.json();
    const ids = inbox.messages.map((message) => message.id).join(' ');
    if (ids !== shownIds) {
      render(inbox.messages);
      shownIds = ids;
    }
    const count = inbox.messages.length === 1 ? '1 message' : `${inbox.messages.length} messages`;
    status.textContent = `${count}, checked at ${new Date().toLocaleTimeString()}`;
    status.classList.remove('offline');
  } catch (error) {
    status.textContent = `The service does not answer (${error.message}); trying again every ${REFRESH_MS / 1000} s.`;
    status.classList.add('offline');
  } finally {
    setTimeout(refresh, REFRESH_MS);
  }
}

refresh();
