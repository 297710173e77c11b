"""axe-core in the browser tests: what counts as a failure, and what is excused as Gradio's
own (see tests/ui/test_a11y.py)."""

from __future__ import annotations

IMPACTS = ("serious", "critical")

# What axe reports that only Gradio could fix. A key is an axe rule id (the whole rule is
# excused) or a CSS selector (a violation on an element it matches is excused); the value
# says why the page cannot fix it. Everything else fails the test.
GRADIO_INTERNAL = {
    'div[aria-label="Static column"]': (
        "aria-prohibited-attr: the lock icon Gradio draws in the header of a column that "
        "cannot be edited (gr.Dataframe(static_columns=...), the mapping step's tables) is a "
        "<div> without a role that carries aria-label='Static column'; no parameter changes "
        "it, and the column's header text still names the column"),
    'div.empty[aria-label="Empty value"]': (
        "aria-prohibited-attr: Gradio's placeholder of an empty component (an empty gr.File "
        "such as #export-file, an empty gr.Plot) is a <div> without a role that carries "
        "aria-label='Empty value'; no parameter changes it"),
}

# Whether the flagged element matches a selector: the element itself if it is still in the
# page, else (a placeholder replaced since the scan) its html as axe recorded it.
MATCHES_JS = """
([target, html, key]) => {
  let e = document.querySelector(target);
  if (!e) {
    const t = document.createElement('template');
    t.innerHTML = html;
    e = t.content.firstElementChild;
  }
  try { return !!e && e.matches(key); } catch (err) { return false; }
}
"""


def excused(page, violation: dict, node: dict) -> str | None:
    """The key of GRADIO_INTERNAL that excuses this node, if one does."""
    if violation["id"] in GRADIO_INTERNAL:
        return violation["id"]
    if len(node["target"]) != 1:  # inside an iframe or a shadow root: not Gradio's markup
        return None
    for key in GRADIO_INTERNAL:
        if key != violation["id"] and page.evaluate(MATCHES_JS, [node["target"][0], node["html"], key]):
            return key
    return None


def describe(where: str, violation: dict, node: dict) -> str:
    checks = node.get("any", []) + node.get("all", []) + node.get("none", [])
    why = "; ".join(c["message"] for c in checks if c.get("message"))
    html = " ".join(node["html"].split())
    return (f"[{where}] {violation['id']} ({violation['impact']}): {violation['help']}\n"
            f"    target: {', '.join(node['target'])}\n"
            f"    html:   {html[:220]}\n"
            f"    why:    {why[:300]}")




def serious_violations(page, where: str, context: str | None = None
                       ) -> tuple[list[str], dict[str, int], list[dict]]:
    """axe on the page (or on the part ``context`` selects): the serious or critical
    violations as readable lines, the ones excused and how often, and axe's whole list."""
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(page, context=context).response["violations"]
    failures: list[str] = []
    excuses: dict[str, int] = {}
    for violation in violations:
        if violation["impact"] not in IMPACTS:
            continue
        for node in violation["nodes"]:
            key = excused(page, violation, node)
            if key:
                excuses[key] = excuses.get(key, 0) + 1
            else:
                failures.append(describe(where, violation, node))
    return failures, excuses, violations
