"""Markdown to safe HTML for challenge statements."""

import markdown
import nh3
from markupsafe import Markup

_TAGS = {"p", "pre", "code", "h1", "h2", "h3", "h4", "ul", "ol", "li", "em", "strong", "blockquote", "a",
         "table", "thead", "tbody", "tr", "th", "td", "hr", "br"}


def render_markdown(text: str) -> Markup:
    """Render Markdown and sanitise the HTML: no scripts, styles or event handlers survive."""
    html = markdown.markdown(text, extensions=["fenced_code", "tables"])
    return Markup(nh3.clean(html, tags=_TAGS, attributes={"a": {"href", "title"}, "code": {"class"}}))
