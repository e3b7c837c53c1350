// Candidate challenge page: send code for grading and follow its status without reloading.
(function () {
  "use strict";
  const form = document.getElementById("code-form");
  const statusBox = document.getElementById("status");
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const buttons = [document.getElementById("run-examples"), document.getElementById("submit-code")];

  function files() {
    const out = {};
    form.querySelectorAll("textarea[data-name]").forEach((area) => { out[area.dataset.name] = area.value; });
    return out;
  }

  function text(tag, content, className) {
    const node = document.createElement(tag);
    node.textContent = content;
    if (className) node.className = className;
    return node;
  }

  function show(status) {
    statusBox.replaceChildren();
    const kind = status.visible ? "Examples" : "Submission";
    statusBox.append(text("p", `${kind} #${status.id}: ${status.status}`, "state"));
    if (status.verdict) {
      statusBox.append(text("p", `Verdict: ${status.verdict.replace("_", " ")} — ${status.passed} of ${status.total} tests passed`,
                            status.verdict === "passed" ? "verdict-passed" : "verdict-failed"));
    }
    if (status.message) statusBox.append(text("pre", status.message));
    (status.tests || []).forEach((test) => {
      const line = text("div", `${test.outcome.toUpperCase()}  ${test.name}`, `verdict-${test.outcome === "passed" ? "passed" : "failed"}`);
      statusBox.append(line);
      if (test.message) statusBox.append(text("pre", test.message));
    });
    if (status.output) statusBox.append(text("pre", status.output));
  }

  async function poll(id) {
    const url = form.dataset.statusUrl.replace(/\/0$/, "/" + id);
    for (let delay = 300; ; delay = Math.min(delay * 1.5, 3000)) {
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      const status = await response.json();
      show(status);
      if (status.status === "graded" || status.status === "error") return;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  async function send(visible) {
    buttons.forEach((b) => { b.disabled = true; });
    try {
      const response = await fetch(form.dataset.submitUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrf },
        body: JSON.stringify({ language: document.getElementById("language").value, files: files(), visible }),
      });
      const body = await response.json();
      if (!response.ok) {
        statusBox.replaceChildren(text("p", body.error ? body.error.message : "Something went wrong.", "verdict-failed"));
        return;
      }
      show(body);
      await poll(body.id);
    } catch (error) {
      statusBox.replaceChildren(text("p", "Network problem: your code was not lost; try again.", "verdict-failed"));
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  }

  document.getElementById("run-examples").addEventListener("click", () => send(true));
  document.getElementById("submit-code").addEventListener("click", () => send(false));
  form.querySelectorAll("textarea").forEach((area) => area.addEventListener("keydown", (event) => {
    if (event.key === "Tab" && !event.shiftKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      area.setRangeText("    ", area.selectionStart, area.selectionEnd, "end");
    }
  }));
})();
