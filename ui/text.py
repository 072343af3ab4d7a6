"""Text that comes from data (comments, turns, names, labels, file names, values in messages) shown
exactly as written, never read as Markdown, Streamlit's own syntax or HTML: the one place the pages
escape it.

- `literal` is for Markdown: `st.markdown`, `st.caption`, messages, and the labels of links, buttons,
  expanders and tabs. Every ASCII sign Markdown or Streamlit reads gets a backslash (`![x](url)`,
  `**`, `:red[...]`, `$...$`, and `/`, so `:material/icon:` is not an icon: Streamlit swaps
  `:material/` before parsing). Links that Markdown makes of bare addresses (`http://`, `www.`,
  `name@host`) are broken with an invisible WORD JOINER (U+2060): no escape exists for them.
- `literal_html` is for the HTML pieces of the board and the Explore pages: entities for HTML's
  signs and Markdown's, and line breaks as `<br>`, so a blank line in a comment cannot end the HTML
  block and let Markdown read the rest.
"""

from __future__ import annotations

import re

MARKDOWN_SIGNS = frozenset("\\`*_{}[]()#+-.!|<>:$~&/=\"'^")
WORD_JOINER = "\u2060"
BARE_LINK = re.compile(r"(?i)(https?|ftp|www|mailto|xmpp)(?=\\?[:.])|(?=@)")


def literal(value) -> str:
    """Any value as Markdown that reads as the value's text."""
    escaped = "".join(f"\\{c}" if c in MARKDOWN_SIGNS else c for c in str(value))
    return BARE_LINK.sub(lambda found: (found.group(1) or "") + WORD_JOINER, escaped)


def literal_html(value) -> str:
    """Any value as HTML text (inside a tag of an `unsafe_allow_html` piece)."""
    text = "".join(f"&#{ord(c)};" if c in MARKDOWN_SIGNS else c for c in str(value))
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")
