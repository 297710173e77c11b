"""The page's style sheet and the script that puts Gradio's own texts in the page's language."""

from __future__ import annotations

import json

__all__ = ["CSS", "GRADIO_FR", "head_script"]

CSS = """
.topic-card {border: 1px solid #d0d7e2; border-radius: 8px; padding: 8px 14px; margin: 8px 0;}
.topic-card h3 {margin: 4px 0;}
.topic-score {color: var(--body-text-color-subdued); font-weight: normal; margin-left: 6px;}
.covered {color: var(--body-text-color-subdued); margin-top: 10px;}
/* Tables: cells wrap inside their column; every header cell (of every table: Gradio puts its
   text in a span set to break anywhere) stays on one line, never broken inside a word. */
#pairs-table td, #unmatched-table td, #risk-table td, #themes-table td, #history td,
#people-table td {white-space: normal !important; overflow-wrap: anywhere; word-break: normal;
  vertical-align: top;}
.gradio-container :is(th, [role=columnheader]),
.gradio-container :is(th, [role=columnheader]) * {white-space: nowrap !important;
  word-break: keep-all !important; overflow-wrap: normal !important; hyphens: none;}
#pairs-table tbody tr {cursor: pointer;}
/* The review is a light card in both themes: its text is dark in both (Gradio colours the
   text of an HTML block with these variables, which the dark theme makes light). */
.review {border: 1px solid #d0d7e2; border-radius: 8px; padding: 10px 14px; background: #fbfcfe;
  --body-text-color: #1f2937; --body-text-color-subdued: #4b5563; --table-border-color: #d0d7e2;
  --border-color-primary: #d0d7e2; color: #1f2937;}
.review .verdict {display: flex; gap: 16px; align-items: center; margin-bottom: 8px;}
.review .level {font-size: 1.25em; font-weight: 700; padding: 2px 10px; border-radius: 6px;}
.level-strong {background: #d7f0dc; color: #16602b;}
.level-good {background: #e1ecfa; color: #1d4f91;}
.level-fair {background: #fdf1d6; color: #7a5200;}
.level-weak {background: #f9dcdc; color: #8a1f1f;}
.alt-table .level {font-size: 0.9em; font-weight: 600; padding: 1px 6px;}
.review .parts {margin: 6px 0 10px 0;}
.review .part {display: grid; grid-template-columns: 380px 1fr 60px; gap: 10px;
  align-items: center; margin: 3px 0;}
.review .bar {background: #e6ebf2; border-radius: 4px; height: 12px; display: block;}
.review .fill {background: #2f6db5; border-radius: 4px; height: 12px; display: block;}
.review .part-value {text-align: right; font-variant-numeric: tabular-nums;}
.review .profiles {display: grid; grid-template-columns: 1fr 1fr; gap: 14px;}
.review .profile-card {border: 1px solid #dde3ec; border-radius: 8px; padding: 8px 12px;
  background: white;}
.review .profile-card h4 {margin: 2px 0;}
.review .role-tag {text-transform: uppercase; font-size: 0.75em; color: #666;
  letter-spacing: 0.05em;}
.review .facts {color: #555; font-size: 0.9em; margin-bottom: 6px;}
.review mark.main {background: #ffe58a; padding: 0 2px;}
.review mark.reverse {background: #cfe6ff; padding: 0 2px;}
.review .legend {font-size: 0.85em; margin: 4px 0 8px 0;}
.review .alt-row {display: grid; grid-template-columns: 1fr 1fr; gap: 14px; margin-top: 8px;}
.review .alt-table {width: 100%; border-collapse: collapse; font-size: 0.92em;}
.review .alt-table, .review .alt-table td {border: none !important;}
.review .alt-table td {border-top: 1px solid #e6ebf2 !important; padding: 4px 6px;}
.review .reasons li {margin: 2px 0;}
.review-hint {color: var(--body-text-color-subdued); font-style: italic;}
.map-step {border: 2px solid #2f6db5; border-radius: 8px; padding: 10px 14px; background: #f7faff;}
.dark .map-step {background: var(--block-background-fill);}
#map-columns td, #map-values td, #map-preview td {white-space: normal !important;
  overflow-wrap: anywhere; vertical-align: top;}
#map-checks ul {margin-top: 2px;}
/* The pair's decisions: one row of buttons, each label on one line. */
#decisions {flex-wrap: nowrap !important; overflow-x: auto; padding: 5px;}
#decisions > button {flex: 1 1 auto; min-width: max-content; white-space: nowrap;
  word-break: keep-all; overflow-wrap: normal;}
/* Contrast (WCAG AA, 4.5:1 for text) in the light theme: Soft(primary_hue="blue") writes
   labels in blue-500 on blue-100 (3.0:1), white on blue-500 buttons and chosen options
   (3.7:1), and greys "- or -", a slider's maximum and the footer in gray-400 (2.5:1).
   html:root outranks the theme's :root; the dark theme (body.dark) keeps its own values. */
html:root {
  --block-label-text-color: var(--primary-800);
  --block-title-text-color: var(--primary-800);
  --body-text-color-subdued: var(--neutral-600);
  --button-primary-background-fill: var(--primary-600);
  --button-primary-background-fill-hover: var(--primary-700);
  --button-primary-border-color: var(--primary-600);
  --button-primary-border-color-hover: var(--primary-700);
  --checkbox-label-background-fill-selected: var(--primary-600);
  /* the box of a checkbox and the circle of a radio: gray-100 on white (1.1:1) was invisible;
     gray-500 is 4.8:1 (WCAG 1.4.11 asks 3:1 of a control's boundary) */
  --checkbox-border-color: var(--neutral-500);
  --checkbox-border-color-hover: var(--neutral-600);
}
/* The JSON editor's light theme (Nord) writes strings in #d08770 (2.8:1): its text is dark. */
body:not(.dark) .cm-editor .cm-content span {color: #2e3440;}
/* A visible keyboard focus (Gradio removes the outline of radios and checkboxes, and marks a
   focused text box by a pale border only): 3 px of blue-700, 6.7:1 on white. A radio or
   checkbox is ringed inside its option (white on a chosen option, blue-700 on the others)
   and its whole option is ringed outside. */
.gradio-container :is(button, a[href], input, textarea, select, [role=tab],
  [tabindex="0"]):focus-visible {outline: 3px solid #1d4ed8 !important; outline-offset: 2px;}
.gradio-container :is(input[type=radio], input[type=checkbox]):focus-visible {
  outline: 2px solid #1d4ed8 !important; outline-offset: 2px;}
.gradio-container label.selected > :is(input[type=radio], input[type=checkbox]):focus-visible {
  outline-color: #fff !important;}
.gradio-container label:has(> :is(input[type=radio], input[type=checkbox]):focus-visible) {
  outline: 3px solid #1d4ed8; outline-offset: 2px;}
.dark .gradio-container :is(button, a[href], input, textarea, select, [role=tab],
  [tabindex="0"]):focus-visible {outline-color: #93c5fd !important;}
.dark .gradio-container label:has(> :is(input[type=radio], input[type=checkbox]):focus-visible) {
  outline-color: #93c5fd;}
"""


# Gradio's own texts: its locale follows the browser, not the page's switch, so the few of
# them this page shows are swapped here, and swapped back for English.
GRADIO_FR = {
    "Drop File Here": "Déposez le fichier ici", "- or -": "- ou -",
    "Click to Upload": "Cliquez pour choisir un fichier", "Plot": "Graphique",
    "Clear": "Effacer", "Error": "Erreur", "Close": "Fermer", "processing": "en cours",
}


HEAD = """
<script>
window.tandemLang = %(lang)s;
(function () {
  const fr = %(fr)s;
  const en = Object.fromEntries(Object.entries(fr).map(([k, v]) => [v, k]));
  function swap(root) {
    const table = window.tandemLang === "fr" ? fr : en;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      const text = node.nodeValue.trim();
      if (text && table[text] !== undefined) {
        node.nodeValue = node.nodeValue.replace(text, table[text]);
      }
    }
  }
  // gr.DateTime names neither its text box nor its calendar button, and writes its
  // placeholder in English: both named here, in the page's language
  function namePicker() {
    const picker = document.getElementById("date-pick");
    if (!picker) return;
    const french = window.tandemLang === "fr";
    const label = picker.querySelector("[data-testid=block-info]");
    const input = picker.querySelector("input");
    const button = picker.querySelector("button");
    if (input) {
      input.placeholder = french ? "AAAA-MM-JJ" : "YYYY-MM-DD";
      if (label) input.setAttribute("aria-label", label.innerText.trim());
    }
    if (button) button.setAttribute("aria-label", french ? "Ouvrir le calendrier"
                                                          : "Open the calendar");
  }
  window.tandemTranslate = function () { swap(document.body); namePicker(); };
  let queued = false;
  new MutationObserver(function () {
    if (queued) return;
    queued = true;
    requestAnimationFrame(function () { queued = false; window.tandemTranslate(); });
  }).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
})();
</script>
"""


def head_script(lang: str) -> str:
    return HEAD % {"lang": json.dumps(lang), "fr": json.dumps(GRADIO_FR, ensure_ascii=False)}
