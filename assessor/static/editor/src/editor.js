// Code editor for the candidate page: CodeMirror 6, bundled by esbuild into
// static/build/editor.js (see scripts/build-assets.sh). Exposes
// window.AssessorEditor.create(parent, {doc, language, onChange, label}); setValue(text, label), setLanguage(name).
import { basicSetup } from "codemirror";
import { EditorState, Compartment } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { indentWithTab } from "@codemirror/commands";
import { indentUnit, LanguageSupport, StreamLanguage } from "@codemirror/language";
import { python } from "@codemirror/lang-python";
import { javascript } from "@codemirror/lang-javascript";
import { java } from "@codemirror/lang-java";
import { phpLanguage } from "@codemirror/lang-php";
import { sql } from "@codemirror/lang-sql";
import { go } from "@codemirror/legacy-modes/mode/go";
import { ruby } from "@codemirror/legacy-modes/mode/ruby";
import { csharp } from "@codemirror/legacy-modes/mode/clike";

// Our language names (as in the sandbox registry) -> CodeMirror support and indent width.
// To add a language: import its support above and add an entry here.
const LANGUAGES = {
  python: { support: () => python(), indent: 4 },
  javascript: { support: () => javascript(), indent: 2 },
  java: { support: () => java(), indent: 4 },
  go: { support: () => StreamLanguage.define(go), indent: 4 },
  ruby: { support: () => StreamLanguage.define(ruby), indent: 2 },
  // PHP without the HTML/CSS parsers that php() nests (they would add ~55 KB); text outside <?php ?> stays plain.
  php: { support: () => new LanguageSupport(phpLanguage), indent: 4 },
  csharp: { support: () => StreamLanguage.define(csharp), indent: 4 },
  sql: { support: () => sql(), indent: 4 },
};
const PLAIN = { support: () => [], indent: 4 };

const cache = new Map();
function languageExtensions(name) {
  const key = Object.prototype.hasOwnProperty.call(LANGUAGES, name) ? name : "";
  if (!cache.has(key)) {
    const spec = key ? LANGUAGES[key] : PLAIN;
    cache.set(key, [spec.support(), indentUnit.of(" ".repeat(spec.indent)), EditorState.tabSize.of(spec.indent)]);
  }
  return cache.get(key);
}

const theme = EditorView.theme({
  "&": {
    height: "100%",
    fontSize: "13px",
    backgroundColor: "#fff",
    color: "#1f2328",
    border: "1px solid #c8ccd1",
    borderRadius: "4px",
  },
  "&.cm-focused": { outline: "2px solid #2563eb", outlineOffset: "1px" },
  ".cm-scroller": {
    overflow: "auto",
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace',
    lineHeight: "1.5",
  },
  ".cm-content": { padding: "4px 0" },
  ".cm-gutters": { backgroundColor: "#f6f8fa", color: "#8b949e", borderRight: "1px solid #e1e4e8" },
  ".cm-activeLine": { backgroundColor: "#f3f7ff" },
  ".cm-activeLineGutter": { backgroundColor: "#e8effc", color: "#1f2328" },
}, { dark: false });

function create(parent, options = {}) {
  const { doc = "", language = "", onChange = null, label = "Code editor" } = options;
  const languageSlot = new Compartment();
  let current = language;
  let currentLabel = label;

  const extensions = () => [
    basicSetup,
    keymap.of([indentWithTab]), // Tab indents; Escape then Tab leaves the editor (built-in tab focus mode)
    theme,
    EditorView.contentAttributes.of({ "aria-label": currentLabel }),
    languageSlot.of(languageExtensions(current)),
    EditorView.updateListener.of((update) => {
      if (update.docChanged && onChange) onChange(update.state.doc.toString());
    }),
  ];

  const view = new EditorView({ parent, state: EditorState.create({ doc, extensions: extensions() }) });

  return {
    getValue() {
      return view.state.doc.toString();
    },
    // Replaces the whole document with a fresh state (new undo history, cursor at the start).
    // Does not call onChange: the caller knows what it loaded. A label names the file for screen readers.
    setValue(text, newLabel) {
      if (newLabel !== undefined) currentLabel = newLabel;
      view.setState(EditorState.create({ doc: String(text ?? ""), extensions: extensions() }));
    },
    setLanguage(name) {
      current = name;
      view.dispatch({ effects: languageSlot.reconfigure(languageExtensions(name)) });
    },
    focus() {
      view.focus();
    },
    destroy() {
      view.destroy();
    },
  };
}

window.AssessorEditor = { create, languages: Object.keys(LANGUAGES) };
