"""Accessibility of the page in a real headless Chromium (Debian's), checked by axe-core.

Every tab is checked in English and in French (and in English in the dark theme), with its
accordions open and, on the Pairs tab, a pair under review, so that what they hide is checked
too. A serious or critical violation fails the test, unless it comes from inside a Gradio
widget that the page has no way to fix: those are listed, with the reason, in
``GRADIO_INTERNAL`` (tests/ui/accessibility.py) and nowhere else. Controls left with
Gradio's fallback name ("Dataframe"...) fail too. Then the contrast of the texts the page
restyles is measured from the browser's computed styles, and the keyboard focus ring is
checked. Screenshots and axe's
full results go to tests/artifacts/ (a11y-*.png, a11y-*.json).
"""

from __future__ import annotations

import json

import pytest

from ..e2e_support import ready
from ..shared import ARTIFACTS
from .accessibility import serious_violations

pytestmark = pytest.mark.e2e

TABS = ("people", "pairs", "sessions", "topics", "insights", "settings")
# (role, name) Gradio 6 gives a control whose label the page did not set (seen on a bare
# Blocks): a screen reader then says "Dataframe" or "Textbox". axe accepts them (they are
# names), this module does not. Not here, as no label of the page can change them: the
# editor of gr.Code is always "Code input container", and a gr.Radio's group has no name
# (its label is a span, not a legend).
FALLBACK_NAMES = [("grid", "Dataframe"), ("textbox", "Textbox"), ("combobox", "Dropdown"),
                  ("spinbutton", "Number"), ("checkbox", "Checkbox"),
                  ("spinbutton", "number input for undefined"),
                  ("slider", "range slider for undefined")]

# Normalises any CSS colour with a canvas, composites the backgrounds under an element
# down to the first opaque one (white if none): [r, g, b] of the text and of what is behind.
COLOURS_JS = """
(el) => {
  const ctx = document.createElement('canvas').getContext('2d');
  const rgba = (c) => {
    ctx.fillStyle = '#000'; ctx.fillStyle = c; const s = ctx.fillStyle;
    if (s.startsWith('#')) return [1, 3, 5].map(i => parseInt(s.slice(i, i + 2), 16)).concat(1);
    const m = s.match(/[\\d.]+/g).map(Number); return m.length === 4 ? m : m.concat(1);
  };
  const layers = [];
  for (let e = el; e; e = e.parentElement) {
    const c = rgba(getComputedStyle(e).backgroundColor);
    if (c[3] > 0) layers.push(c);
    if (c[3] >= 1) break;
  }
  let bg = [255, 255, 255];
  for (const [r, g, b, a] of layers.reverse()) bg = [r * a + bg[0] * (1 - a),
                                                     g * a + bg[1] * (1 - a),
                                                     b * a + bg[2] * (1 - a)];
  const style = getComputedStyle(el);
  const fg = rgba(style.color);
  const blend = (c) => [0, 1, 2].map(i => c[i] * c[3] + bg[i] * (1 - c[3]));
  return {text: el.innerText.trim().slice(0, 40), fg: blend(fg), bg: bg,
          outline: {style: style.outlineStyle, width: parseFloat(style.outlineWidth),
                    colour: blend(rgba(style.outlineColor))},
          focusVisible: el.matches(':focus-visible')};
}
"""


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(server.url)
    ready(page)
    yield page
    context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def set_language(page, lang: str) -> None:
    if lang != "en":
        page.get_by_role("radio", name=lang).check()
        page.wait_for_function(
            "document.querySelector('#tab-pairs-button').innerText.trim() !== 'Pairs'",
            timeout=30_000)
        page.wait_for_timeout(2000)


def open_tab(page, tab: str) -> None:
    """Click the tab's button (by its role), open its accordions, wait for what it loads."""
    page.get_by_role("tab").and_(page.locator(f"[aria-controls='tab-{tab}']")).click()
    page.wait_for_selector(f"#tab-{tab}", state="visible", timeout=10_000)
    page.wait_for_timeout(600)
    for wrap in page.locator(f"#tab-{tab} .label-wrap").all():
        if wrap.is_visible() and "open" not in (wrap.get_attribute("class") or "").split():
            wrap.click()
            page.wait_for_timeout(400)
    cells = page.locator("#pairs-table [role=gridcell]")
    if tab == "pairs" and cells.count():  # a pair under review, its decisions settled
        needle = cells.first.inner_text().strip()
        cells.first.click()
        page.wait_for_function(
            f"document.querySelector('#pair-review').innerText.includes({needle!r})",
            timeout=60_000)
        page.wait_for_function(
            "[...document.querySelectorAll('#decisions button')].every("
            "b => b.disabled || getComputedStyle(b).opacity === '1')", timeout=10_000)
    if tab == "insights":
        page.wait_for_function(
            "document.querySelector('#chart-0 img') && !document.querySelector('#chart-0 .empty')",
            timeout=120_000)
    page.wait_for_timeout(800)


def fallback_names(page, tab: str) -> list[str]:
    """The visible controls of the tab named by Gradio's fallback, not by the page."""
    found = []
    for role, name in FALLBACK_NAMES:
        for control in page.locator(f"#tab-{tab}").get_by_role(role, name=name, exact=True).all():
            if control.is_visible():
                outer = " ".join(control.evaluate("e => e.outerHTML").split())[:160]
                holder = control.evaluate("e => (e.closest('[id]') || {id: ''}).id")
                found.append(f"[{tab}] {role} named {name!r} (in #{holder}): {outer}")
    return found


@pytest.mark.parametrize(("lang", "scheme"), [("en", "light"), ("fr", "light"), ("en", "dark")])
def test_axe_finds_no_serious_violation_on_any_tab(page, lang, scheme):
    """Gradio follows the system's light or dark theme: the dark one is checked in English."""
    if scheme == "dark":
        page.emulate_media(color_scheme="dark")
        page.reload()
        ready(page)
    set_language(page, lang)
    failures: list[str] = []
    excuses: dict[str, int] = {}
    report: dict[str, list] = {}
    for tab in TABS:
        open_tab(page, tab)
        if tab == "people":
            shot(page, f"a11y-{lang}" + ("-dark" if scheme == "dark" else ""))
        found, excused_here, report[tab] = serious_violations(page, f"{lang}/{scheme}/{tab}")
        failures += found
        for key, n in excused_here.items():
            excuses[key] = excuses.get(key, 0) + n
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"a11y-{lang}-{scheme}.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    assert not failures, (f"{len(failures)} serious or critical accessibility violation(s) "
                          f"(excused as Gradio's own: {excuses}):\n" + "\n".join(failures))


def test_every_control_is_named_by_the_page(page):
    """axe accepts Gradio's fallback names ("Dataframe", "Textbox"...): a screen reader would
    say them instead of what the control is. A label of the page is wanted (the same keys
    give both languages their names, so English is enough)."""
    unnamed: list[str] = []
    for tab in TABS:
        open_tab(page, tab)
        unnamed += fallback_names(page, tab)
    assert not unnamed, ("controls named by Gradio's fallback instead of a label of the page "
                         "(give them label=..., with show_label=False if it must not show):\n"
                         + "\n".join(unnamed))


def ratio(fg, bg) -> float:
    """WCAG 2 contrast ratio of two sRGB colours given as 0-255 triples."""
    def luminance(rgb) -> float:
        channels = [c / 255 for c in rgb]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# (what, tab, selector, hover first): texts in the colours the page's CSS sets.
CONTRAST = [
    ("label text (block-info)", "people", "#people-search [data-testid=block-info]", False),
    ("file label (block-label)", "people", "#people-file [data-testid=block-label]", False),
    ("primary button", "people", "#import-btn", False),
    ("primary button, hovered", "people", "#import-btn", True),
    ("upload text", "people", "#people-file [data-testid=upload-text]", False),
    ("upload '- or -'", "people", "#people-file .or", False),
    ("chosen radio option", "people", "#language label.selected span", False),
    ("footer link", "people", "footer a, footer button", False),
    ("table title", "pairs", "#pairs-table .header-row .label p", False),
    ("slider maximum", "pairs", "#min-score [data-testid=max-value]", False),
]


def test_contrast_of_labels_buttons_and_upload_text(page):
    measured, low = [], []
    for what, tab, selector, hover in CONTRAST:
        if tab != "people":
            open_tab(page, tab)
        element = page.locator(selector).first
        if not element.count():
            low.append(f"{what}: nothing matches {selector}")
            continue
        if hover:
            element.hover()
            page.wait_for_timeout(500)
        colours = element.evaluate(COLOURS_JS)
        value = ratio(colours["fg"], colours["bg"])
        line = (f"{what:26} {value:5.2f}:1  text {colours['fg']} on {colours['bg']}  "
                f"({colours['text']!r})")
        measured.append(line)
        if value < 4.5:
            low.append(line)
        page.mouse.move(0, 0)
    print("\n".join(measured))
    assert not low, "below 4.5:1 (WCAG AA for text):\n" + "\n".join(low)


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the focused element matches selector (the keyboard, not a click)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement && document.activeElement.matches({selector!r})"):
            return
    pytest.fail(f"{limit} presses of Tab never reached {selector}")


def test_keyboard_focus_is_outlined(page):
    page.evaluate("document.activeElement && document.activeElement.blur()")
    found = []
    for what, selector in (("language radio", "#language input[type=radio]"),
                           ("tab", "[role=tab]"),
                           ("primary button", "#import-btn"),
                           ("text box", "#people-search input, #people-search textarea")):
        tab_to(page, selector)
        page.wait_for_timeout(300)
        focused = page.evaluate_handle("document.activeElement")
        style = focused.evaluate(COLOURS_JS)
        outline = style["outline"]
        # The ring is drawn outside the element (outline-offset), on its parent's background.
        behind = focused.evaluate(f"e => ({COLOURS_JS})(e.parentElement)")["bg"]
        contrast = ratio(outline["colour"], behind)
        found.append((what, style["focusVisible"], outline["style"], outline["width"], contrast))
        if what == "language radio":
            ARTIFACTS.mkdir(exist_ok=True)
            page.locator("#language").screenshot(path=str(ARTIFACTS / "a11y-focus-radio.png"))
    print("\n".join(f"{w:15} focus-visible={v} outline {s} {px}px, {c:.2f}:1 on its background"
                    for w, v, s, px, c in found))
    bad = [f for f in found
           if not f[1] or f[2] in ("none", "hidden") or f[3] < 2 or f[4] < 3]
    assert not bad, ("focus ring missing, under 2 px or under 3:1 (WCAG 1.4.11) on its "
                     f"background: {bad}")
