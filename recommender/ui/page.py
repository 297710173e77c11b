"""The coordinator page: Gradio Blocks, one builder per tab, wired by :mod:`.events`.

Binds to 127.0.0.1 by default; any other address needs users (``--auth-file`` or
``TANDEM_USERS``). No share link, no analytics. ``app.py`` parses the command line and
calls :func:`launch`; :func:`build` makes the page for tests and scripts.

Every table and choice list is read from the workspace when the page loads and again after
every action that changes it (one ``refresh`` chained after each), so a reload, a second tab
or a second coordinator always sees the workspace as it is.

The page is built without reading the workspace: every table, choice list, setting and text
starts empty (or at the library's defaults) and is filled by the load-time events, which run
only after the login. The built page (its config, and the API description Gradio serves even
to a visitor who has not logged in, whose choices and defaults come from it) holds nothing
about the programme.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass
from typing import Any, TypeVar

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"  # before gradio is imported: no telemetry

import gradio as gr
import pandas as pd

from ..demo import load_demo
from ..language.formats import format_date
from ..matching.params import MatchParams
from ..recommender import Recommender
from .assets import CSS, head_script
from .catalogue import CATALOGUE_COLUMNS, DRAWN_COLUMNS
from .coordinator import Coordinator
from .events import wire
from .i18n import LEVELS, column, t, word
from .pairs import DECISIONS
from .security import LoginGuard, check_launch, load_users, login_middleware
from .widgets import direction_choices, markdown_text, pref_choices, role_choices

__all__ = ["Page", "PageOptions", "build", "launch"]

logger = logging.getLogger(__name__)

C = TypeVar("C")


def _empty_table(lang: str, *keys: str) -> pd.DataFrame:
    """A table with its columns and no rows: the load-time refresh fills it, after the login."""
    return pd.DataFrame(columns=[column(k, lang) for k in keys])


class Page:
    """The page's components, filled in by one builder per tab and wired afterwards; the
    components whose label, text or choices follow the page's language are listed as they
    are made (``labelled``, ``containers``, ``buttons``, ``markdowns``)."""

    demo: gr.Blocks
    ui_lang: gr.State
    header: gr.Markdown
    overview: gr.Markdown
    language: gr.Radio
    # participants and the mapping step
    people_file: gr.File
    notes_file: gr.File
    import_btn: gr.Button
    report: gr.Textbox
    map_path: gr.State
    map_box: gr.Column
    map_intro: gr.Markdown
    map_role: gr.Radio
    map_columns: gr.Dataframe
    map_values: gr.Dataframe
    map_preview: gr.Dataframe
    map_checks: gr.Markdown
    map_partial: gr.Checkbox
    map_update: gr.Checkbox
    map_import_btn: gr.Button
    map_cancel_btn: gr.Button
    search: gr.Textbox
    people_df: gr.Dataframe
    person_dd: gr.Dropdown
    f_pref: gr.Dropdown
    form: list[Any]
    save_btn: gr.Button
    confirm: gr.Checkbox
    delete_btn: gr.Button
    person_msg: gr.Textbox
    # pairs
    direction: gr.Radio
    min_score: gr.Slider
    gap: gr.Slider
    bonus: gr.Slider
    per_mentee: gr.Number
    per_mentor: gr.Number
    rules_text: gr.Code
    rules_btn: gr.Button
    rules_msg: gr.Textbox
    run_btn: gr.Button
    summary: gr.Textbox
    status_f: gr.Dropdown
    level_f: gr.Dropdown
    dept_f: gr.Dropdown
    bulk_level: gr.Dropdown
    bulk_btn: gr.Button
    levels_md: gr.Markdown
    pairs_df: gr.Dataframe
    selected: gr.State
    version: gr.State
    review_html: gr.HTML
    decisions: dict[str, gr.Button]
    undo_btn: gr.Button
    last_decision: gr.State
    status_msg: gr.Textbox
    manual_mentor: gr.Dropdown
    manual_mentee: gr.Dropdown
    manual_btn: gr.Button
    manual_msg: gr.Textbox
    unmatched_df: gr.Dataframe
    fmt: gr.Radio
    export_btn: gr.Button
    export_file: gr.File
    kit_btn: gr.Button
    kits_btn: gr.Button
    kit_msg: gr.Textbox
    kit_html: gr.HTML
    kit_files: gr.File
    # sessions and topics
    session_pair: gr.Dropdown
    note_date: gr.Textbox
    date_pick: gr.DateTime
    note_rating: gr.Slider
    note_text: gr.Textbox
    log_btn: gr.Button
    log_msg: gr.Textbox
    history: gr.Dataframe
    checkin_files: gr.File
    checkin_btn: gr.Button
    checkin_msg: gr.Textbox
    topic_pair: gr.Dropdown
    how_many: gr.Slider
    topics_btn: gr.Button
    topics_html: gr.HTML
    catalogue_status: gr.Markdown
    catalogue_file: gr.File
    catalogue_load_btn: gr.Button
    catalogue_df: gr.Dataframe
    catalogue_save_btn: gr.Button
    catalogue_reset_btn: gr.Button
    catalogue_msg: gr.Textbox
    cohort_draw_btn: gr.Button
    cohort_df: gr.Dataframe
    merge_ids: gr.Textbox
    merge_title: gr.Textbox
    merge_btn: gr.Button
    # insights and settings
    insights_tab: gr.Tab
    refresh_btn: gr.Button
    plots: list[gr.Plot]
    risk_df: gr.Dataframe
    themes_df: gr.Dataframe
    notes_visible: gr.Checkbox

    def __init__(self, coordinator: Coordinator, lang: str):
        self.c = coordinator
        self.lang = lang
        self.labelled: list[tuple[Any, str]] = []  # (component, i18n key of its label)
        self.containers: list[tuple[Any, str]] = []  # tabs and accordions
        self.buttons: list[tuple[gr.Button, str]] = []
        self.markdowns: list[tuple[gr.Markdown, str]] = []  # (component, key of its text)

    def label(self, component: C, key: str) -> C:
        self.labelled.append((component, key))
        return component

    def button(self, key: str, **kwargs: Any) -> gr.Button:
        button = gr.Button(t(key, self.lang), **kwargs)
        self.buttons.append((button, key))
        return button

    def tab(self, key: str, tab_id: str) -> gr.Tab:
        tab = gr.Tab(t(key, self.lang), id=tab_id, elem_id=f"tab-{tab_id}")
        self.containers.append((tab, key))
        return tab

    def accordion(self, key: str, open: bool = False, **kwargs: Any) -> gr.Accordion:
        box = gr.Accordion(t(key, self.lang), open=open, **kwargs)
        self.containers.append((box, key))
        return box

    def message(self, key: str, **kwargs: Any) -> gr.Textbox:
        """A result box: no visible label (its text says what it is), but a name for screen
        readers, in the page's language."""
        return self.label(gr.Textbox(label=t(key, self.lang), show_label=False,
                                     interactive=False, **kwargs), key)

    def markdown(self, key: str, **kwargs: Any) -> gr.Markdown:
        text = gr.Markdown(markdown_text(key, self.lang), **kwargs)
        self.markdowns.append((text, key))
        return text


def _mapping_step(page: Page) -> None:
    """The "map the columns" step, shown after the upload of a sign-up form export."""
    lang, L = page.lang, page.label
    page.map_path = gr.State(None)
    with gr.Column(visible=False, elem_id="map-step", elem_classes="map-step") as box:
        page.map_box = box
        page.markdown("map_title")
        page.map_intro = gr.Markdown(elem_id="map-intro")
        page.markdown("map_hint")
        page.map_role = L(gr.Radio(role_choices(lang), value="file", label=t("map_role", lang),
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
            page.map_update = L(gr.Checkbox(label=t("map_update", lang),
                                            elem_id="map-update"), "map_update")
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
    page.report = page.message("report_label", lines=4, elem_id="import-report")
    _mapping_step(page)
    page.search = L(gr.Textbox(label=t("search", lang), elem_id="people-search"), "search")
    page.people_df = L(gr.Dataframe(_empty_table(lang, "id", "name", "years", "department",
                                                 "role", "languages", "preference"),
                                    interactive=False, wrap=True,
                                    label=t("people_table", lang), show_label=False,
                                    elem_id="people-table", max_height=420), "people_table")
    with page.accordion("edit_person", open=False, elem_id="edit-box"):
        # no one chosen at first: a click on any row, the first one too, fills the form
        page.person_dd = L(gr.Dropdown([], value=None, label=t("person", lang),
                                       elem_id="person-dd", allow_custom_value=True), "person")
        with gr.Row():
            f_name = L(gr.Textbox(label=t("name", lang), elem_id="f-name"), "name")
            f_years = L(gr.Number(label=t("years", lang), elem_id="f-years"), "years")
            f_dept = L(gr.Textbox(label=t("department", lang), elem_id="f-dept"), "department")
            f_role = L(gr.Textbox(label=t("role", lang)), "role")
        with gr.Row():
            f_langs = L(gr.Textbox(label=t("languages", lang)), "languages")
            page.f_pref = L(gr.Dropdown(pref_choices(lang), value="either",
                                        label=t("role_preference", lang)), "role_preference")
            f_cap = L(gr.Number(value=None, label=t("capacity", lang), precision=0),
                      "capacity")
            f_manager = L(gr.Textbox(label=t("manager", lang)), "manager")
        f_profile = L(gr.Textbox(label=t("profile", lang), lines=3, elem_id="f-profile"),
                      "profile")
        f_offers = L(gr.Textbox(label=t("offers", lang), lines=2), "offers")
        f_wants = L(gr.Textbox(label=t("wants", lang), lines=2), "wants")
        with gr.Row():
            page.save_btn = page.button("save", variant="primary", elem_id="save-btn")
            page.confirm = L(gr.Checkbox(label=t("confirm_delete", lang)), "confirm_delete")
            page.delete_btn = page.button("delete", variant="stop")
        page.person_msg = page.message("person_msg_label", elem_id="person-msg")
    page.form = [f_name, f_years, f_dept, f_role, f_langs, f_profile, f_offers, f_wants,
                 page.f_pref, f_cap, f_manager]


def _pairs_tab(page: Page) -> None:
    lang, L = page.lang, page.label
    # the library's defaults until the page loads and reads the programme's saved settings
    params = MatchParams()
    page.markdown("help_pairs", elem_id="help-pairs")
    with page.accordion("settings_box", open=False):
        page.direction = L(gr.Radio(direction_choices(lang),
                                    value=params.direction, label=t("direction", lang),
                                    elem_id="direction"), "direction")
        with gr.Row():
            page.gap = L(gr.Slider(0, 20, value=params.min_experience_gap, step=0.5,
                                   label=t("gap", lang)), "gap")
            page.bonus = L(gr.Slider(0, 0.3, value=params.cross_department_bonus,
                                     step=0.01, label=t("bonus", lang)), "bonus")
            page.min_score = L(gr.Slider(0, 0.8, value=params.min_score, step=0.05,
                                         label=t("min_score", lang), elem_id="min-score"),
                               "min_score")
        with gr.Row():
            page.per_mentee = L(gr.Number(value=params.max_mentors_per_mentee, precision=0,
                                          minimum=1, maximum=5,
                                          label=t("per_mentee", lang)), "per_mentee")
            page.per_mentor = L(gr.Number(value=params.max_mentees_per_mentor or 0,
                                          precision=0, minimum=0, maximum=20,
                                          label=t("per_mentor", lang)), "per_mentor")
    with page.accordion("rules_box", open=False):
        page.markdown("rules_help")
        page.rules_text = L(gr.Code(value="", language="json", lines=12,
                                    interactive=True, label=t("rules_label", lang),
                                    elem_id="rules-text"), "rules_label")
        with gr.Row(equal_height=True):
            page.rules_btn = page.button("rules_save", elem_id="rules-btn", scale=1)
            page.rules_msg = page.message("rules_msg_label", elem_id="rules-msg", scale=3)
    with gr.Row(equal_height=True):
        page.run_btn = page.button("run", variant="primary", elem_id="run-btn", scale=1)
        page.summary = page.message("summary_label", elem_id="match-summary", scale=3)
    every = [(t("all", lang), "")]  # the refresh gives the filters their choices
    with gr.Row(equal_height=True):
        page.status_f = L(gr.Dropdown(every, value="", label=t("filter_status", lang),
                                      elem_id="filter-status", allow_custom_value=True),
                          "filter_status")
        page.level_f = L(gr.Dropdown(every, value="", label=t("filter_level", lang),
                                     elem_id="filter-level", allow_custom_value=True),
                         "filter_level")
        page.dept_f = L(gr.Dropdown(every, value="",
                                    label=t("filter_department", lang), elem_id="filter-dept",
                                    allow_custom_value=True), "filter_department")
        page.bulk_level = L(gr.Dropdown([(word(n, lang), n) for n, _ in LEVELS[:-1]],
                                        value="strong", label=t("bulk_level", lang),
                                        elem_id="bulk-level"), "bulk_level")
        page.bulk_btn = page.button("bulk_accept", elem_id="bulk-btn")
    page.levels_md = page.markdown("levels_explained", elem_id="levels-explained")
    page.pairs_df = L(gr.Dataframe(_empty_table(lang, "mentor", "mentee", "match", "status",
                                                "reasons"), interactive=False, wrap=True,
                                   label=t("pairs_table", lang), elem_id="pairs-table",
                                   column_widths=["15%", "15%", "11%", "11%", "48%"],
                                   max_height=460), "pairs_table")
    page.markdown("review_title")
    page.selected = gr.State(None)
    page.version = gr.State(0)
    page.review_html = gr.HTML(elem_id="pair-review")
    page.last_decision = gr.State([])  # what the undo puts back, this browser tab's own
    with gr.Row(elem_id="decisions"):
        page.decisions = {
            action: gr.Button(t(action, lang), elem_id=f"{action}-btn", interactive=False,
                              variant="primary" if action == "accept" else "secondary",
                              min_width=90)
            for action in DECISIONS}
        page.undo_btn = page.button("undo", elem_id="undo-btn", min_width=90)
    page.status_msg = page.message("decision_label", elem_id="pair-status")
    # pair kits: the introduction of the pair above (accepted or active), or of every
    # accepted pair in one zip; files only, nothing is sent
    with gr.Row(equal_height=True, elem_id="kit-actions"):
        page.kit_btn = page.button("kit", elem_id="kit-btn", scale=1)
        page.kits_btn = page.button("kits_accepted", elem_id="kits-btn", scale=1)
        page.kit_msg = page.message("kit_msg_label", elem_id="kit-msg", scale=2)
    page.kit_html = gr.HTML(elem_id="kit-preview")
    page.kit_files = L(gr.File(label=t("kit_files", lang), interactive=False,
                               file_count="multiple", elem_id="kit-files", visible=False),
                       "kit_files")
    with page.accordion("manual_title", open=False, elem_id="manual-box"):
        with gr.Row():
            page.manual_mentor = L(gr.Dropdown([], value=None,
                                               label=t("manual_mentor", lang),
                                               elem_id="manual-mentor", allow_custom_value=True),
                                   "manual_mentor")
            page.manual_mentee = L(gr.Dropdown([], value=None,
                                               label=t("manual_mentee", lang),
                                               elem_id="manual-mentee", allow_custom_value=True),
                                   "manual_mentee")
        page.manual_btn = page.button("manual_pair", elem_id="manual-btn")
        page.manual_msg = page.message("manual_msg_label", elem_id="manual-msg")
    page.unmatched_df = L(gr.Dataframe(_empty_table(lang, "id", "name", "reason"),
                                       interactive=False, wrap=True,
                                       label=t("unmatched", lang), elem_id="unmatched-table",
                                       column_widths=["10%", "20%", "70%"]), "unmatched")
    with gr.Row():
        page.fmt = L(gr.Radio(["csv", "xlsx", "json"], value="csv",
                              label=t("export_format", lang)), "export_format")
        page.export_btn = page.button("export", elem_id="export-btn")
        # shown once there is a file: an empty download box says nothing useful
        page.export_file = L(gr.File(label=t("export_file", lang), interactive=False,
                                     elem_id="export-file", height=90, visible=False),
                             "export_file")


def _sessions_tab(page: Page) -> None:
    lang, L = page.lang, page.label
    # no pair chosen at first (not Gradio's default, the first choice): the list is filled
    # when the page loads
    page.session_pair = L(gr.Dropdown([], value=None,
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
    page.log_msg = page.message("log_msg_label", elem_id="log-msg")
    page.history = L(gr.Dataframe(_empty_table(lang, "date", "rating", "topics", "text"),
                                  interactive=False,
                                  wrap=True, label=t("history", lang), elem_id="history",
                                  column_widths=["13%", "7%", "30%", "50%"]),
                     "history")
    # check-in forms filled by the pairs (see the Kits on the Pairs tab): their answers
    # stored as session notes, and who has not answered
    with page.accordion("checkin_box", open=False, elem_id="checkin-box"):
        with gr.Row(equal_height=True):
            page.checkin_files = L(gr.File(label=t("checkin_files", lang), type="filepath",
                                           file_count="multiple", elem_id="checkin-files",
                                           height=120, file_types=[".csv", ".xlsx"]),
                                   "checkin_files")
            page.checkin_btn = page.button("checkin_import", elem_id="checkin-btn")
        page.checkin_msg = page.message("checkin_msg_label", elem_id="checkin-msg", lines=3)


def _topics_tab(page: Page) -> None:
    lang, L = page.lang, page.label
    page.markdown("help_topics", elem_id="help-topics")
    with gr.Row():
        page.topic_pair = L(gr.Dropdown([], value=None,
                                        label=t("pair", lang), elem_id="topic-pair", scale=3,
                                        allow_custom_value=True), "pair")
        page.how_many = L(gr.Slider(1, 10, value=5, step=1, label=t("how_many", lang)),
                          "how_many")
    page.topics_btn = page.button("suggest_topics", variant="primary", elem_id="topics-btn")
    page.topics_html = gr.HTML(elem_id="topics-html")
    with page.accordion("catalogue_box", open=False, elem_id="catalogue-box"):
        page.catalogue_status = gr.Markdown(elem_id="catalogue-status")
        page.markdown("catalogue_help")
        with gr.Row(equal_height=True):
            page.catalogue_file = L(gr.File(label=t("catalogue_file", lang), type="filepath",
                                            elem_id="catalogue-file", height=120,
                                            file_types=[".csv", ".xlsx", ".json", ".jsonl"]),
                                    "catalogue_file")
            page.catalogue_load_btn = page.button("catalogue_load", elem_id="catalogue-load-btn")
        page.catalogue_df = L(gr.Dataframe(pd.DataFrame(columns=list(CATALOGUE_COLUMNS)),
                                           interactive=True, wrap=True,
                                           label=t("catalogue_table", lang),
                                           elem_id="catalogue-table", max_height=420,
                                           column_widths=["12%", "7%", "11%", "18%", "27%",
                                                          "25%"]), "catalogue_table")
        page.cohort_draw_btn = page.button("cohort_draw", elem_id="cohort-draw-btn")
        page.cohort_df = L(gr.Dataframe(_empty_table(lang, *DRAWN_COLUMNS), interactive=False,
                                        wrap=True, label=t("cohort_table", lang),
                                        elem_id="cohort-table", max_height=300, visible=False),
                           "cohort_table")
        with gr.Row(equal_height=True):
            page.merge_ids = L(gr.Textbox(label=t("merge_ids", lang), elem_id="merge-ids",
                                          scale=2), "merge_ids")
            page.merge_title = L(gr.Textbox(label=t("merge_title", lang),
                                            elem_id="merge-title", scale=2), "merge_title")
            page.merge_btn = page.button("merge_btn", elem_id="merge-btn", scale=1)
        with gr.Row():
            page.catalogue_save_btn = page.button("catalogue_save", variant="primary",
                                                  elem_id="catalogue-save-btn")
            page.catalogue_reset_btn = page.button("catalogue_shipped",
                                                   elem_id="catalogue-reset-btn")
        page.catalogue_msg = page.message("catalogue_msg", elem_id="catalogue-msg", lines=2)


def _insights_tab(page: Page) -> None:
    lang, L = page.lang, page.label
    page.markdown("help_insights", elem_id="help-insights")
    page.refresh_btn = page.button("refresh", elem_id="refresh-btn")
    with gr.Row():
        page.plots = [gr.Plot(show_label=False, elem_id=f"chart-{i}") for i in range(3)]
    page.risk_df = L(gr.Dataframe(_empty_table(lang, "mentor", "mentee", "sessions", "last",
                                               "reasons"), interactive=False,
                                  wrap=True, label=t("at_risk", lang), elem_id="risk-table",
                                  column_widths=["15%", "15%", "10%", "13%", "47%"]),
                     "at_risk")
    page.themes_df = L(gr.Dataframe(headers=list(page.c.themes_columns(lang)),
                                    interactive=False, wrap=True, label=t("themes", lang),
                                    elem_id="themes-table",
                                    column_widths=["28%", "8%", "34%", "20%", "10%"]), "themes")


def _settings_tab(page: Page) -> None:
    # off until the page loads and reads the workspace's choice
    page.notes_visible = page.label(gr.Checkbox(False,
                                                label=t("notes_visible", page.lang),
                                                elem_id="notes-visible"),
                                    "notes_visible")


def build(coordinator: Coordinator, lang: str = "en") -> gr.Blocks:
    """The page: one tab per step of the coordinator's workflow, built without reading the
    workspace (see the module's documentation)."""
    page = Page(coordinator, lang)
    with gr.Blocks(title=t("title", lang), analytics_enabled=False,
                   delete_cache=(1800, 1800)) as demo:
        page.demo = demo
        page.ui_lang = gr.State(lang)
        with gr.Row():
            # the programme's own title (its direction) and counts come with the load
            page.header = gr.Markdown(f"# {t('title', lang)}\n{t('subtitle', lang)}",
                                      elem_id="page-header")
            page.language = page.label(gr.Radio(["en", "fr"], value=lang,
                                                label=t("language", lang), scale=0,
                                                elem_id="language"), "language")
        page.overview = gr.Markdown(elem_id="overview")
        with gr.Tabs():
            for key, tab_id, builder in (
                ("tab_people", "people", _people_tab), ("tab_pairs", "pairs", _pairs_tab),
                ("tab_sessions", "sessions", _sessions_tab),
                ("tab_topics", "topics", _topics_tab),
                ("tab_insights", "insights", _insights_tab),
                ("tab_settings", "settings", _settings_tab),
            ):
                with page.tab(key, tab_id) as tab:
                    builder(page)
                if tab_id == "insights":
                    page.insights_tab = tab
        wire(page)
    return demo


@dataclass(frozen=True)
class PageOptions:
    """How the page is served (``app.py``'s command line).

    Attributes:
        workspace: the workspace folder.
        database_url: the workspace's database (default: ``$TANDEM_DATABASE_URL``, else the
            folder's own SQLite file).
        host, port: where to listen (loopback by default).
        auth_file: JSON file of users and password hashes.
        embedder: embedder for a new workspace.
        lang: the page's first language.
        demo: fill an empty workspace with the bundled demo programme.
    """

    workspace: str = "workspace"
    database_url: str | None = None
    host: str = "127.0.0.1"
    port: int = 7860
    auth_file: str | None = None
    embedder: str | None = None
    lang: str = "en"
    demo: bool = False


def launch(options: PageOptions) -> None:
    """Open the workspace and serve the page until interrupted.

    Raises:
        LaunchRefused: serving beyond loopback without users (checked before any personal
            data is read).
    """
    users = load_users(options.auth_file)
    check_launch(options.host, users)  # before any personal data is loaded
    if options.database_url:  # read by every opening of the workspace below
        os.environ["TANDEM_DATABASE_URL"] = options.database_url
    if options.demo:
        rec = load_demo(options.workspace, options.embedder)  # fictional data: notes may be read
    else:
        rec = Recommender.open(options.workspace, options.embedder)
    demo = build(Coordinator(rec), options.lang)
    guard = LoginGuard(users) if users else None
    demo.queue(default_concurrency_limit=4).launch(
        server_name=options.host, server_port=options.port, share=False,
        auth=guard.login if guard else None, show_error=True, css=CSS,
        head=head_script(options.lang), theme=gr.themes.Soft(primary_hue="blue"),
        # the login check needs the client's address, which Gradio does not pass it
        app_kwargs={"middleware": login_middleware()})
