// Browser side of the Payung web chat simulator. Inlined into the page by web-chat-page.ts:
// plain script, no build step, no external resources. All text reaches the page through
// textContent, never innerHTML — vendors' and admins' words must not become markup.
/* global document, localStorage, fetch, crypto, setTimeout */
(() => {
  'use strict';

  const POLL_MS = 2000;
  const MAX_LOG = 300;
  const KIND_LABELS = { sticker: '[stiker]', image: '[foto]', voice: '[pesan suara]', location: '[lokasi]' };
  const CONTACT_KEY = 'payung.sim.contact';
  const PENDING_KEY = 'payung.sim.pending';

  const $ = (id) => document.getElementById(id);
  const ui = { log: $('log'), form: $('composer'), text: $('text'), contact: $('contact-id'), status: $('status') };
  const rows = new Map(); // message id → its row on screen, to update its delivery state

  let contact = load(CONTACT_KEY, null) || newContact();
  // Messages not yet answered, oldest first. Kept in localStorage so a reload or a dropped
  // connection loses nothing; each keeps its id, so a resend is recognised as the same message.
  const pending = load(PENDING_KEY, []);
  let pumping = false;

  function load(key, fallback) {
    try {
      const raw = localStorage.getItem(key);
      return raw === null ? fallback : JSON.parse(raw);
    } catch {
      return fallback;
    }
  }

  function save(key, value) {
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // Storage full or disabled: the chat still works, it only forgets on reload.
    }
  }

  // crypto.randomUUID needs a secure context; getRandomValues also works over plain http on a LAN.
  function randomId(prefix) {
    const bytes = crypto.getRandomValues(new Uint8Array(8));
    return prefix + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  function newContact() {
    const id = randomId('sim-');
    save(CONTACT_KEY, id);
    return id;
  }

  const logKey = (forContact) => 'payung.sim.log.' + forContact;

  function showContact() {
    ui.contact.textContent = 'Kontak: ' + contact;
    ui.log.replaceChildren();
    rows.clear();
    const entries = load(logKey(contact), []);
    if (entries.length === 0) showEmptyHint();
    entries.forEach(render);
  }

  function showEmptyHint() {
    const hint = document.createElement('p');
    hint.className = 'empty';
    hint.textContent = 'Ketik pesan untuk mulai, misalnya "halo". Balasan Payung muncul di kiri.';
    ui.log.append(hint);
  }

  function addEntry(forContact, entry) {
    const entries = load(logKey(forContact), []);
    entries.push(entry);
    save(logKey(forContact), entries.slice(-MAX_LOG));
    if (forContact === contact) render(entry);
  }

  function render(entry) {
    ui.log.querySelector('.empty')?.remove();
    const row = document.createElement('div');
    row.className = 'msg ' + entry.who;
    const bubble = document.createElement('div');
    bubble.className = 'bubble';
    const text = document.createElement('div');
    text.className = 'text';
    if (entry.text === undefined) {
      text.classList.add('kind');
      text.textContent = KIND_LABELS[entry.kind] || '[' + entry.kind + ']';
    } else {
      text.textContent = entry.text;
    }
    bubble.append(text);
    row.append(bubble);
    if (entry.choices && entry.choices.length > 0) row.append(choiceButtons(entry.choices));
    if (entry.who === 'me') {
      const state = document.createElement('div');
      state.className = 'state';
      row.append(state);
      rows.set(entry.id, row);
      showState(row, entry.state, entry.note);
    }
    ui.log.append(row);
    ui.log.scrollTop = ui.log.scrollHeight;
  }

  // Numbered as on every channel ("1. Ya"); the tapped text is read as that option.
  function choiceButtons(choices) {
    const box = document.createElement('div');
    box.className = 'choices';
    choices.forEach((choice, i) => {
      const numbered = i + 1 + '. ' + choice;
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = numbered;
      button.addEventListener('click', () => send(numbered, 'text'));
      box.append(button);
    });
    return box;
  }

  const STATE_LABELS = { pending: 'mengirim…', retrying: 'belum terkirim — mencoba lagi…', sent: '✓' };

  function showState(row, state, note) {
    const el = row.querySelector('.state');
    el.textContent = note ? '⚠ ' + note : STATE_LABELS[state] || '';
    el.classList.toggle('problem', state === 'retrying' || state === 'rejected');
  }

  function markEntry(item, state, note) {
    const entries = load(logKey(item.contact), []);
    const entry = entries.find((e) => e.id === item.id);
    if (entry) {
      entry.state = state;
      entry.note = note;
      save(logKey(item.contact), entries);
    }
    const row = rows.get(item.id);
    if (row && item.contact === contact) showState(row, state, note);
  }

  function send(text, kind) {
    const item = { contact, id: randomId('m-'), kind };
    if (text !== undefined) item.text = text;
    addEntry(contact, { who: 'me', id: item.id, text, kind, state: 'pending' });
    pending.push(item);
    save(PENDING_KEY, pending);
    void pump();
  }

  // Sends queued messages strictly one after another, so the runtime sees them in order.
  async function pump() {
    if (pumping) return;
    pumping = true;
    let attempt = 0;
    try {
      while (pending.length > 0) {
        const item = pending[0];
        const result = await post(item);
        if (result.retry) {
          markEntry(item, 'retrying');
          showStatus(result.message);
          await sleep(Math.min(8000, 500 * 2 ** attempt++));
          continue;
        }
        attempt = 0;
        pending.shift();
        save(PENDING_KEY, pending);
        showStatus(null);
        if (result.rejected) {
          markEntry(item, 'rejected', result.message);
          if (item.text !== undefined && ui.text.value === '') ui.text.value = item.text;
          continue;
        }
        markEntry(item, 'sent');
        result.replies.forEach((reply) => addEntry(item.contact, botEntry(reply)));
      }
    } finally {
      pumping = false;
    }
  }

  async function post(item) {
    let response;
    try {
      response = await fetch('/api/sim/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(item),
      });
    } catch {
      return { retry: true, message: 'Tidak tersambung ke server. Pesan dikirim ulang otomatis.' };
    }
    const body = await response.json().catch(() => null);
    if (response.ok && body && Array.isArray(body.replies)) return { replies: body.replies };
    const message = (body && typeof body.error === 'string' && body.error) || 'Server menjawab ' + response.status + '.';
    // 4xx other than time-outs will fail the same way again: show why instead of retrying.
    if (response.ok || response.status >= 500 || response.status === 408 || response.status === 429) {
      return { retry: true, message: message + ' Mencoba lagi…' };
    }
    return { rejected: true, message };
  }

  function botEntry(reply) {
    const choices = Array.isArray(reply.choices) ? reply.choices.map(String) : undefined;
    return { who: 'bot', text: String(reply.text ?? ''), choices };
  }

  function showStatus(message) {
    ui.status.hidden = !message;
    ui.status.textContent = message || '';
  }

  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  // Messages the server queued on its own (reminders) arrive here.
  async function poll() {
    const polled = contact;
    try {
      const response = await fetch('/api/sim/messages?contact=' + encodeURIComponent(polled), { cache: 'no-store' });
      const body = response.ok ? await response.json() : null;
      if (body && Array.isArray(body.replies)) body.replies.forEach((reply) => addEntry(polled, botEntry(reply)));
    } catch {
      // Offline: the next round tries again.
    }
    setTimeout(poll, POLL_MS);
  }

  ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = ui.text.value;
    if (text.trim() === '') return;
    ui.text.value = '';
    send(text, 'text');
    ui.text.focus();
  });

  ui.text.addEventListener('keydown', (event) => {
    // Enter sends, Shift+Enter starts a new line; never send half an IME composition.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      ui.form.requestSubmit();
    }
  });

  for (const button of document.querySelectorAll('[data-kind]')) {
    button.addEventListener('click', () => send(undefined, button.dataset.kind));
  }

  $('new-contact').addEventListener('click', () => {
    contact = newContact();
    showContact();
    ui.text.focus();
  });

  showContact();
  void pump();
  void poll();
})();
