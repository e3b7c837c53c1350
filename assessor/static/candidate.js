// The candidate's challenge page: a code editor with autosaved drafts, example runs and submissions
// followed live, without reloading the page.
(function () {
  "use strict";
  const workspace = document.getElementById("workspace");
  const statusBox = document.getElementById("status");
  const saveState = document.getElementById("save-state");
  const languageSelect = document.getElementById("language");
  const fileSelect = document.getElementById("file");
  const buttons = [document.getElementById("run-examples"), document.getElementById("submit-code")];
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const data = JSON.parse(document.getElementById("code-data").textContent);

  // files[language] = {name: text}: the draft of that language, or its starter code.
  const files = {};
  for (const [language, starter] of Object.entries(data.starters)) {
    files[language] = Object.assign({}, starter, data.drafts[language] || {});
  }
  let language = data.language;
  let fileName = Object.keys(files[language])[0];
  let saveTimer = null;
  let dirty = false;
  let closed = workspace.dataset.open !== "true";

  const editor = window.AssessorEditor.create(document.getElementById("editor"), {
    doc: files[language][fileName], language, label: fileName,
    onChange(text) {
      files[language][fileName] = text;
      dirty = true;
      saveState.textContent = "Unsaved changes…";
      clearTimeout(saveTimer);
      saveTimer = setTimeout(save, 1200);
    },
  });

  function text(tag, content, className) {
    const node = document.createElement(tag);
    node.textContent = content;
    if (className) node.className = className;
    return node;
  }

  // A statement may give code in several languages (fenced blocks tagged ```python, ```java, ...):
  // show the blocks of the chosen language and of no language, hide the other offered languages'.
  const offered = Array.from(languageSelect.options, (option) => option.value);
  function showStatementFor(chosen) {
    document.querySelectorAll(".statement pre > code[class*='language-']").forEach((code) => {
      const tagged = offered.find((name) => code.classList.contains(`language-${name}`));
      code.parentElement.hidden = tagged !== undefined && tagged !== chosen;
    });
  }

  function fillFiles() {
    fileSelect.replaceChildren(...Object.keys(files[language]).map((name) => {
      const option = text("option", name);
      option.value = name;
      option.selected = name === fileName;
      return option;
    }));
    fileSelect.parentElement.hidden = Object.keys(files[language]).length < 2;
  }

  async function request(url, method, body) {
    const response = await fetch(url, {
      method, headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrf },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const payload = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = new Error(payload.error ? payload.error.message : `HTTP ${response.status}`);
      error.code = payload.error ? payload.error.code : "http_" + response.status;
      throw error;
    }
    return payload;
  }

  async function save() {
    clearTimeout(saveTimer);
    if (!dirty || closed) return;
    dirty = false;
    try {
      await request(workspace.dataset.draftUrl, "PUT", { language, files: files[language] });
      saveState.textContent = `Saved at ${new Date().toLocaleTimeString()}`;
    } catch (error) {
      dirty = error.code !== "deadline_passed";
      saveState.textContent = `Not saved: ${error.message}`;
    }
  }

  function show(status) {
    statusBox.replaceChildren();
    const kind = status.visible ? "Examples" : "Submission";
    statusBox.append(text("p", `${kind} #${status.id}: ${status.status}`, "state"));
    if (status.verdict && status.total !== undefined) {
      statusBox.append(text("p", `Verdict: ${status.verdict.replace(/_/g, " ")} — ${status.passed} of ${status.total} tests passed`,
                            status.verdict === "passed" ? "verdict-passed" : "verdict-failed"));
    } else if (status.verdict) {
      statusBox.append(text("p", `Verdict: ${status.verdict.replace(/_/g, " ")}`, "verdict-failed"));
    } else if (status.status === "graded" && !status.visible) {
      statusBox.append(text("p", "Graded. Hidden test results are not shown in this assessment."));
    }
    if (status.message) statusBox.append(text("pre", status.message));
    (status.tests || []).forEach((test) => {
      statusBox.append(text("div", `${test.outcome.toUpperCase()}  ${test.name}`,
                            test.outcome === "passed" ? "verdict-passed" : "verdict-failed"));
      if (test.message) statusBox.append(text("pre", test.message));
      if (test.output) statusBox.append(text("pre", test.output));
    });
    if (status.output) statusBox.append(text("pre", status.output));
  }

  async function poll(id) {
    const url = workspace.dataset.statusUrl.replace(/\/0$/, "/" + id);
    for (let delay = 300; ; delay = Math.min(delay * 1.5, 3000)) {
      const status = await request(url, "GET");
      show(status);
      if (status.status === "graded" || status.status === "error") return;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  async function send(visible) {
    buttons.forEach((b) => { b.disabled = true; });
    try {
      await save();
      const status = await request(workspace.dataset.submitUrl, "POST", { language, files: files[language], visible });
      show(status);
      await poll(status.id);
    } catch (error) {
      if (error.code === "deadline_passed") {
        close(error.message);
      } else {
        statusBox.replaceChildren(text("p", error.message, "verdict-failed"));
      }
    } finally {
      buttons.forEach((b) => { b.disabled = closed; });
    }
  }

  function close(message) {
    closed = true;
    buttons.forEach((b) => { b.disabled = true; });
    statusBox.replaceChildren(text("p", message, "verdict-failed"));
  }

  languageSelect.addEventListener("change", async () => {
    await save();
    language = languageSelect.value;
    fileName = Object.keys(files[language])[0];
    editor.setLanguage(language);
    editor.setValue(files[language][fileName], fileName);
    fillFiles();
    showStatementFor(language);
  });
  fileSelect.addEventListener("change", () => {
    fileName = fileSelect.value;
    editor.setValue(files[language][fileName], fileName);
  });
  buttons[0].addEventListener("click", () => send(true));
  buttons[1].addEventListener("click", () => send(false));
  document.getElementById("finish-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!window.confirm("Finish the assessment now? Your last saved code of each challenge will be submitted and you cannot change it afterwards.")) return;
    await save();
    event.target.submit();
  });
  document.addEventListener("assessor:deadline-near", save);
  document.addEventListener("assessor:deadline", () => close("The time is over: submissions are closed. Your last saved code was submitted for you."));
  window.addEventListener("beforeunload", save);

  fillFiles();
  showStatementFor(language);
  if (closed) close("This assessment is closed.");
})();
