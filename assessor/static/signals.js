// Behaviour signals of the challenge page, disclosed to the candidate on the welcome page: the size
// (never the text) of pastes into the editor, and when and for how long the page was left for another
// tab or window. Events go to the server in batches; this channel never shows the candidate an error,
// and keeps what a failed request carried for the next one.
(function () {
  "use strict";
  const workspace = document.getElementById("workspace");
  const editorBox = document.getElementById("editor");
  if (!workspace || !editorBox || !workspace.dataset.signalsUrl || workspace.dataset.open !== "true") return;
  const url = workspace.dataset.signalsUrl;
  const challenge = workspace.dataset.challenge;
  const csrf = document.querySelector('meta[name="csrf-token"]').content;

  const MAX_BATCH = 200;          // the server's limit per request
  const MAX_QUEUE = 2000;         // during a long outage, the oldest events go first
  const MAX_PASTE_CHARS = 1000000;
  const BATCH_DELAY_MS = 3000;
  const MAX_RETRY_DELAY_MS = 60000;

  let queue = [];
  let inFlight = false;
  let timer = null;
  let retryDelay = BATCH_DELAY_MS;
  let stopped = false;            // the attempt is over: nothing more is recorded
  let away = null;                // {at, since}: the page was left at `at` (wall clock), `since` (monotonic)

  // Each event carries an id of its own: a batch sent again (its answer was lost) is counted once.
  function eventId() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") return window.crypto.randomUUID();
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 12);
  }

  function add(event) {
    if (stopped) return;
    event.id = eventId();
    queue.push(event);
    if (queue.length > MAX_QUEUE) queue.splice(0, queue.length - MAX_QUEUE);
    schedule(BATCH_DELAY_MS);
  }

  function schedule(delay) {
    if (timer === null) timer = setTimeout(() => { timer = null; send(false); }, delay);
  }

  // keepalive lets a request outlive the page (navigation to another challenge, Finish, closing the tab),
  // so a batch that was in flight when the page went away is not lost.
  function send(leaving) {
    if (queue.length === 0 || (inFlight && !leaving)) return;
    clearTimeout(timer);
    timer = null;
    const batch = queue.splice(0, MAX_BATCH);
    inFlight = true;
    fetch(url, {
      method: "POST", keepalive: true, credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify({ sent_at: new Date().toISOString(), events: batch }),
    }).then((response) => {
      if (response.status === 409) {            // the time is over: the server records nothing more
        stopped = true;
        queue = [];
      } else if (response.status >= 500 || response.status === 408 || response.status === 429) {
        throw new Error(`HTTP ${response.status}`);
      }                                         // other refusals would be refused again: drop the batch
      retryDelay = BATCH_DELAY_MS;
    }).catch(() => {
      if (!stopped) queue = batch.concat(queue).slice(-MAX_QUEUE);
      retryDelay = Math.min(retryDelay * 2, MAX_RETRY_DELAY_MS);
    }).finally(() => {
      inFlight = false;
      if (queue.length > 0 && !stopped) schedule(retryDelay);
    });
  }

  function countChars(text) {
    let count = 0;
    for (const _ of text) count += 1;         // code points, as the server counts them
    return count;
  }

  function countLines(text) {
    const breaks = (text.match(/\r\n|\r|\n/g) || []).length;
    return breaks + (/[\r\n]$/.test(text) ? 0 : 1);
  }

  // Capture phase: the editor handles the paste itself, and must not be able to hide it from us.
  editorBox.addEventListener("paste", (event) => {
    if (!(event.target instanceof Element) || !event.target.closest(".cm-content")) return;   // not the search box
    const pasted = event.clipboardData ? event.clipboardData.getData("text/plain") : "";
    if (!pasted) return;
    const chars = Math.min(countChars(pasted), MAX_PASTE_CHARS);
    add({ kind: "paste", challenge, at: new Date().toISOString(), chars, lines: Math.min(countLines(pasted), chars) });
  }, true);

  function leave() {
    if (away === null && !stopped) away = { at: new Date(), since: performance.now() };
  }

  function end() {
    if (away === null) return;
    add({ kind: "away", challenge, at: away.at.toISOString(), duration_ms: Math.round(performance.now() - away.since) });
    away = null;
  }

  function back() {
    if (document.visibilityState === "visible" && document.hasFocus()) end();
  }

  // A tab switch hides the document (and blurs the window); a switch to another window only blurs it.
  // Either opens one period away, closed when the page is both visible and focused again.
  window.addEventListener("blur", (event) => { if (event.target === window) leave(); });
  window.addEventListener("focus", (event) => { if (event.target === window) back(); });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") {
      leave();
      send(true);                  // the page may never run again: send what is queued now
    } else {
      back();
    }
  });
  window.addEventListener("pagehide", () => {
    end();                         // a period still open is sent with its length so far
    send(true);
  });
  window.addEventListener("pageshow", (event) => {
    if (event.persisted && document.visibilityState === "hidden") leave();
  });
  const finishForm = document.getElementById("finish-form");
  if (finishForm) finishForm.addEventListener("submit", () => send(true));
  document.addEventListener("assessor:deadline-near", () => send(true));
  document.addEventListener("assessor:deadline", () => {
    end();
    send(true);
    stopped = true;
  });
  if (document.visibilityState === "hidden") leave();
})();
