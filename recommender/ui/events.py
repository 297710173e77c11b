"""The page's events: each calls one handler of the package (:class:`~.coordinator.Coordinator`),
then one ``refresh`` re-reads from the workspace what the page shows."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import gradio as gr

from ..language.formats import format_date, parse_date
from ..records import KEPT_STATUSES
from .i18n import LEVELS, t, word
from .widgets import choices_update, direction_choices, flagged, markdown_text, pref_choices, role_choices

if TYPE_CHECKING:
    from .page import Page

__all__ = ["wire"]

After = Callable[[Any], Any]
"""Chains the refresh after an event that changed the workspace."""


def wire(page: Page) -> None:
    """Every event of the page, tab by tab."""
    after = _refresh(page)
    insights, insights_out = _insights(page)
    _language(page, after, insights, insights_out)
    _participants(page, after)
    _mapping_step(page, after)
    _pairs(page, after)
    _sessions(page, after)
    _catalogue(page, after)
    _kits(page)
    page.insights_tab.select(insights, page.ui_lang, insights_out)
    page.refresh_btn.click(insights, page.ui_lang, insights_out, api_name="insights")
    c = page.c
    # the page is built with the box off: the workspace's choice comes with the load (after
    # the login), and only a click writes it (.input: the load's own update is no change)
    page.demo.load(c.notes_visible, None, page.notes_visible)
    after(page.notes_visible.input(c.set_notes_visible, page.notes_visible, page.notes_visible,
                                   api_name="set_notes_visible"))


def _refresh(page: Page) -> After:
    """One refresh, after the page loads and after every action that changes the workspace:
    every table and choice list read again."""
    c = page.c
    refresh_in = [page.ui_lang, page.search, page.status_f, page.level_f, page.dept_f,
                  page.selected, page.session_pair, page.topic_pair, page.person_dd,
                  page.manual_mentor, page.manual_mentee]
    decision_buttons = list(page.decisions.values())
    refresh_out = [page.header, page.overview, page.people_df, page.person_dd, page.pairs_df,
                   page.unmatched_df, page.session_pair, page.topic_pair, page.manual_mentor,
                   page.manual_mentee, page.status_f, page.level_f, page.dept_f, page.history,
                   page.selected, page.version, page.review_html, *decision_buttons]

    def refresh(lg: str, query: str, status: str, level: str, dept: str, selected: str | None,
                session_key: str | None, topic_key: str | None, person: str | None,
                mentor: str | None, mentee: str | None) -> list[Any]:
        people = c.person_ids()
        kept = c.pair_choices(KEPT_STATUSES, lg)
        filters = c.filter_choices(lg)
        review = c.review(selected, lg)
        session_update = choices_update(kept, session_key)
        known_session = session_key in {v for _, v in kept}
        return [
            c.header(lg), c.overview(lg),
            c.people_table(query, lg), choices_update(people, person),
            c.pairs_table(lg, status, level, dept), c.unmatched_table(lg),
            session_update, choices_update(kept, topic_key),
            choices_update(people, mentor), choices_update(people, mentee),
            gr.update(choices=filters["status"], value=status or ""),
            gr.update(choices=filters["level"], value=level or ""),
            choices_update(filters["department"], dept or ""),
            c.pair_history(session_key if known_session else None, lg),
            review.key, review.version, review.html,
            *(gr.update(value=review.buttons[a], interactive=review.enabled.get(a, False))
              for a in page.decisions)]

    def after(event: Any) -> Any:
        return event.then(refresh, refresh_in, refresh_out)

    page.demo.load(refresh, refresh_in, refresh_out, api_name="refresh")
    return after


def _insights(page: Page) -> tuple[Callable[[str], tuple[Any, ...]], list[Any]]:
    """What the Insights tab shows, read with the tab and on demand."""
    c = page.c

    def insights(lg: str) -> tuple[Any, ...]:
        return (*c.charts(lg), c.risk_table(lg), c.themes_table(lg))

    insights_out = [*page.plots, page.risk_df, page.themes_df]
    return insights, insights_out


def _language(page: Page, after: After, insights: Callable[[str], tuple[Any, ...]],
              insights_out: list[Any]) -> None:
    """The language switch: every label, text and choice list, the date typed and a
    pending mapping step, then the refresh. The browser keeps the choice (local storage):
    a reload or the next visit opens in it; a first visit follows the browser's language;
    ``?lang=fr`` in the address wins."""
    c = page.c

    def switch_language(new: str, old: str, date: str, path: str | None, columns: Any,
                        values: Any, role: str) -> list[Any]:
        updates: list[Any] = [new]
        updates += [gr.update(label=t(key, new)) for _, key in page.containers]
        updates += [gr.update(value=t(key, new)) for _, key in page.buttons]
        updates += [gr.update(label=t(key, new)) for _, key in page.labelled]
        updates += [markdown_text(key, new) for _, key in page.markdowns]
        updates += [gr.update(choices=pref_choices(new)),
                    gr.update(choices=[(word(n, new), n) for n, _ in LEVELS[:-1]]),
                    gr.update(choices=role_choices(new)),
                    gr.update(choices=direction_choices(new))]
        iso = parse_date(date, old)  # the date typed stays, written the new language's way
        updates.append(format_date(iso, new) if iso else gr.update())
        step = c.translate_mapping(path, columns, values, _role_of(role), old, new)
        if step[0] is None:
            updates += [gr.update() for _ in step]
        else:
            intro, table_cols, table_values, preview, checks = step
            updates += [intro, table_cols, flagged(table_values), preview, checks]
        updates.append(c.catalogue_status(new))
        return updates

    language_out = [page.ui_lang, *(x for x, _ in page.containers),
                    *(x for x, _ in page.buttons), *(x for x, _ in page.labelled),
                    *(x for x, _ in page.markdowns), page.f_pref, page.bulk_level,
                    page.map_role, page.direction, page.note_date, page.map_intro,
                    page.map_columns, page.map_values, page.map_preview, page.map_checks,
                    page.catalogue_status]
    after(page.language.change(
        switch_language, [page.language, page.ui_lang, page.note_date, page.map_path,
                          page.map_columns, page.map_values, page.map_role],
        language_out, api_name="set_language",
        js="(lang, ...rest) => { window.tandemLang = lang; "
           "try { localStorage.setItem('tandem-lang', lang); } catch (e) {} "
           "document.documentElement.lang = lang; "
           "window.tandemTranslate && setTimeout(window.tandemTranslate, 50); "
           "return [lang, ...rest]; }")
    ).then(insights, page.ui_lang, insights_out)
    # the language this browser chose before, else the address's, else the browser's own
    page.demo.load(None, None, page.language, js=f"""() => {{
        const asked = new URLSearchParams(location.search).get('lang');
        let kept = null;
        try {{ kept = localStorage.getItem('tandem-lang'); }} catch (e) {{}}
        const own = (navigator.language || '').slice(0, 2).toLowerCase();
        const lang = [asked, kept, own].find(x => x === 'en' || x === 'fr') || {page.lang!r};
        document.documentElement.lang = lang;
        return lang;
    }}""")


def _participants(page: Page, after: After) -> None:
    """Upload (or the mapping step for a sign-up form), search, edit, erase."""
    c = page.c
    step_out = [page.map_path, page.map_box, page.map_intro, page.map_role, page.map_columns,
                page.map_values, page.map_preview, page.map_checks]

    def do_import(people: str | None, notes: str | None, pending: str | None, lg: str,
                  progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:  # noqa: B008
        step = c.start_mapping(people, lg, previous=pending)
        if step.needed:  # a sign-up form: the mapping step instead of the import's errors
            return (step.message, None, gr.update(), step.path, gr.update(visible=True),
                    step.intro, step.role or "file", step.columns, flagged(step.values),
                    step.preview, step.checks)
        result = c.import_files(people, notes, lg, progress=lambda f, msg: progress(f, desc=msg))
        return (result.message, None, None, *(gr.update() for _ in step_out))

    after(page.import_btn.click(
        do_import, [page.people_file, page.notes_file, page.map_path, page.ui_lang],
        [page.report, page.people_file, page.notes_file, *step_out], api_name="import_files"))

    page.search.change(c.people_table, [page.search, page.ui_lang], page.people_df,
                       api_name="people_table")
    # .input, not .change: a row click sets the list and fills the form itself, and a second
    # fill after it could undo what the coordinator has typed since
    page.person_dd.input(c.person_fields, page.person_dd, page.form, api_name="person_fields")

    def pick_person(evt: gr.SelectData) -> list[Any]:
        row = evt.row_value or []
        pid = row[0] if row else None
        # the form is filled here, not only by the list's change event: a click on the person
        # the list already shows changes nothing there
        return [gr.update(value=pid), *c.person_fields(pid)]

    page.people_df.select(pick_person, None, [page.person_dd, *page.form])

    def do_save(pid: str | None, name: str, years: float | None, department: str, role: str,
                languages: str, profile: str, offers: str, wants: str, preference: str,
                capacity: float | None, manager: str, lg: str) -> str:
        return c.save_person(pid, name, years, department, role, languages, profile, offers,
                             wants, preference, capacity, manager, lang=lg).message

    after(page.save_btn.click(do_save, [page.person_dd, *page.form, page.ui_lang],
                              page.person_msg, api_name="save_person"))

    def do_delete(pid: str | None, ok: bool, lg: str) -> tuple[Any, ...]:
        return c.delete_person(pid, ok, lg).message, False

    after(page.delete_btn.click(do_delete, [page.person_dd, page.confirm, page.ui_lang],
                                [page.person_msg, page.confirm], api_name="delete_person"))


def _role_of(choice: str | None) -> str:
    return "" if choice in (None, "", "file") else str(choice)


def _mapping_step(page: Page, after: After) -> None:
    """The mapping step: edits of its two tables preview the import; import or cancel."""
    c = page.c
    def edit_columns(path: str | None, columns: Any, values: Any, role: str,
                     lg: str) -> tuple[Any, ...]:
        table, preview, checks = c.refresh_mapping(path, columns, values, _role_of(role), lg)
        return flagged(table), preview, checks

    page.map_columns.input(edit_columns, [page.map_path, page.map_columns, page.map_values,
                                          page.map_role, page.ui_lang],
                           [page.map_values, page.map_preview, page.map_checks])

    def edit_values(path: str | None, columns: Any, values: Any, role: str,
                    lg: str) -> tuple[Any, ...]:
        return c.preview_mapping(path, columns, values, _role_of(role), lg)

    for control in (page.map_values, page.map_role):
        control.input(edit_values, [page.map_path, page.map_columns, page.map_values,
                                    page.map_role, page.ui_lang],
                      [page.map_preview, page.map_checks])

    def do_map_import(path: str | None, columns: Any, values: Any, role: str, partial: bool,
                      update: bool, notes: str | None, lg: str,
                      progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:  # noqa: B008
        result = c.import_mapped(path, columns, values, _role_of(role), partial, notes, lg,
                                 progress=lambda f, msg: progress(f, desc=msg),
                                 update=bool(update))
        if not result.ok:
            return result.message, path, gr.update(), gr.update()
        return result.message, None, gr.update(visible=False), None

    after(page.map_import_btn.click(
        do_map_import, [page.map_path, page.map_columns, page.map_values, page.map_role,
                        page.map_partial, page.map_update, page.notes_file, page.ui_lang],
        [page.report, page.map_path, page.map_box, page.notes_file], api_name="import_mapped"))

    def do_cancel(path: str | None, lg: str) -> tuple[Any, ...]:
        c.discard_mapping(path)
        return t("map_cancelled", lg), None, gr.update(visible=False)

    page.map_cancel_btn.click(do_cancel, [page.map_path, page.ui_lang],
                              [page.report, page.map_path, page.map_box])


def _pairs(page: Page, after: After) -> None:
    """Matching, filters, the review of a pair and decisions, manual pairs, export."""
    c = page.c
    def do_match(g: float, b: float, n: float, cap: float, lg: str, direction: str,
                 minimum: float, progress: gr.Progress = gr.Progress()) -> str:  # noqa: B008
        text, _, _ = c.run_matching(g, b, n, cap, lg,
                                    progress=lambda f, msg: progress(f, desc=msg),
                                    direction=direction, min_score=minimum)
        return text

    after(page.run_btn.click(do_match, [page.gap, page.bonus, page.per_mentee, page.per_mentor,
                                        page.ui_lang, page.direction, page.min_score],
                             page.summary, api_name="run_matching"))
    page.rules_btn.click(c.save_rules, [page.rules_text, page.ui_lang],
                         [page.rules_msg, page.rules_text], api_name="save_rules")
    # a page opened (or reloaded) shows the programme's settings as saved now, not as they
    # were when the server started
    page.demo.load(c.settings_values, None,
                   [page.direction, page.gap, page.bonus, page.min_score, page.per_mentee,
                    page.per_mentor, page.rules_text])
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
                      action: str = action) -> tuple[str, Any]:
            result, undo = c.decide(key, action, lg, version=version)
            return result.message, undo if result.ok else gr.update()

        after(button.click(do_status, [page.selected, page.version, page.ui_lang],
                           [page.status_msg, page.last_decision],
                           api_name=f"{action}_selected_pair"))

        def decide(key: str, version: int, lg: str, action: str = action) -> str:
            return c.set_pair_status(key, action, lg, version=version).message

        gr.api(decide, api_name=f"{action}_pair")

    def do_bulk(level: str, lg: str) -> tuple[str, Any]:
        result, undo = c.bulk_decide(level, lg)
        return result.message, undo if undo else gr.update()

    after(page.bulk_btn.click(do_bulk, [page.bulk_level, page.ui_lang],
                              [page.status_msg, page.last_decision], api_name="bulk_accept"))

    def do_undo(last: list[list[Any]], lg: str) -> tuple[str, list[Any]]:
        return c.undo(last, lg).message, []

    after(page.undo_btn.click(do_undo, [page.last_decision, page.ui_lang],
                              [page.status_msg, page.last_decision]))

    def do_manual(mentor: str | None, mentee: str | None, lg: str) -> tuple[Any, ...]:
        result = c.add_manual_pair(mentor, mentee, lg)
        key = f"{mentor}|{mentee}" if result.ok else gr.update()
        return result.message, key

    after(page.manual_btn.click(do_manual, [page.manual_mentor, page.manual_mentee,
                                            page.ui_lang], [page.manual_msg, page.selected],
                                api_name="add_pair"))
    page.export_btn.click(c.export_pairs, page.fmt, page.export_file,
                          api_name="export_pairs").then(
        lambda: gr.update(visible=True), None, page.export_file)


def _sessions(page: Page, after: After) -> None:
    """Sessions (log one, a pair's history) and next topics."""
    c = page.c
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

    def do_checkin(files: Any, lg: str) -> tuple[Any, ...]:
        return c.import_checkin(files, lg).message, None  # the uploads are gone once read

    after(page.checkin_btn.click(do_checkin, [page.checkin_files, page.ui_lang],
                                 [page.checkin_msg, page.checkin_files],
                                 api_name="import_checkin"))
    page.topics_btn.click(c.next_topics_html, [page.topic_pair, page.how_many, page.ui_lang],
                          page.topics_html, api_name="next_topics")


def _catalogue(page: Page, after: After) -> None:
    """The topic catalogue: load a file, save the edited table, back to the shipped one;
    the table and which catalogue is in use shown again after each (only then: they change
    with these actions alone, not with the refresh after every other one)."""
    c = page.c
    shown_out = [page.catalogue_msg, page.catalogue_status, page.catalogue_df,
                 page.catalogue_file]

    def shown(result: Any, lg: str, keep_table: bool = False, file: Any = None
              ) -> tuple[Any, ...]:
        # a refused table stays as typed, to be fixed; an upload is gone once read
        table = gr.update() if keep_table else c.catalogue_table()
        return result.message, c.catalogue_status(lg), table, file

    after(page.catalogue_load_btn.click(
        lambda path, lg: shown(c.load_catalogue(path, lg), lg),
        [page.catalogue_file, page.ui_lang], shown_out, api_name="load_catalogue"))

    def save(table: Any, lg: str) -> tuple[Any, ...]:
        result = c.save_catalogue(table, lg)
        return shown(result, lg, keep_table=not result.ok, file=gr.update())

    after(page.catalogue_save_btn.click(save, [page.catalogue_df, page.ui_lang], shown_out,
                                        api_name="save_catalogue"))
    after(page.catalogue_reset_btn.click(
        lambda lg: shown(c.use_shipped_catalogue(lg), lg), page.ui_lang, shown_out,
        api_name="use_shipped_catalogue"))
    page.demo.load(lambda lg: (c.catalogue_status(lg), c.catalogue_table()), page.ui_lang,
                   [page.catalogue_status, page.catalogue_df])

    def draw(lg: str) -> tuple[Any, ...]:
        # drawn topics go to the table, to be edited and saved; nothing is stored yet
        result, table, who = c.draw_topics(lg)
        return (result.message, gr.update() if table is None else table,
                gr.update(value=who, visible=True))

    page.cohort_draw_btn.click(draw, page.ui_lang,
                               [page.catalogue_msg, page.catalogue_df, page.cohort_df],
                               api_name="draw_topics")

    def merge(table: Any, ids: str, title: str, lg: str) -> tuple[Any, ...]:
        result, merged = c.merge_rows(table, ids, title, lg)
        return result.message, gr.update() if merged is None else merged

    page.merge_btn.click(merge, [page.catalogue_df, page.merge_ids, page.merge_title,
                                 page.ui_lang], [page.catalogue_msg, page.catalogue_df],
                         api_name="merge_topics")


def _kits(page: Page) -> None:
    """Pair kits: the Kit of the pair under review (its introduction shown, .eml and .ics to
    download) and one zip of the accepted pairs' kits. Writes nothing to the workspace: no
    refresh after them. A preview goes when another pair is chosen or the language changes."""
    c = page.c

    def do_kit(key: str | None, lg: str) -> tuple[Any, ...]:
        view = c.pair_kit(key, lg)
        return (view.message, view.html,
                gr.update(value=view.files or None, visible=bool(view.files)))

    page.kit_btn.click(do_kit, [page.selected, page.ui_lang],
                       [page.kit_msg, page.kit_html, page.kit_files], api_name="pair_kit")

    def do_zip(lg: str) -> tuple[Any, ...]:
        message, path = c.accepted_kits_zip(lg)
        return message, "", gr.update(value=[path] if path else None, visible=bool(path))

    page.kits_btn.click(do_zip, page.ui_lang, [page.kit_msg, page.kit_html, page.kit_files],
                        api_name="accepted_kits")

    def clear() -> tuple[Any, ...]:
        return "", "", gr.update(value=None, visible=False)

    for trigger in (page.selected.change, page.language.change):
        trigger(clear, None, [page.kit_msg, page.kit_html, page.kit_files])
