"""The page's style sheet and the script that puts Gradio's own texts in the page's language."""

from __future__ import annotations

import json

__all__ = ["CSS", "GRADIO_FR", "head_script"]

CSS = """
.topic-card {border: 1px solid #d0d7e2; border-radius: 8px; padding: 8px 14px; margin: 8px 0;}
.topic-card h3 {margin: 4px 0;}
.topic-score {color: #555; font-weight: normal; margin-left: 6px;}
.covered {color: #555; margin-top: 10px;}
/* Tables: cells wrap inside their column, headers stay on one line. */
#pairs-table td, #unmatched-table td, #risk-table td, #themes-table td, #history td,
#people-table td {white-space: normal !important; overflow-wrap: anywhere; word-break: normal;
  vertical-align: top;}
#pairs-table th, #unmatched-table th, #risk-table th, #themes-table th, #history th,
#people-table th {white-space: nowrap; word-break: keep-all;}
#pairs-table tbody tr {cursor: pointer;}
.review {border: 1px solid #d0d7e2; border-radius: 8px; padding: 10px 14px; background: #fbfcfe;}
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
.review-hint {color: #555; font-style: italic;}
.map-step {border: 2px solid #2f6db5; border-radius: 8px; padding: 10px 14px; background: #f7faff;}
#map-columns td, #map-values td, #map-preview td {white-space: normal !important;
  overflow-wrap: anywhere; vertical-align: top;}
#map-checks ul {margin-top: 2px;}
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
  window.tandemTranslate = function () { swap(document.body); };
  let queued = false;
  new MutationObserver(function () {
    if (queued) return;
    queued = true;
    requestAnimationFrame(function () { queued = false; swap(document.body); });
  }).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
})();
</script>
"""


def head_script(lang: str) -> str:
    return HEAD % {"lang": json.dumps(lang), "fr": json.dumps(GRADIO_FR, ensure_ascii=False)}
