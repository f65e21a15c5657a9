// The problem page's code editor: CodeMirror 6 over the workbench's <textarea>.
//
// Progressive enhancement: the server renders a plain textarea (it works without JavaScript and
// before the bundle loads); this module hides it and shows an editor in its place. The textarea
// stays the source of truth the page's Rust code reads and writes:
//   - every edit is written back to textarea.value and announced with an `input` event, which the
//     workbench already listens to;
//   - when the page sets textarea.value (a language switch, a restored submission), the editor
//     follows, through a setter installed on that one element;
//   - the language comes from the textarea's `data-language` attribute.
// Pages come and go without reloads, and a module runs once per document, so a
// MutationObserver enhances every editor textarea that appears, now or later.

import { EditorState, Compartment } from '@codemirror/state';
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
  drawSelection, highlightSpecialChars,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import {
  bracketMatching, indentOnInput, indentUnit, syntaxHighlighting, HighlightStyle, foldGutter, foldKeymap,
} from '@codemirror/language';
import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { searchKeymap, highlightSelectionMatches } from '@codemirror/search';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { rust } from '@codemirror/lang-rust';
import { go } from '@codemirror/lang-go';
import { tags as t } from '@lezer/highlight';

const SELECTOR = 'textarea.code-editor';

const languages = { rust: () => rust(), go: () => go() };

// Colours are the site's CSS variables (style/45-editor.css), so the editor follows the light
// and dark themes without being reconfigured, and every token keeps 4.5:1 contrast.
const highlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.operatorKeyword], color: 'var(--code-keyword)' },
  { tag: [t.string, t.special(t.string), t.character, t.regexp], color: 'var(--code-string)' },
  { tag: [t.comment, t.lineComment, t.blockComment, t.docComment], color: 'var(--code-comment)', fontStyle: 'italic' },
  { tag: [t.number, t.bool, t.null, t.atom], color: 'var(--code-number)' },
  { tag: [t.typeName, t.className, t.namespace, t.macroName], color: 'var(--code-type)' },
  { tag: [t.function(t.variableName), t.function(t.propertyName), t.definition(t.function(t.variableName))], color: 'var(--code-function)' },
  { tag: t.invalid, color: 'var(--error)' },
]);

const theme = EditorView.theme({
  '&': { color: 'var(--fg)', backgroundColor: 'var(--code-bg)', border: '1px solid var(--border)', borderRadius: '8px' },
  '&.cm-focused': { outline: '2px solid var(--accent)', outlineOffset: '1px' },
  '.cm-content': { fontFamily: 'var(--mono)', caretColor: 'var(--fg)', minHeight: '18rem' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5' },
  '.cm-gutters': { backgroundColor: 'var(--code-bg)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--code-active-line)' },
  '&.cm-focused .cm-cursor': { borderLeftColor: 'var(--fg)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--code-selection)' },
  '.cm-matchingBracket': { backgroundColor: 'var(--code-selection)', outline: '1px solid var(--muted)' },
});

/** Ctrl/Cmd+Enter submits, Ctrl/Cmd+' runs the samples: by clicking the page's own buttons. */
function pageKeys(root) {
  const click = (selector) => () => {
    const button = root.querySelector(selector);
    if (button && !button.disabled) button.click();
    return true;
  };
  return [
    { key: 'Mod-Enter', run: click('[data-action="submit"]') },
    { key: "Mod-'", run: click('[data-action="run"]') },
  ];
}

function enhance(textarea) {
  if (textarea.dataset.enhanced) return;
  textarea.dataset.enhanced = 'true';
  const root = textarea.closest('.workbench') || document;
  const language = new Compartment();
  const vim = new Compartment();
  const native = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value');

  // The workbench renders an empty element for the editor right after the textarea: this module
  // may run before the page has hydrated, and hydration must find the server's DOM unchanged.
  const next = textarea.nextElementSibling;
  const mount = next && next.classList.contains('code-editor-mount') ? next : null;
  const view = new EditorView({
    parent: mount || textarea.parentElement,
    state: EditorState.create({
      doc: native.get.call(textarea),
      extensions: [
        vim.of([]),
        lineNumbers(), highlightActiveLineGutter(), foldGutter(), lintGutter(),
        highlightSpecialChars(), history(), drawSelection(), indentOnInput(), bracketMatching(),
        closeBrackets(), highlightActiveLine(), highlightSelectionMatches(),
        indentUnit.of('    '),
        keymap.of([
          ...pageKeys(root), ...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap,
          ...historyKeymap, ...foldKeymap, indentWithTab,
        ]),
        language.of((languages[textarea.dataset.language] || languages.rust)()),
        syntaxHighlighting(highlight),
        theme,
        EditorView.contentAttributes.of({ 'aria-label': 'Source code', 'aria-describedby': 'editor-help' }),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          native.set.call(textarea, update.state.doc.toString());
          textarea.dispatchEvent(new Event('input', { bubbles: true }));
        }),
      ],
    }),
  });
  if (!mount) textarea.after(view.dom);
  textarea.hidden = true;
  textarea.tabIndex = -1;

  // The page writes textarea.value: show it in the editor (a no-op for our own write-back).
  Object.defineProperty(textarea, 'value', {
    configurable: true,
    get() { return native.get.call(this); },
    set(text) {
      native.set.call(this, text);
      if (text !== view.state.doc.toString()) {
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
      }
    },
  });

  const attributes = new MutationObserver(() => {
    const make = languages[textarea.dataset.language];
    if (make) view.dispatch({ effects: language.reconfigure(make()) });
  });
  attributes.observe(textarea, { attributes: true, attributeFilter: ['data-language'] });

  const vimToggle = root.querySelector('input[name="vim"]');
  const setVim = async (on) => {
    let ext = [];
    if (on) {
      const { vim: vimMode } = await import('@replit/codemirror-vim');
      ext = vimMode();
    }
    view.dispatch({ effects: vim.reconfigure(ext) });
  };
  if (vimToggle) {
    // Checked or not as the server rendered it from the learner's account (the workbench saves
    // a change there), so the choice follows them to another device.
    vimToggle.closest('.editor-options')?.removeAttribute('hidden');
    if (vimToggle.checked) setVim(true);
    vimToggle.addEventListener('change', () => {
      setVim(vimToggle.checked);
    });
  }
  textarea.prepEditor = {
    view,
    showDiagnostics(raw) { view.dispatch(setDiagnostics(view.state, diagnostics(raw, view.state.doc))); },
  };
}

/**
 * Compiler messages as editor diagnostics. A verdict the server renders carries them in
 * `data-diagnostics` as JSON `[{line, column, message, severity}]` (1-based lines in the
 * learner's file); a verdict without them clears the marks.
 */
function diagnostics(raw, doc) {
  let list = [];
  try {
    list = JSON.parse(raw || '[]');
  } catch {
    return [];
  }
  return list
    .filter((d) => Number.isInteger(d.line) && d.line >= 1 && d.line <= doc.lines)
    .map((d) => {
      const line = doc.line(d.line);
      const from = Math.min(line.from + Math.max(0, (d.column || 1) - 1), line.to);
      return { from, to: Math.max(from, line.to), severity: d.severity === 'warning' ? 'warning' : 'error', message: d.message };
    });
}

function showVerdict(result) {
  const editor = result.closest('.workbench')?.querySelector(SELECTOR)?.prepEditor;
  editor?.showDiagnostics(result.dataset.diagnostics);
}

function scan(node) {
  if (node.matches?.(SELECTOR)) enhance(node);
  node.querySelectorAll?.(SELECTOR).forEach(enhance);
  if (node.matches?.('.result[data-verdict]')) showVerdict(node);
  node.querySelectorAll?.('.result[data-verdict]').forEach(showVerdict);
}

scan(document);
new MutationObserver((records) => {
  for (const r of records) r.addedNodes.forEach(scan);
}).observe(document.body, { childList: true, subtree: true });
