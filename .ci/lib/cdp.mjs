// A minimal Chrome DevTools Protocol client: enough to drive one page of a headless Chromium
// from the .ci scripts (WebSocket is global from Node.js 22 on, behind --experimental-websocket in 20).

export class Browser {
  static async connect(webSocketUrl) {
    if (typeof WebSocket === 'undefined') {
      throw new Error('this Node.js has no WebSocket: run it with --experimental-websocket (Node.js 20) or use Node.js 22');
    }
    const socket = new WebSocket(webSocketUrl);
    await new Promise((resolve, reject) => {
      socket.addEventListener('open', resolve, { once: true });
      socket.addEventListener('error', () => reject(new Error(`cannot connect to ${webSocketUrl}`)), { once: true });
    });
    return new Browser(socket);
  }

  constructor(socket) {
    this.socket = socket;
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = [];
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(event.data);
      if (message.id !== undefined && this.pending.has(message.id)) {
        const { resolve, reject, method } = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) {
          reject(new Error(`${method}: ${message.error.message}`));
        } else {
          resolve(message.result);
        }
      } else if (message.method) {
        this.listeners.forEach((listener) => listener(message));
      }
    });
  }

  send(method, params = {}, sessionId = undefined) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.socket.send(JSON.stringify({ id, method, params, sessionId }));
    });
  }

  /**
   * Opens a new page (tab) and returns it, attached to the frames it will run in other processes
   * (a sandboxed frame has an opaque origin, so Chromium isolates it).
   */
  async newPage() {
    const { targetId } = await this.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await this.send('Target.attachToTarget', { targetId, flatten: true });
    const page = new Page(this, sessionId);
    this.listeners.push((message) => {
      if (message.sessionId === sessionId || page.frameSessions.has(message.sessionId)) {
        page.events.push(message);
      }
      if (message.method === 'Target.attachedToTarget' && message.sessionId === sessionId) {
        const frameSession = message.params.sessionId;
        page.frameSessions.add(frameSession);
        for (const domain of ['Runtime', 'Log']) {
          this.send(`${domain}.enable`, {}, frameSession).catch(() => {});
        }
      }
    });
    await page.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: true });
    return page;
  }

  close() {
    this.socket.close();
  }
}

export class Page {
  constructor(browser, sessionId) {
    this.browser = browser;
    this.sessionId = sessionId;
    this.frameSessions = new Set();
    this.events = [];
  }

  send(method, params = {}) {
    return this.browser.send(method, params, this.sessionId);
  }

  /** The value of a JavaScript expression in the page (promises awaited). */
  async evaluate(expression) {
    const { result, exceptionDetails } = await this.send('Runtime.evaluate',
      { expression, returnByValue: true, awaitPromise: true });
    if (exceptionDetails) {
      throw new Error(`${expression}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    }
    return result.value;
  }

  /** Waits, at most timeoutMs, until the expression is truthy in the page; returns its value. */
  async waitFor(expression, what, timeoutMs = 20000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await this.evaluate(expression).catch(() => undefined);
      if (value) {
        return value;
      }
      if (Date.now() > deadline) {
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** The documents of the page's frames as DevTools sees them, in this process or another: URL and text. */
  async frames() {
    const frames = [];
    const text = (node) => (node.nodeType === 3 ? node.nodeValue : '')
      + [...(node.children ?? []), ...(node.contentDocument ? [node.contentDocument] : [])].map(text).join(' ');
    const walk = (node) => {
      if (node.contentDocument) {
        frames.push({ url: node.contentDocument.documentURL, text: text(node.contentDocument) });
      }
      [...(node.children ?? []), ...(node.contentDocument ? [node.contentDocument] : [])].forEach(walk);
    };
    walk((await this.send('DOM.getDocument', { depth: -1, pierce: true })).root);
    for (const frameSession of this.frameSessions) {
      const document = await this.browser.send('DOM.getDocument', { depth: -1, pierce: true }, frameSession)
        .then((result) => result.root, () => null);
      if (document) {
        frames.push({ url: document.documentURL, text: text(document) });
      }
    }
    return frames;
  }

  /** What the page reported as an error: uncaught exceptions, console errors, blocked loads (CSP). */
  problems() {
    return this.events.flatMap((event) => {
      switch (event.method) {
        case 'Runtime.exceptionThrown':
          return [`exception: ${event.params.exceptionDetails.exception?.description ?? event.params.exceptionDetails.text}`];
        case 'Runtime.consoleAPICalled':
          return event.params.type === 'error' ? [`console.error: ${event.params.args.map((a) => a.value).join(' ')}`] : [];
        case 'Log.entryAdded':
          return ['error', 'warning'].includes(event.params.entry.level)
            ? [`${event.params.entry.source} ${event.params.entry.level}: ${event.params.entry.text} ${event.params.entry.url ?? ''}`]
            : [];
        default:
          return [];
      }
    });
  }
}
