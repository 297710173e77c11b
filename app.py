"""Coordinator page: wires the package's handlers into Gradio Blocks and launches.

    python app.py --workspace DIR [--host H] [--port P] [--auth-file users.json] [--demo]

Binds to 127.0.0.1 by default; any other address needs users (``--auth-file`` or
``TANDEM_USERS``). No share link, no analytics.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
from typing import Any

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"  # before gradio is imported: no telemetry

import gradio as gr

from recommender import Recommender, load_demo
from recommender.records import KEPT_STATUSES
from recommender.ui import Coordinator, t
from recommender.ui.security import authenticator, check_launch, load_users

CSS = """
.topic-card {border: 1px solid #d0d7e2; border-radius: 8px; padding: 8px 14px; margin: 8px 0;}
.topic-card h3 {margin: 4px 0;}
.covered {color: #555; margin-top: 10px;}
"""


class Page:
    """The page's components, filled in by one builder per tab and wired afterwards."""

    def __init__(self, coordinator: Coordinator, lang: str):
        self.c = coordinator
        self.lang = lang
        self.labelled: list[tuple[Any, str]] = []  # (component, i18n key of its label)
        self.containers: list[tuple[Any, str]] = []  # tabs and accordions
        self.buttons: list[tuple[Any, str]] = []

    def label(self, component: Any, key: str) -> Any:
        self.labelled.append((component, key))
        return component

    def button(self, key: str, **kwargs: Any) -> Any:
        button = gr.Button(t(key, self.lang), **kwargs)
        self.buttons.append((button, key))
        return button

    def tab(self, key: str, tab_id: str) -> Any:
        tab = gr.Tab(t(key, self.lang), id=tab_id)
        self.containers.append((tab, key))
        return tab


def _people_tab(page: Page) -> None:
    c, lang, L = page.c, page.lang, page.label
    types = [".csv", ".xlsx", ".json", ".jsonl"]
    with gr.Row():
        page.people_file = L(gr.File(label=t("upload", lang), type="filepath",
                                     elem_id="people-file", file_types=types), "upload")
        page.notes_file = L(gr.File(label=t("upload_notes", lang), type="filepath",
                                    elem_id="notes-file", file_types=types), "upload_notes")
    page.import_btn = page.button("import", variant="primary", elem_id="import-btn")
    page.report = gr.Textbox(show_label=False, lines=4, interactive=False, elem_id="import-report")
    page.search = L(gr.Textbox(label=t("search", lang), elem_id="people-search"), "search")
    page.people_df = gr.Dataframe(c.people_table("", lang), interactive=False, wrap=True,
                                  elem_id="people-table")
    edit_box = gr.Accordion(t("edit_person", lang), open=False)
    page.containers.append((edit_box, "edit_person"))
    with edit_box:
        page.person_dd = L(gr.Dropdown(c.person_ids(), label=t("person", lang),
                                       elem_id="person-dd"), "person")
        with gr.Row():
            f_name = L(gr.Textbox(label=t("name", lang)), "name")
            f_years = L(gr.Number(label=t("years", lang)), "years")
            f_dept = L(gr.Textbox(label=t("department", lang)), "department")
            f_role = L(gr.Textbox(label=t("role", lang)), "role")
        with gr.Row():
            f_langs = L(gr.Textbox(label=t("languages", lang)), "languages")
            f_pref = L(gr.Dropdown(["mentor", "mentee", "either"],
                                   label=t("role_preference", lang)), "role_preference")
            f_cap = L(gr.Number(label=t("capacity", lang), precision=0), "capacity")
            f_manager = L(gr.Textbox(label=t("manager", lang)), "manager")
        f_profile = L(gr.Textbox(label=t("profile", lang), lines=3), "profile")
        f_offers = L(gr.Textbox(label=t("offers", lang), lines=2), "offers")
        f_wants = L(gr.Textbox(label=t("wants", lang), lines=2), "wants")
        with gr.Row():
            page.save_btn = page.button("save", variant="primary")
            page.confirm = L(gr.Checkbox(label=t("confirm_delete", lang)), "confirm_delete")
            page.delete_btn = page.button("delete", variant="stop")
        page.person_msg = gr.Textbox(show_label=False, interactive=False, elem_id="person-msg")
    page.form = [f_name, f_years, f_dept, f_role, f_langs, f_profile, f_offers, f_wants, f_pref,
                 f_cap, f_manager]


def _pairs_tab(page: Page) -> None:
    c, lang, L = page.c, page.lang, page.label
    with gr.Row():
        page.gap = L(gr.Slider(0, 20, value=c.rec.params.min_experience_gap, step=0.5,
                               label=t("gap", lang)), "gap")
        page.bonus = L(gr.Slider(0, 0.3, value=c.rec.params.cross_department_bonus, step=0.01,
                                 label=t("bonus", lang)), "bonus")
        page.per_mentee = L(gr.Number(value=1, precision=0, minimum=1, maximum=5,
                                      label=t("per_mentee", lang)), "per_mentee")
        page.per_mentor = L(gr.Number(value=0, precision=0, minimum=0, maximum=20,
                                      label=t("per_mentor", lang)), "per_mentor")
    page.run_btn = page.button("run", variant="primary", elem_id="run-btn")
    page.summary = gr.Textbox(show_label=False, interactive=False, elem_id="match-summary")
    page.pairs_df = L(gr.Dataframe(c.pairs_table(lang), interactive=False, wrap=True,
                                   label=t("pairs_table", lang), elem_id="pairs-table"),
                      "pairs_table")
    with gr.Row():
        page.pair_dd = L(gr.Dropdown(c.pair_choices(), label=t("pair", lang), elem_id="pair-dd",
                                     scale=3), "pair")
        page.status_buttons = [
            (page.button("accept", elem_id="accept-btn"), "accept"),
            (page.button("reject"), "reject"), (page.button("lock"), "lock"),
            (page.button("activate"), "activate"), (page.button("end"), "end")]
    page.status_msg = gr.Textbox(show_label=False, interactive=False, elem_id="pair-status")
    page.unmatched_df = L(gr.Dataframe(interactive=False, wrap=True, label=t("unmatched", lang)),
                          "unmatched")
    with gr.Row():
        page.fmt = L(gr.Radio(["csv", "xlsx", "json"], value="csv",
                              label=t("export_format", lang)), "export_format")
        page.export_btn = page.button("export")
        page.export_file = gr.File(label="", interactive=False)


def _sessions_tab(page: Page) -> None:
    c, lang, L = page.c, page.lang, page.label
    page.session_pair = L(gr.Dropdown(c.pair_choices(KEPT_STATUSES), label=t("pair", lang),
                                      elem_id="session-pair"), "pair")
    with gr.Row():
        page.note_date = L(gr.Textbox(dt.date.today().isoformat(), label=t("date", lang),
                                      elem_id="note-date"), "date")
        page.note_rating = L(gr.Slider(1, 5, value=4, step=1, label=t("rating", lang)), "rating")
    page.note_text = L(gr.Textbox(label=t("note_text", lang), lines=3, elem_id="note-text"),
                       "note_text")
    page.log_btn = page.button("log", variant="primary", elem_id="log-btn")
    page.log_msg = gr.Textbox(show_label=False, interactive=False, elem_id="log-msg")
    page.history = L(gr.Dataframe(interactive=False, wrap=True, label=t("history", lang),
                                  elem_id="history"), "history")


def _topics_tab(page: Page) -> None:
    c, lang, L = page.c, page.lang, page.label
    with gr.Row():
        page.topic_pair = L(gr.Dropdown(c.pair_choices(KEPT_STATUSES), label=t("pair", lang),
                                        elem_id="topic-pair", scale=3), "pair")
        page.how_many = L(gr.Slider(1, 10, value=5, step=1, label=t("how_many", lang)),
                          "how_many")
    page.topics_btn = page.button("suggest_topics", variant="primary", elem_id="topics-btn")
    page.topics_html = gr.HTML(elem_id="topics-html")


def _insights_tab(page: Page) -> None:
    lang, L = page.lang, page.label
    page.refresh_btn = page.button("refresh", variant="primary", elem_id="refresh-btn")
    with gr.Row():
        page.plots = [gr.Plot(label=""), gr.Plot(label=""), gr.Plot(label="")]
    page.risk_df = L(gr.Dataframe(interactive=False, wrap=True, label=t("at_risk", lang),
                                  elem_id="risk-table"), "at_risk")
    page.themes_df = L(gr.Dataframe(interactive=False, wrap=True, label=t("themes", lang),
                                    elem_id="themes-table"), "themes")


def _settings_tab(page: Page) -> None:
    page.notes_visible = page.label(gr.Checkbox(page.c.notes_visible(),
                                                label=t("notes_visible", page.lang)),
                                    "notes_visible")


def _wire(page: Page) -> None:
    """Events: each calls one handler of the package and refreshes what it changed."""
    c = page.c
    pair_lists = [page.pair_dd, page.session_pair, page.topic_pair]

    def pair_updates() -> tuple[Any, Any, Any]:
        return (gr.update(choices=c.pair_choices()),
                gr.update(choices=c.pair_choices(KEPT_STATUSES)),
                gr.update(choices=c.pair_choices(KEPT_STATUSES)))

    def switch_language(new: str) -> list[Any]:
        updates: list[Any] = [new, f"## {t('title', new)}\n{t('subtitle', new)}"]
        updates += [gr.update(label=t(key, new)) for _, key in page.containers]
        updates += [gr.update(value=t(key, new)) for _, key in page.buttons]
        updates += [gr.update(label=t(key, new)) for _, key in page.labelled]
        return [*updates, c.people_table("", new), c.pairs_table(new)]

    page.language.change(
        switch_language, page.language,
        [page.ui_lang, page.header, *(x for x, _ in page.containers),
         *(x for x, _ in page.buttons), *(x for x, _ in page.labelled), page.people_df,
         page.pairs_df], api_name="set_language")

    def do_import(people: str | None, notes: str | None, lg: str,
                  progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:  # noqa: B008
        result = c.import_files(people, notes, lg, progress=lambda f, msg: progress(f, desc=msg))
        return (result.message, c.people_table("", lg), gr.update(choices=c.person_ids()),
                None, None)

    page.import_btn.click(do_import, [page.people_file, page.notes_file, page.ui_lang],
                          [page.report, page.people_df, page.person_dd, page.people_file,
                           page.notes_file], api_name="import_files")
    page.search.change(c.people_table, [page.search, page.ui_lang], page.people_df,
                       api_name="people_table")
    page.person_dd.change(c.person_fields, page.person_dd, page.form, api_name="person_fields")

    def do_save(pid: str | None, *values: Any) -> tuple[str, Any]:
        *fields, lg = values
        return c.save_person(pid, *fields, lang=lg).message, c.people_table("", lg)

    page.save_btn.click(do_save, [page.person_dd, *page.form, page.ui_lang],
                        [page.person_msg, page.people_df], api_name="save_person")

    def do_delete(pid: str | None, ok: bool, lg: str) -> tuple[Any, ...]:
        message = c.delete_person(pid, ok, lg).message
        return (message, c.people_table("", lg), gr.update(choices=c.person_ids(), value=None),
                False, c.pairs_table(lg), *pair_updates())

    page.delete_btn.click(do_delete, [page.person_dd, page.confirm, page.ui_lang],
                          [page.person_msg, page.people_df, page.person_dd, page.confirm,
                           page.pairs_df, *pair_lists], api_name="delete_person")

    def do_match(g: float, b: float, n: float, cap: float, lg: str,
                 progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:  # noqa: B008
        text, pairs, unmatched = c.run_matching(
            g, b, n, cap, lg, progress=lambda f, msg: progress(f, desc=msg))
        return (text, pairs, unmatched, *pair_updates())

    page.run_btn.click(do_match, [page.gap, page.bonus, page.per_mentee, page.per_mentor,
                                  page.ui_lang],
                       [page.summary, page.pairs_df, page.unmatched_df, *pair_lists],
                       api_name="run_matching")
    for button, action in page.status_buttons:
        def do_status(key: str | None, lg: str, action: str = action) -> tuple[Any, ...]:
            return (c.set_pair_status(key, action, lg).message, c.pairs_table(lg),
                    *pair_updates())

        button.click(do_status, [page.pair_dd, page.ui_lang],
                     [page.status_msg, page.pairs_df, *pair_lists], api_name=f"{action}_pair")
    page.export_btn.click(c.export_pairs, page.fmt, page.export_file, api_name="export_pairs")

    def do_log(key: str | None, date: str, text: str, rating: float, lg: str) -> tuple[Any, ...]:
        result = c.log_note(key, date, text, rating, lg)
        return result.message, c.pair_history(key, lg), "" if result.ok else text

    page.log_btn.click(do_log, [page.session_pair, page.note_date, page.note_text,
                                page.note_rating, page.ui_lang],
                       [page.log_msg, page.history, page.note_text], api_name="log_note")
    page.session_pair.change(c.pair_history, [page.session_pair, page.ui_lang], page.history,
                             api_name="pair_history")
    page.topics_btn.click(c.next_topics_html, [page.topic_pair, page.how_many, page.ui_lang],
                          page.topics_html, api_name="next_topics")

    def do_insights(lg: str) -> tuple[Any, ...]:
        return (*c.charts(lg), c.risk_table(lg), c.themes_table(lg))

    page.refresh_btn.click(do_insights, page.ui_lang,
                           [*page.plots, page.risk_df, page.themes_df], api_name="insights")
    page.notes_visible.change(c.set_notes_visible, page.notes_visible, page.notes_visible,
                              api_name="set_notes_visible")


def build_demo(coordinator: Coordinator, lang: str = "en") -> gr.Blocks:
    """The page: one tab per step of the coordinator's workflow."""
    page = Page(coordinator, lang)
    with gr.Blocks(title=t("title", lang), analytics_enabled=False,
                   delete_cache=(1800, 1800)) as demo:
        page.ui_lang = gr.State(lang)
        with gr.Row():
            page.header = gr.Markdown(f"## {t('title', lang)}\n{t('subtitle', lang)}")
            page.language = page.label(gr.Radio(["en", "fr"], value=lang,
                                                label=t("language", lang), scale=0), "language")
        with gr.Tabs():
            for key, tab_id, build in (
                ("tab_people", "people", _people_tab), ("tab_pairs", "pairs", _pairs_tab),
                ("tab_sessions", "sessions", _sessions_tab),
                ("tab_topics", "topics", _topics_tab),
                ("tab_insights", "insights", _insights_tab),
                ("tab_settings", "settings", _settings_tab),
            ):
                with page.tab(key, tab_id):
                    build(page)
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
        theme=gr.themes.Soft(primary_hue="blue"))


if __name__ == "__main__":
    sys.exit(main())
