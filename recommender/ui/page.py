"""Coordinator page: wires the package's handlers into Gradio Blocks and launches.

    python app.py --workspace DIR [--host H] [--port P] [--auth-file users.json] [--demo]

Binds to 127.0.0.1 by default; any other address needs users (``--auth-file`` or
``TANDEM_USERS``). No share link, no analytics.

Every table and choice list is read from the workspace when the page loads and again after
every action that changes it (one ``refresh`` chained after each), so a reload, a second tab
or a second coordinator always sees the workspace as it is.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import sys
from typing import Any

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"  # before gradio is imported: no telemetry

import gradio as gr

from recommender.demo import load_demo
from recommender.language.formats import format_date, format_percent
from recommender.recommender import Recommender
from recommender.records import KEPT_STATUSES
from recommender.ui.coordinator import Coordinator
from recommender.ui.forms import fields_help
from recommender.ui.i18n import LEVELS, t, word
from recommender.ui.security import authenticator, check_launch, load_users

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


class Page:
    """The page's components, filled in by one builder per tab and wired afterwards."""

    def __init__(self, coordinator: Coordinator, lang: str):
        self.c = coordinator
        self.lang = lang
        self.labelled: list[tuple[Any, str]] = []  # (component, i18n key of its label)
        self.containers: list[tuple[Any, str]] = []  # tabs and accordions
        self.buttons: list[tuple[Any, str]] = []
        self.markdowns: list[tuple[Any, str]] = []  # (component, key of its text)

    def label(self, component: Any, key: str) -> Any:
        self.labelled.append((component, key))
        return component

    def button(self, key: str, **kwargs: Any) -> Any:
        button = gr.Button(t(key, self.lang), **kwargs)
        self.buttons.append((button, key))
        return button

    def tab(self, key: str, tab_id: str) -> Any:
        tab = gr.Tab(t(key, self.lang), id=tab_id, elem_id=f"tab-{tab_id}")
        self.containers.append((tab, key))
        return tab

    def accordion(self, key: str, open: bool = False, **kwargs: Any) -> Any:
        box = gr.Accordion(t(key, self.lang), open=open, **kwargs)
        self.containers.append((box, key))
        return box

    def markdown(self, key: str, **kwargs: Any) -> Any:
        text = gr.Markdown(markdown_text(key, self.lang), **kwargs)
        self.markdowns.append((text, key))
        return text


def markdown_text(key: str, lang: str) -> str:
    if key == "levels_explained":
        floors = {name: format_percent(floor, lang) for name, floor in LEVELS[:-1]}
        return t(key, lang, **floors)
    if key in ("review_title", "manual_title", "map_title"):
        return f"### {t(key, lang)}"
    if key == "map_fields_help":
        return fields_help(lang)
    return t(key, lang)


def _pref_choices(lang: str) -> list[tuple[str, str]]:
    return [(word(x, lang), x) for x in ("mentor", "mentee", "either")]


def _role_choices(lang: str) -> list[tuple[str, str]]:
    return [(word("mentor", lang), "mentor"), (word("mentee", lang), "mentee"),
            (t("role_from_file", lang), "file")]


def _flagged(table: Any) -> Any:
    """The value maps with the answers that have no suggestion highlighted."""
    if not hasattr(table, "style") or table.empty:
        return table
    last = table.columns[-1]

    def colour(row: Any) -> list[str]:
        flag = str(row[last]).startswith("⚠")
        return ["background-color: #fdf1d6; font-weight: 600" if flag else ""] * len(row)

    return table.style.apply(colour, axis=1)


def _mapping_step(page: Page) -> None:
    """The "map the columns" step, shown after the upload of a sign-up form export."""
    lang, L = page.lang, page.label
    page.map_path = gr.State(None)
    with gr.Column(visible=False, elem_id="map-step", elem_classes="map-step") as box:
        page.map_box = box
        page.markdown("map_title")
        page.map_intro = gr.Markdown(elem_id="map-intro")
        page.markdown("map_hint")
        page.map_role = L(gr.Radio(_role_choices(lang), value="file", label=t("map_role", lang),
                                   elem_id="map-role"), "map_role")
        page.map_columns = L(gr.Dataframe(
            interactive=True, static_columns=[0, 2, 3, 4], wrap=True, elem_id="map-columns",
            label=t("map_table", lang), column_widths=["20%", "14%", "11%", "23%", "32%"],
            max_height=520), "map_table")
        page.markdown("map_fields_help", elem_id="map-fields")
        page.map_values = L(gr.Dataframe(
            interactive=True, static_columns=[0, 1, 2, 4], wrap=True, elem_id="map-values",
            label=t("map_values", lang), column_widths=["22%", "14%", "30%", "9%", "25%"],
            max_height=420), "map_values")
        page.map_preview = L(gr.Dataframe(
            interactive=False, wrap=True, elem_id="map-preview", label=t("map_preview", lang),
            column_widths=["11%", "12%", "6%", "9%", "9%", "33%", "20%"]), "map_preview")
        page.map_checks = gr.Markdown(elem_id="map-checks")
        with gr.Row(equal_height=True):
            page.map_partial = L(gr.Checkbox(label=t("map_partial", lang),
                                             elem_id="map-partial"), "map_partial")
            page.map_import_btn = page.button("map_import", variant="primary",
                                              elem_id="map-import-btn")
            page.map_cancel_btn = page.button("map_cancel", elem_id="map-cancel-btn")


def _people_tab(page: Page) -> None:
    lang, L = page.lang, page.label
    types = [".csv", ".xlsx", ".json", ".jsonl"]
    with gr.Row():
        page.people_file = L(gr.File(label=t("upload", lang), type="filepath",
                                     elem_id="people-file", file_types=types), "upload")
        page.notes_file = L(gr.File(label=t("upload_notes", lang), type="filepath",
                                    elem_id="notes-file", file_types=types), "upload_notes")
    page.import_btn = page.button("import", variant="primary", elem_id="import-btn")
    page.report = gr.Textbox(show_label=False, lines=4, interactive=False, elem_id="import-report")
    _mapping_step(page)
    page.search = L(gr.Textbox(label=t("search", lang), elem_id="people-search"), "search")
    page.people_df = gr.Dataframe(page.c.people_table("", lang), interactive=False, wrap=True,
                                  elem_id="people-table", max_height=420)
    with page.accordion("edit_person", open=False, elem_id="edit-box"):
        page.person_dd = L(gr.Dropdown(page.c.person_ids(), label=t("person", lang),
                                       elem_id="person-dd", allow_custom_value=True), "person")
        with gr.Row():
            f_name = L(gr.Textbox(label=t("name", lang), elem_id="f-name"), "name")
            f_years = L(gr.Number(label=t("years", lang), elem_id="f-years"), "years")
            f_dept = L(gr.Textbox(label=t("department", lang), elem_id="f-dept"), "department")
            f_role = L(gr.Textbox(label=t("role", lang)), "role")
        with gr.Row():
            f_langs = L(gr.Textbox(label=t("languages", lang)), "languages")
            page.f_pref = L(gr.Dropdown(_pref_choices(lang), value="either",
                                        label=t("role_preference", lang)), "role_preference")
            f_cap = L(gr.Number(value=1, label=t("capacity", lang), precision=0), "capacity")
            f_manager = L(gr.Textbox(label=t("manager", lang)), "manager")
        f_profile = L(gr.Textbox(label=t("profile", lang), lines=3, elem_id="f-profile"),
                      "profile")
        f_offers = L(gr.Textbox(label=t("offers", lang), lines=2), "offers")
        f_wants = L(gr.Textbox(label=t("wants", lang), lines=2), "wants")
        with gr.Row():
            page.save_btn = page.button("save", variant="primary", elem_id="save-btn")
            page.confirm = L(gr.Checkbox(label=t("confirm_delete", lang)), "confirm_delete")
            page.delete_btn = page.button("delete", variant="stop")
        page.person_msg = gr.Textbox(show_label=False, interactive=False, elem_id="person-msg")
    page.form = [f_name, f_years, f_dept, f_role, f_langs, f_profile, f_offers, f_wants,
                 page.f_pref, f_cap, f_manager]


def _pairs_tab(page: Page) -> None:
    c, lang, L = page.c, page.lang, page.label
    with page.accordion("settings_box", open=False), gr.Row():
        page.gap = L(gr.Slider(0, 20, value=c.rec.params.min_experience_gap, step=0.5,
                               label=t("gap", lang)), "gap")
        page.bonus = L(gr.Slider(0, 0.3, value=c.rec.params.cross_department_bonus,
                                 step=0.01, label=t("bonus", lang)), "bonus")
        page.per_mentee = L(gr.Number(value=1, precision=0, minimum=1, maximum=5,
                                      label=t("per_mentee", lang)), "per_mentee")
        page.per_mentor = L(gr.Number(value=0, precision=0, minimum=0, maximum=20,
                                      label=t("per_mentor", lang)), "per_mentor")
    with gr.Row(equal_height=True):
        page.run_btn = page.button("run", variant="primary", elem_id="run-btn", scale=1)
        page.summary = gr.Textbox(show_label=False, interactive=False, elem_id="match-summary",
                                  scale=3)
    filters = c.filter_choices(lang)
    with gr.Row(equal_height=True):
        page.status_f = L(gr.Dropdown(filters["status"], value="", label=t("filter_status", lang),
                                      elem_id="filter-status", allow_custom_value=True),
                          "filter_status")
        page.level_f = L(gr.Dropdown(filters["level"], value="", label=t("filter_level", lang),
                                     elem_id="filter-level", allow_custom_value=True),
                         "filter_level")
        page.dept_f = L(gr.Dropdown(filters["department"], value="",
                                    label=t("filter_department", lang), elem_id="filter-dept",
                                    allow_custom_value=True), "filter_department")
        page.bulk_level = L(gr.Dropdown([(word(n, lang), n) for n, _ in LEVELS[:-1]],
                                        value="strong", label=t("bulk_level", lang),
                                        elem_id="bulk-level"), "bulk_level")
        page.bulk_btn = page.button("bulk_accept", elem_id="bulk-btn")
    page.levels_md = page.markdown("levels_explained", elem_id="levels-explained")
    page.pairs_df = L(gr.Dataframe(c.pairs_table(lang), interactive=False, wrap=True,
                                   label=t("pairs_table", lang), elem_id="pairs-table",
                                   column_widths=["15%", "15%", "11%", "11%", "48%"],
                                   max_height=460), "pairs_table")
    page.markdown("review_title")
    page.selected = gr.State(None)
    page.version = gr.State(0)
    page.review_html = gr.HTML(elem_id="pair-review")
    with gr.Row():
        page.decisions = {
            action: gr.Button(t(action, lang), elem_id=f"{action}-btn",
                              variant="primary" if action == "accept" else "secondary")
            for action in ("accept", "reject", "lock", "activate", "end")}
    page.status_msg = gr.Textbox(show_label=False, interactive=False, elem_id="pair-status")
    with page.accordion("manual_title", open=False, elem_id="manual-box"):
        with gr.Row():
            page.manual_mentor = L(gr.Dropdown(c.person_ids(), label=t("manual_mentor", lang),
                                               elem_id="manual-mentor", allow_custom_value=True),
                                   "manual_mentor")
            page.manual_mentee = L(gr.Dropdown(c.person_ids(), label=t("manual_mentee", lang),
                                               elem_id="manual-mentee", allow_custom_value=True),
                                   "manual_mentee")
        page.manual_btn = page.button("manual_pair", elem_id="manual-btn")
        page.manual_msg = gr.Textbox(show_label=False, interactive=False, elem_id="manual-msg")
    page.unmatched_df = L(gr.Dataframe(c.unmatched_table(lang), interactive=False, wrap=True,
                                       label=t("unmatched", lang), elem_id="unmatched-table",
                                       column_widths=["10%", "20%", "70%"]), "unmatched")
    with gr.Row():
        page.fmt = L(gr.Radio(["csv", "xlsx", "json"], value="csv",
                              label=t("export_format", lang)), "export_format")
        page.export_btn = page.button("export", elem_id="export-btn")
        page.export_file = L(gr.File(label=t("export_file", lang), interactive=False,
                                     elem_id="export-file", height=90), "export_file")


def _sessions_tab(page: Page) -> None:
    lang, L = page.lang, page.label
    page.session_pair = L(gr.Dropdown(page.c.pair_choices(KEPT_STATUSES, lang),
                                      label=t("pair", lang), elem_id="session-pair",
                                      allow_custom_value=True), "pair")
    with gr.Row():
        page.note_date = L(gr.Textbox(format_date(dt.date.today().isoformat(), lang),
                                      label=t("date", lang), elem_id="note-date"), "date")
        page.date_pick = L(gr.DateTime(include_time=False, type="string",
                                       label=t("pick_date", lang), elem_id="date-pick"),
                           "pick_date")
        page.note_rating = L(gr.Slider(1, 5, value=4, step=1, label=t("rating", lang)), "rating")
    page.note_text = L(gr.Textbox(label=t("note_text", lang), lines=3, elem_id="note-text"),
                       "note_text")
    page.log_btn = page.button("log", variant="primary", elem_id="log-btn")
    page.log_msg = gr.Textbox(show_label=False, interactive=False, elem_id="log-msg")
    page.history = L(gr.Dataframe(page.c.pair_history(None, lang), interactive=False,
                                  wrap=True, label=t("history", lang), elem_id="history"),
                     "history")


def _topics_tab(page: Page) -> None:
    lang, L = page.lang, page.label
    with gr.Row():
        page.topic_pair = L(gr.Dropdown(page.c.pair_choices(KEPT_STATUSES, lang),
                                        label=t("pair", lang), elem_id="topic-pair", scale=3,
                                        allow_custom_value=True), "pair")
        page.how_many = L(gr.Slider(1, 10, value=5, step=1, label=t("how_many", lang)),
                          "how_many")
    page.topics_btn = page.button("suggest_topics", variant="primary", elem_id="topics-btn")
    page.topics_html = gr.HTML(elem_id="topics-html")


def _insights_tab(page: Page) -> None:
    lang, L = page.lang, page.label
    page.refresh_btn = page.button("refresh", elem_id="refresh-btn")
    with gr.Row():
        page.plots = [gr.Plot(show_label=False, elem_id=f"chart-{i}") for i in range(3)]
    page.risk_df = L(gr.Dataframe(page.c.risk_table(lang).iloc[0:0], interactive=False,
                                  wrap=True, label=t("at_risk", lang), elem_id="risk-table",
                                  column_widths=["15%", "15%", "10%", "13%", "47%"]),
                     "at_risk")
    page.themes_df = L(gr.Dataframe(headers=list(page.c.themes_columns(lang)),
                                    interactive=False, wrap=True, label=t("themes", lang),
                                    elem_id="themes-table",
                                    column_widths=["28%", "8%", "34%", "20%", "10%"]), "themes")


def _settings_tab(page: Page) -> None:
    page.notes_visible = page.label(gr.Checkbox(page.c.notes_visible(),
                                                label=t("notes_visible", page.lang),
                                                elem_id="notes-visible"),
                                    "notes_visible")


def _choices_update(choices: list[tuple[str, str]], value: Any) -> Any:
    values = {v for _, v in choices}
    return gr.update(choices=choices, value=value if value in values else None)


def _wire(page: Page) -> None:
    """Events: each calls one handler of the package, then ``refresh`` re-reads what the
    page shows from the workspace."""
    c = page.c

    # ---- one refresh, after page load and after every action that changes the workspace
    refresh_in = [page.ui_lang, page.search, page.status_f, page.level_f, page.dept_f,
                  page.selected, page.session_pair, page.topic_pair, page.person_dd,
                  page.manual_mentor, page.manual_mentee]
    decision_buttons = list(page.decisions.values())
    refresh_out = [page.people_df, page.person_dd, page.pairs_df, page.unmatched_df,
                   page.session_pair, page.topic_pair, page.manual_mentor, page.manual_mentee,
                   page.status_f, page.level_f, page.dept_f, page.history, page.selected,
                   page.version, page.review_html, *decision_buttons]

    def refresh(lg: str, query: str, status: str, level: str, dept: str, selected: str | None,
                session_key: str | None, topic_key: str | None, person: str | None,
                mentor: str | None, mentee: str | None) -> list[Any]:
        people = c.person_ids()
        kept = c.pair_choices(KEPT_STATUSES, lg)
        filters = c.filter_choices(lg)
        review = c.review(selected, lg)
        session_update = _choices_update(kept, session_key)
        known_session = session_key in {v for _, v in kept}
        return [
            c.people_table(query, lg), _choices_update(people, person),
            c.pairs_table(lg, status, level, dept), c.unmatched_table(lg),
            session_update, _choices_update(kept, topic_key),
            _choices_update(people, mentor), _choices_update(people, mentee),
            gr.update(choices=filters["status"], value=status or ""),
            gr.update(choices=filters["level"], value=level or ""),
            _choices_update(filters["department"], dept or ""),
            c.pair_history(session_key if known_session else None, lg),
            review.key, review.version, review.html,
            *(gr.update(value=review.buttons[a], interactive=review.key is not None)
              for a in page.decisions)]

    def after(event: Any) -> Any:
        return event.then(refresh, refresh_in, refresh_out)

    page.demo.load(refresh, refresh_in, refresh_out, api_name="refresh")

    def insights(lg: str) -> tuple[Any, ...]:
        return (*c.charts(lg), c.risk_table(lg), c.themes_table(lg))

    insights_out = [*page.plots, page.risk_df, page.themes_df]

    # ---- language
    def switch_language(new: str) -> list[Any]:
        updates: list[Any] = [new, f"## {t('title', new)}\n{t('subtitle', new)}"]
        updates += [gr.update(label=t(key, new)) for _, key in page.containers]
        updates += [gr.update(value=t(key, new)) for _, key in page.buttons]
        updates += [gr.update(label=t(key, new)) for _, key in page.labelled]
        updates += [markdown_text(key, new) for _, key in page.markdowns]
        updates += [gr.update(choices=_pref_choices(new)),
                    gr.update(choices=[(word(n, new), n) for n, _ in LEVELS[:-1]]),
                    gr.update(choices=_role_choices(new))]
        return updates

    language_out = [page.ui_lang, page.header, *(x for x, _ in page.containers),
                    *(x for x, _ in page.buttons), *(x for x, _ in page.labelled),
                    *(x for x, _ in page.markdowns), page.f_pref, page.bulk_level,
                    page.map_role]
    after(page.language.change(
        switch_language, page.language, language_out, api_name="set_language",
        js="(lang) => { window.tandemLang = lang; window.tandemTranslate && "
           "setTimeout(window.tandemTranslate, 50); return lang; }")
    ).then(insights, page.ui_lang, insights_out)

    # ---- participants
    step_out = [page.map_path, page.map_box, page.map_intro, page.map_role, page.map_columns,
                page.map_values, page.map_preview, page.map_checks]

    def do_import(people: str | None, notes: str | None, pending: str | None, lg: str,
                  progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:  # noqa: B008
        step = c.start_mapping(people, lg, previous=pending)
        if step.needed:  # a sign-up form: the mapping step instead of the import's errors
            return (step.message, None, gr.update(), step.path, gr.update(visible=True),
                    step.intro, step.role or "file", step.columns, _flagged(step.values),
                    step.preview, step.checks)
        result = c.import_files(people, notes, lg, progress=lambda f, msg: progress(f, desc=msg))
        return (result.message, None, None, *(gr.update() for _ in step_out))

    after(page.import_btn.click(
        do_import, [page.people_file, page.notes_file, page.map_path, page.ui_lang],
        [page.report, page.people_file, page.notes_file, *step_out], api_name="import_files"))

    def role_of(choice: str | None) -> str:
        return "" if choice in (None, "", "file") else str(choice)

    def edit_columns(path: str | None, columns: Any, values: Any, role: str,
                     lg: str) -> tuple[Any, ...]:
        table, preview, checks = c.refresh_mapping(path, columns, values, role_of(role), lg)
        return _flagged(table), preview, checks

    page.map_columns.input(edit_columns, [page.map_path, page.map_columns, page.map_values,
                                          page.map_role, page.ui_lang],
                           [page.map_values, page.map_preview, page.map_checks])

    def edit_values(path: str | None, columns: Any, values: Any, role: str,
                    lg: str) -> tuple[Any, ...]:
        return c.preview_mapping(path, columns, values, role_of(role), lg)

    for control in (page.map_values, page.map_role):
        control.input(edit_values, [page.map_path, page.map_columns, page.map_values,
                                    page.map_role, page.ui_lang],
                      [page.map_preview, page.map_checks])

    def do_map_import(path: str | None, columns: Any, values: Any, role: str, partial: bool,
                      notes: str | None, lg: str,
                      progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:  # noqa: B008
        result = c.import_mapped(path, columns, values, role_of(role), partial, notes, lg,
                                 progress=lambda f, msg: progress(f, desc=msg))
        if not result.ok:
            return result.message, path, gr.update(), gr.update()
        return result.message, None, gr.update(visible=False), None

    after(page.map_import_btn.click(
        do_map_import, [page.map_path, page.map_columns, page.map_values, page.map_role,
                        page.map_partial, page.notes_file, page.ui_lang],
        [page.report, page.map_path, page.map_box, page.notes_file], api_name="import_mapped"))

    def do_cancel(path: str | None, lg: str) -> tuple[Any, ...]:
        c.discard_mapping(path)
        return t("map_cancelled", lg), None, gr.update(visible=False)

    page.map_cancel_btn.click(do_cancel, [page.map_path, page.ui_lang],
                              [page.report, page.map_path, page.map_box])
    page.search.change(c.people_table, [page.search, page.ui_lang], page.people_df,
                       api_name="people_table")
    page.person_dd.change(c.person_fields, page.person_dd, page.form, api_name="person_fields")

    def pick_person(evt: gr.SelectData) -> Any:
        row = evt.row_value or []
        return gr.update(value=row[0] if row else None)

    page.people_df.select(pick_person, None, page.person_dd)

    def do_save(pid: str | None, *values: Any) -> str:
        *fields, lg = values
        return c.save_person(pid, *fields, lang=lg).message

    after(page.save_btn.click(do_save, [page.person_dd, *page.form, page.ui_lang],
                              page.person_msg, api_name="save_person"))

    def do_delete(pid: str | None, ok: bool, lg: str) -> tuple[Any, ...]:
        return c.delete_person(pid, ok, lg).message, False

    after(page.delete_btn.click(do_delete, [page.person_dd, page.confirm, page.ui_lang],
                                [page.person_msg, page.confirm], api_name="delete_person"))

    # ---- pairs
    def do_match(g: float, b: float, n: float, cap: float, lg: str,
                 progress: gr.Progress = gr.Progress()) -> str:  # noqa: B008
        text, _, _ = c.run_matching(g, b, n, cap, lg,
                                    progress=lambda f, msg: progress(f, desc=msg))
        return text

    after(page.run_btn.click(do_match, [page.gap, page.bonus, page.per_mentee, page.per_mentor,
                                        page.ui_lang], page.summary, api_name="run_matching"))
    for box in (page.status_f, page.level_f, page.dept_f):
        box.input(c.pairs_table, [page.ui_lang, page.status_f, page.level_f, page.dept_f],
                  page.pairs_df)

    def select_pair(evt: gr.SelectData) -> str | None:
        return c.key_of_row(evt.row_value)

    after(page.pairs_df.select(select_pair, None, page.selected))

    def review_pair(key: str, lg: str) -> str:
        return c.review(key, lg).html

    gr.api(review_pair, api_name="review_pair")
    for action, button in page.decisions.items():
        def do_status(key: str | None, version: int, lg: str,
                      action: str = action) -> str:
            return c.set_pair_status(key, action, lg, version=version).message

        after(button.click(do_status, [page.selected, page.version, page.ui_lang],
                           page.status_msg, api_name=f"{action}_selected_pair"))

        def decide(key: str, version: int, lg: str, action: str = action) -> str:
            return c.set_pair_status(key, action, lg, version=version).message

        gr.api(decide, api_name=f"{action}_pair")
    after(page.bulk_btn.click(lambda lv, lg: c.bulk_accept(lv, lg).message,
                              [page.bulk_level, page.ui_lang], page.status_msg,
                              api_name="bulk_accept"))

    def do_manual(mentor: str | None, mentee: str | None, lg: str) -> tuple[Any, ...]:
        result = c.add_manual_pair(mentor, mentee, lg)
        key = f"{mentor}|{mentee}" if result.ok else gr.update()
        return result.message, key

    after(page.manual_btn.click(do_manual, [page.manual_mentor, page.manual_mentee,
                                            page.ui_lang], [page.manual_msg, page.selected],
                                api_name="add_pair"))
    page.export_btn.click(c.export_pairs, page.fmt, page.export_file, api_name="export_pairs")

    # ---- sessions
    page.date_pick.change(lambda picked, lg: format_date(str(picked)[:10], lg) if picked
                          else gr.update(), [page.date_pick, page.ui_lang], page.note_date)

    def do_log(key: str | None, date: str, text: str, rating: float, lg: str) -> tuple[Any, ...]:
        result = c.log_note(key, date, text, rating, lg)
        return result.message, "" if result.ok else text

    after(page.log_btn.click(do_log, [page.session_pair, page.note_date, page.note_text,
                                      page.note_rating, page.ui_lang],
                             [page.log_msg, page.note_text], api_name="log_note"))
    page.session_pair.change(c.pair_history, [page.session_pair, page.ui_lang], page.history,
                             api_name="pair_history")
    page.topics_btn.click(c.next_topics_html, [page.topic_pair, page.how_many, page.ui_lang],
                          page.topics_html, api_name="next_topics")

    # ---- insights: with the tab, and on demand
    page.insights_tab.select(insights, page.ui_lang, insights_out)
    page.refresh_btn.click(insights, page.ui_lang, insights_out, api_name="insights")
    after(page.notes_visible.change(c.set_notes_visible, page.notes_visible, page.notes_visible,
                                    api_name="set_notes_visible"))


def build_demo(coordinator: Coordinator, lang: str = "en") -> gr.Blocks:
    """The page: one tab per step of the coordinator's workflow."""
    page = Page(coordinator, lang)
    with gr.Blocks(title=t("title", lang), analytics_enabled=False,
                   delete_cache=(1800, 1800)) as demo:
        page.demo = demo
        page.ui_lang = gr.State(lang)
        with gr.Row():
            page.header = gr.Markdown(f"## {t('title', lang)}\n{t('subtitle', lang)}")
            page.language = page.label(gr.Radio(["en", "fr"], value=lang,
                                                label=t("language", lang), scale=0,
                                                elem_id="language"), "language")
        with gr.Tabs():
            for key, tab_id, build in (
                ("tab_people", "people", _people_tab), ("tab_pairs", "pairs", _pairs_tab),
                ("tab_sessions", "sessions", _sessions_tab),
                ("tab_topics", "topics", _topics_tab),
                ("tab_insights", "insights", _insights_tab),
                ("tab_settings", "settings", _settings_tab),
            ):
                with page.tab(key, tab_id) as tab:
                    build(page)
                if tab_id == "insights":
                    page.insights_tab = tab
        _wire(page)
    return demo


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Reverse-mentoring coordinator page")
    parser.add_argument("--workspace", default="workspace", help="workspace folder")
    parser.add_argument("--database-url",
                        help="the workspace's database, e.g. postgresql://user@host/db "
                        "(default: $TANDEM_DATABASE_URL, else the folder's own SQLite file)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int,
                        default=int(os.environ.get("GRADIO_SERVER_PORT", "7860")))
    parser.add_argument("--auth-file", help="JSON file of users and password hashes")
    parser.add_argument("--embedder", help="embedder for a new workspace (default USE)")
    parser.add_argument("--lang", choices=["en", "fr"], default="en")
    parser.add_argument("--demo", action="store_true",
                        help="fill an empty workspace with the bundled demo programme")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")

    users = load_users(args.auth_file)
    check_launch(args.host, users)  # before any personal data is loaded
    if args.database_url:  # read by every opening of the workspace below
        os.environ["TANDEM_DATABASE_URL"] = args.database_url
    if args.demo:
        rec = load_demo(args.workspace, args.embedder)  # fictional data: notes may be read
    else:
        rec = Recommender.open(args.workspace, args.embedder)
    demo = build_demo(Coordinator(rec), args.lang)
    demo.queue(default_concurrency_limit=4).launch(
        server_name=args.host, server_port=args.port, share=False,
        auth=authenticator(users) if users else None, show_error=True, css=CSS,
        head=head_script(args.lang), theme=gr.themes.Soft(primary_hue="blue"))


if __name__ == "__main__":
    sys.exit(main())
