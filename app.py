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
from recommender.ui import Coordinator, t
from recommender.ui.handlers import NOTES_SETTING
from recommender.ui.security import authenticator, check_launch, load_users

CSS = """
.topic-card {border: 1px solid #d0d7e2; border-radius: 8px; padding: 8px 14px; margin: 8px 0;}
.topic-card h3 {margin: 4px 0;}
.covered {color: #555; margin-top: 10px;}
"""


def build_demo(coordinator: Coordinator, lang: str = "en") -> gr.Blocks:
    """The page: one tab per step of the coordinator's workflow."""
    c = coordinator
    labelled: list[tuple[Any, str]] = []

    def L(component: Any, key: str) -> Any:
        labelled.append((component, key))
        return component

    with gr.Blocks(title=t("title", lang), analytics_enabled=False,
                   delete_cache=(1800, 1800)) as demo:
        ui_lang = gr.State(lang)
        with gr.Row():
            header = gr.Markdown(f"## {t('title', lang)}\n{t('subtitle', lang)}")
            language = L(gr.Radio(["en", "fr"], value=lang, label=t("language", lang), scale=0),
                         "language")
        with gr.Tabs():
            # ---------------------------------------------------------------- participants
            with gr.Tab(t("tab_people", lang), id="people") as tab_people:
                with gr.Row():
                    people_file = L(gr.File(label=t("upload", lang), type="filepath", elem_id="people-file",
                                            file_types=[".csv", ".xlsx", ".json", ".jsonl"]),
                                    "upload")
                    notes_file = L(gr.File(label=t("upload_notes", lang), type="filepath",
                                           elem_id="notes-file",
                                           file_types=[".csv", ".xlsx", ".json", ".jsonl"]),
                                   "upload_notes")
                import_btn = gr.Button(t("import", lang), variant="primary", elem_id="import-btn")
                report = gr.Textbox(show_label=False, lines=4, interactive=False, elem_id="import-report")
                search = L(gr.Textbox(label=t("search", lang), elem_id="people-search"), "search")
                people_df = gr.Dataframe(c.people_table("", lang), interactive=False,
                                         wrap=True, elem_id="people-table")
                with gr.Accordion(t("edit_person", lang), open=False) as edit_box:
                    person_dd = L(gr.Dropdown(c.person_ids(), label=t("person", lang),
                                              elem_id="person-dd"), "person")
                    with gr.Row():
                        f_name = L(gr.Textbox(label=t("name", lang)), "name")
                        f_years = L(gr.Number(label=t("years", lang)), "years")
                        f_dept = L(gr.Textbox(label=t("department", lang)), "department")
                        f_role = L(gr.Textbox(label=t("role", lang)), "role")
                    with gr.Row():
                        f_langs = L(gr.Textbox(label=t("languages", lang)), "languages")
                        f_pref = L(gr.Dropdown(["mentor", "mentee", "either"],
                                               label=t("role_preference", lang)),
                                   "role_preference")
                        f_cap = L(gr.Number(label=t("capacity", lang), precision=0), "capacity")
                        f_manager = L(gr.Textbox(label=t("manager", lang)), "manager")
                    f_profile = L(gr.Textbox(label=t("profile", lang), lines=3), "profile")
                    f_offers = L(gr.Textbox(label=t("offers", lang), lines=2), "offers")
                    f_wants = L(gr.Textbox(label=t("wants", lang), lines=2), "wants")
                    with gr.Row():
                        save_btn = gr.Button(t("save", lang), variant="primary")
                        confirm = L(gr.Checkbox(label=t("confirm_delete", lang)), "confirm_delete")
                        delete_btn = gr.Button(t("delete", lang), variant="stop")
                    person_msg = gr.Textbox(show_label=False, interactive=False, elem_id="person-msg")
            # ---------------------------------------------------------------- pairs
            with gr.Tab(t("tab_pairs", lang), id="pairs") as tab_pairs:
                with gr.Row():
                    gap = L(gr.Slider(0, 20, value=c.rec.params.min_experience_gap, step=0.5,
                                      label=t("gap", lang)), "gap")
                    bonus = L(gr.Slider(0, 0.3, value=c.rec.params.cross_department_bonus,
                                        step=0.01, label=t("bonus", lang)), "bonus")
                    per_mentee = L(gr.Number(value=1, precision=0, minimum=1, maximum=5,
                                             label=t("per_mentee", lang)), "per_mentee")
                    per_mentor = L(gr.Number(value=0, precision=0, minimum=0, maximum=20,
                                             label=t("per_mentor", lang)), "per_mentor")
                run_btn = gr.Button(t("run", lang), variant="primary", elem_id="run-btn")
                summary = gr.Textbox(show_label=False, interactive=False, elem_id="match-summary")
                pairs_df = L(gr.Dataframe(c.pairs_table(lang), interactive=False, wrap=True,
                                          label=t("pairs_table", lang), elem_id="pairs-table"),
                             "pairs_table")
                with gr.Row():
                    pair_dd = L(gr.Dropdown(c.pair_choices(), label=t("pair", lang),
                                            elem_id="pair-dd", scale=3), "pair")
                    accept_btn = gr.Button(t("accept", lang), elem_id="accept-btn")
                    reject_btn = gr.Button(t("reject", lang))
                    lock_btn = gr.Button(t("lock", lang))
                    activate_btn = gr.Button(t("activate", lang))
                    end_btn = gr.Button(t("end", lang))
                status_msg = gr.Textbox(show_label=False, interactive=False, elem_id="pair-status")
                unmatched_df = L(gr.Dataframe(interactive=False, wrap=True,
                                              label=t("unmatched", lang)), "unmatched")
                with gr.Row():
                    fmt = L(gr.Radio(["csv", "xlsx", "json"], value="csv",
                                     label=t("export_format", lang)), "export_format")
                    export_btn = gr.Button(t("export", lang))
                    export_file = gr.File(label="", interactive=False)
            # ---------------------------------------------------------------- sessions
            with gr.Tab(t("tab_sessions", lang), id="sessions") as tab_sessions:
                session_pair = L(gr.Dropdown(c.pair_choices(("accepted", "active")),
                                             label=t("pair", lang), elem_id="session-pair"),
                                 "pair")
                with gr.Row():
                    note_date = L(gr.Textbox(dt.date.today().isoformat(), label=t("date", lang),
                                             elem_id="note-date"), "date")
                    note_rating = L(gr.Slider(1, 5, value=4, step=1, label=t("rating", lang)),
                                    "rating")
                note_text = L(gr.Textbox(label=t("note_text", lang), lines=3,
                                         elem_id="note-text"), "note_text")
                log_btn = gr.Button(t("log", lang), variant="primary", elem_id="log-btn")
                log_msg = gr.Textbox(show_label=False, interactive=False, elem_id="log-msg")
                history = L(gr.Dataframe(interactive=False, wrap=True, label=t("history", lang),
                                         elem_id="history"), "history")
            # ---------------------------------------------------------------- topics
            with gr.Tab(t("tab_topics", lang), id="topics") as tab_topics:
                with gr.Row():
                    topic_pair = L(gr.Dropdown(c.pair_choices(("accepted", "active")),
                                               label=t("pair", lang), elem_id="topic-pair",
                                               scale=3), "pair")
                    how_many = L(gr.Slider(1, 10, value=5, step=1, label=t("how_many", lang)),
                                 "how_many")
                topics_btn = gr.Button(t("suggest_topics", lang), variant="primary",
                                       elem_id="topics-btn")
                topics_html = gr.HTML(elem_id="topics-html")
            # ---------------------------------------------------------------- insights
            with gr.Tab(t("tab_insights", lang), id="insights") as tab_insights:
                refresh_btn = gr.Button(t("refresh", lang), variant="primary", elem_id="refresh-btn")
                with gr.Row():
                    plot_sessions = gr.Plot(label="")
                    plot_scores = gr.Plot(label="")
                    plot_coverage = gr.Plot(label="")
                risk_df = L(gr.Dataframe(interactive=False, wrap=True, label=t("at_risk", lang),
                                         elem_id="risk-table"), "at_risk")
                themes_df = L(gr.Dataframe(interactive=False, wrap=True, label=t("themes", lang),
                                           elem_id="themes-table"), "themes")
            # ---------------------------------------------------------------- settings
            with gr.Tab(t("tab_settings", lang), id="settings") as tab_settings:
                notes_visible = L(gr.Checkbox(c.notes_visible(), label=t("notes_visible", lang)),
                                  "notes_visible")

        tabs = [(tab_people, "tab_people"), (tab_pairs, "tab_pairs"),
                (tab_sessions, "tab_sessions"), (tab_topics, "tab_topics"),
                (tab_insights, "tab_insights"), (tab_settings, "tab_settings"),
                (edit_box, "edit_person")]  # containers whose label follows the language
        buttons = [(import_btn, "import"), (save_btn, "save"), (delete_btn, "delete"),
                   (run_btn, "run"), (accept_btn, "accept"), (reject_btn, "reject"),
                   (lock_btn, "lock"), (activate_btn, "activate"), (end_btn, "end"),
                   (export_btn, "export"), (log_btn, "log"), (topics_btn, "suggest_topics"),
                   (refresh_btn, "refresh")]

        # ------------------------------------------------------------------ wiring
        def pair_updates() -> tuple[Any, Any, Any]:
            return (gr.update(choices=c.pair_choices()),
                    gr.update(choices=c.pair_choices(("accepted", "active"))),
                    gr.update(choices=c.pair_choices(("accepted", "active"))))

        def switch_language(new: str) -> list[Any]:
            updates: list[Any] = [new, f"## {t('title', new)}\n{t('subtitle', new)}"]
            updates += [gr.update(label=t(key, new)) for _, key in tabs]
            updates += [gr.update(value=t(key, new)) for _, key in buttons]
            updates += [gr.update(label=t(key, new)) for _, key in labelled]
            updates += [c.people_table("", new), c.pairs_table(new)]
            return updates

        language.change(
            switch_language, language,
            [ui_lang, header, *(x for x, _ in tabs), *(x for x, _ in buttons),
             *(x for x, _ in labelled), people_df, pairs_df], api_name="set_language")

        def do_import(people: str | None, notes: str | None, lg: str,
                      progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:  # noqa: B008
            message = c.import_files(people, notes, lg,
                                     progress=lambda f, msg: progress(f, desc=msg))
            return (message, c.people_table("", lg), gr.update(choices=c.person_ids()),
                    None, None)

        import_btn.click(do_import, [people_file, notes_file, ui_lang],
                         [report, people_df, person_dd, people_file, notes_file],
                         api_name="import_files")
        search.change(c.people_table, [search, ui_lang], people_df, api_name="people_table")
        form = [f_name, f_years, f_dept, f_role, f_langs, f_profile, f_offers, f_wants, f_pref,
                f_cap, f_manager]
        person_dd.change(c.person_fields, person_dd, form, api_name="person_fields")

        def do_save(pid: str | None, *values: Any) -> tuple[str, Any]:
            *fields, lg = values
            return c.save_person(pid, *fields, lang=lg), c.people_table("", lg)

        save_btn.click(do_save, [person_dd, *form, ui_lang], [person_msg, people_df],
                       api_name="save_person")

        def do_delete(pid: str | None, ok: bool, lg: str) -> tuple[Any, ...]:
            message = c.delete_person(pid, ok, lg)
            return (message, c.people_table("", lg), gr.update(choices=c.person_ids(), value=None),
                    False, c.pairs_table(lg), *pair_updates())

        delete_btn.click(do_delete, [person_dd, confirm, ui_lang],
                         [person_msg, people_df, person_dd, confirm, pairs_df, pair_dd,
                          session_pair, topic_pair], api_name="delete_person")

        def do_match(g: float, b: float, n: float, cap: float, lg: str,
                     progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:  # noqa: B008
            text, pairs, unmatched = c.run_matching(
                g, b, n, cap, lg, progress=lambda f, msg: progress(f, desc=msg))
            return (text, pairs, unmatched, *pair_updates())

        run_btn.click(do_match, [gap, bonus, per_mentee, per_mentor, ui_lang],
                      [summary, pairs_df, unmatched_df, pair_dd, session_pair, topic_pair],
                      api_name="run_matching")

        for button, action in ((accept_btn, "accept"), (reject_btn, "reject"),
                               (lock_btn, "lock"), (activate_btn, "activate"), (end_btn, "end")):
            def do_status(key: str | None, lg: str, action: str = action) -> tuple[Any, ...]:
                return (c.set_pair_status(key, action, lg), c.pairs_table(lg), *pair_updates())

            button.click(do_status, [pair_dd, ui_lang],
                         [status_msg, pairs_df, pair_dd, session_pair, topic_pair],
                         api_name=f"{action}_pair")

        export_btn.click(c.export_pairs, fmt, export_file, api_name="export_pairs")

        def do_log(key: str | None, date: str, text: str, rating: float,
                   lg: str) -> tuple[Any, ...]:
            message = c.log_note(key, date, text, rating, lg)
            done = message == t("logged", lg)
            return message, c.pair_history(key, lg), "" if done else text

        log_btn.click(do_log, [session_pair, note_date, note_text, note_rating, ui_lang],
                      [log_msg, history, note_text], api_name="log_note")
        session_pair.change(c.pair_history, [session_pair, ui_lang], history,
                            api_name="pair_history")
        topics_btn.click(c.next_topics_html, [topic_pair, how_many, ui_lang], topics_html,
                         api_name="next_topics")

        def do_insights(lg: str) -> tuple[Any, ...]:
            return (*c.charts(lg), c.risk_table(lg), c.themes_table(lg))

        refresh_btn.click(do_insights, ui_lang,
                          [plot_sessions, plot_scores, plot_coverage, risk_df, themes_df],
                          api_name="insights")
        notes_visible.change(c.set_notes_visible, notes_visible, notes_visible,
                             api_name="set_notes_visible")
    return demo


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Reverse-mentoring coordinator page")
    parser.add_argument("--workspace", default="workspace", help="workspace folder")
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
    if args.demo:
        rec = load_demo(args.workspace, args.embedder)
        if rec.store.get_setting(NOTES_SETTING) is None:
            rec.store.set_setting(NOTES_SETTING, True)  # fictional data: notes may be shown
    else:
        rec = Recommender.open(args.workspace, args.embedder)
    demo = build_demo(Coordinator(rec), args.lang)
    demo.queue(default_concurrency_limit=4).launch(
        server_name=args.host, server_port=args.port, share=False,
        auth=authenticator(users) if users else None, show_error=True, css=CSS,
        theme=gr.themes.Soft(primary_hue="blue"))


if __name__ == "__main__":
    sys.exit(main())
