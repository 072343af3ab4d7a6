"""Text from data reads as written: the helper's escapes, and a scan of the pages for any text that
reaches Streamlit's Markdown (or the HTML pieces) without going through it."""

import ast
import html
import re

import pytest

from conftest import HOSTILE, ROOT
from ui.text import WORD_JOINER, literal, literal_html


@pytest.mark.parametrize("text", HOSTILE)
def test_literal_reads_back_as_written_with_no_sign_left_bare(text):
    escaped = literal(text)
    assert re.sub(r"\\(.)", r"\1", escaped).replace(WORD_JOINER, "") == text
    bare = re.sub(r"\\.", "", escaped)  # every sign Markdown or Streamlit reads has its backslash
    assert not set(bare) & set("`*_[]()#!<>:$~/|")
    assert "http" not in escaped.replace(f"http{WORD_JOINER}", "") and "@" not in escaped.replace(f"{WORD_JOINER}@", "")


@pytest.mark.parametrize("text", HOSTILE)
def test_literal_html_reads_back_as_written_with_no_blank_line(text):
    escaped = literal_html(text)
    assert html.unescape(escaped.replace("<br>", "\n")) == text
    bare = re.sub(r"&#\d+;", "", escaped.replace("<br>", ""))
    assert "\n" not in bare and not set(bare) & set("<>*_[]():$`&\"'")


# --- the scan -----------------------------------------------------------------------------------------

SOURCES = [ROOT / "app.py", *sorted((ROOT / "app_pages").glob("*.py")), *sorted((ROOT / "ui").glob("*.py"))]
# Streamlit calls whose text is read as Markdown (their first argument, or `label=`).
MARKDOWN_CALLS = {"markdown", "caption", "write", "title", "header", "subheader", "info", "warning", "error",
                  "success", "toast", "expander", "page_link", "button", "tabs", "popover", "form_submit_button",
                  "download_button", "metric", "text"}
# Calls whose result is safe to show: the helper, and builders that only format numbers and dates or
# escape what they put in (each one of ui/board_view.py and ui/explore_view.py is scanned too).
SAFE_CALLS = {"literal", "literal_html", "len", "main_value", "side_value", "change_text", "change_line", "counted",
              "money", "sample_line", "tile_html", "voice_html", "alerts_html", "themes_html", "presented_html",
              "follow_up_html", "call_html", "change_kind", "help_text", "dimension_label", "describe", "capitalize",
              "lower",
              "upper", "_number", "change", "figure_cell", "main_value", "roles_path", "min", "sum", "any", "count",
              "share_of", "renewing_html", "group_text", "title", "status_word", "week", "day", "short_day",
              "long_day", "number", "section_title", "moment", "call_line", "coded", "mark", "_css_text"}
# Values that never come from a sheet or a person: window labels and dates, settings, role names,
# counts, the app's own wording.
SAFE_VALUES = {
    "window.label", "window.previous().label", "settings.timezone", "settings.trend_windows", "settings.min_n",
    "settings.early_warning.days",
    "thresholds.days", "min_n", "title", "state", "user.role.label", "demo", "next_step", "counts", "shown", "where",
    "STYLE", "PRESENTATION_STYLE", "OPEN_MARK", "TITLES[layout.name]", "layout.required",
    "c.name", "required", "batch.batch_id", "batch.kind", "found.total", "p.window_label", "p.last_batch",
    "action.action_id", "answer['score']", "sheet.header_row", "roles_path().name", "message",
    "low", "pinned", "red", "yellow", "newly",
    "rows", "when", "voice", "about_voice", "t.now", "t.before", "t.change", "kind", "score", "side",
    "w.days", "w.frequent_support_calls", "w.negative_sentiment", "w.red_escalations", "w.baseline_days",
    "w.nps_answers", "w.participation_invited", "w.sentiment_calls", "w.red_signs", "renewal_days", "status", "rule",
    "quiet", "found.left_out", "found.renewals", "found.horizon", "horizon",
    "v.min_strength", "v.min_words", "v.max_words", "v.red_weight", "v.yellow_weight", "v.arr_weight",
    "v.theme_weight", "heading", "span", "rose", "from_before", "said", "RULE_NAMES[rule]", "batch.rows", "landing",
    # the board's tiles and panels, made once per board by ui/board_view.py's builders above (tile_html,
    # voice_html, themes_html, alerts_html: ui/common.py's `tiles` and `panels`)
    "tile", "html['voice']", "html['themes']", "html['alerts']"}


def _dotted(node: ast.AST) -> str:
    return ast.unparse(node)


def unsafe_parts(node: ast.AST) -> list[ast.AST]:
    """The parts of a text expression that could carry data unescaped."""
    if isinstance(node, ast.Constant):
        return []
    if isinstance(node, ast.JoinedStr):
        return [part for value in node.values if isinstance(value, ast.FormattedValue)
                for part in ([] if value.format_spec is not None else unsafe_parts(value.value))]
    if isinstance(node, ast.BinOp):
        return unsafe_parts(node.left) + unsafe_parts(node.right)
    if isinstance(node, ast.IfExp):
        return unsafe_parts(node.body) + unsafe_parts(node.orelse)
    if isinstance(node, ast.BoolOp):
        return [part for value in node.values for part in unsafe_parts(value)]
    if isinstance(node, ast.Call):
        function = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if function in SAFE_CALLS:
            return []
        if function in ("_", "ngettext"):  # the app's own wording, translated: safe when its message is
            return [part for argument in node.args for part in unsafe_parts(argument)
                    if not isinstance(argument, ast.Name)]
        if function == "format" and isinstance(node.func.value, ast.Call | ast.Name):  # _("… {x} …").format(x=…)
            return unsafe_parts(node.func.value) + [part for value in [*node.args, *(k.value for k in node.keywords)]
                                                    for part in unsafe_parts(value)]
        if function == "join":  # "; ".join(generator or list): what is joined
            return unsafe_parts(node.args[0])
        return [node]
    if isinstance(node, (ast.Name, ast.Attribute, ast.Subscript)):
        return [] if _dotted(node) in SAFE_VALUES else [node]
    if isinstance(node, ast.Starred):
        return unsafe_parts(node.value)
    if isinstance(node, (ast.GeneratorExp, ast.ListComp)):
        return unsafe_parts(node.elt)
    if isinstance(node, (ast.List, ast.Tuple)):
        return [part for value in node.elts for part in unsafe_parts(value)]
    return [node]


def text_arguments(call: ast.Call) -> list[ast.AST]:
    function = call.func.attr if isinstance(call.func, ast.Attribute) else ""
    if function not in MARKDOWN_CALLS:
        return []
    found = [keyword.value for keyword in call.keywords if keyword.arg in ("label", "body")]
    return found + call.args[:1]


def html_pieces(tree: ast.AST) -> list[ast.JoinedStr]:
    """f-strings that build HTML (they hold a tag)."""
    return [node for node in ast.walk(tree) if isinstance(node, ast.JoinedStr)
            and any(isinstance(v, ast.Constant) and "<" in str(v.value) for v in node.values)]


def bypasses() -> list[str]:
    found = []
    for path in SOURCES:
        if path.name == "text.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        nodes = [argument for call in ast.walk(tree) if isinstance(call, ast.Call) for argument in text_arguments(call)]
        nodes += html_pieces(tree)
        for node in nodes:
            for part in unsafe_parts(node):
                found.append(f"{path.relative_to(ROOT)}:{part.lineno}: {_dotted(part)}")
    return sorted(set(found))


def test_no_page_shows_data_as_markdown_without_the_helper():
    assert bypasses() == []


def test_the_scan_finds_a_bypass(tmp_path, monkeypatch):
    """The scan itself can fail: a page that shows an account name as Markdown is caught."""
    page = tmp_path / "page.py"
    page.write_text('import streamlit as st\nname = "x"\nst.markdown(f"**{name}** is fine")\n'
                    'st.caption(f"{literal(name)} and {len(name):,}")\nst.error(error)\n')
    monkeypatch.setattr(__import__(__name__), "SOURCES", [page])
    monkeypatch.setattr(__import__(__name__), "ROOT", tmp_path)
    assert bypasses() == ["page.py:3: name", "page.py:5: error"]
