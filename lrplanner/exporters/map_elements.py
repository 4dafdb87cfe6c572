"""branca elements that put text into the map page without a template seeing it.

branca compiles the output of every folium element once more as a Jinja2
template, so user text reaches the page only as a JSON string literal
(:func:`js_string`, :class:`BindText`) or as markup printed by a fixed
template (:class:`StaticHtml`), always HTML-escaped first (``html_text``).
"""

from __future__ import annotations

import json
from typing import Any

from branca.element import Element, MacroElement
from jinja2 import Template


class BindText(MacroElement):
    """Bind a popup or tooltip to its parent, the content given as a JSON string."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "{{ this._parent.get_name() }}.bind{{ this.kind }}("
        "{{ this.content_js }}, {{ this.options|tojson }});"
        "{% endmacro %}"
    )

    def __init__(self, kind: str, content: str, **options: Any) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "BindText"
        self.kind = kind
        self.content = content
        self.content_js = js_string(content)
        self.options = options


def js_string(text: str) -> str:
    """Return ``text`` as a JavaScript string literal safe inside a page.

    Beyond JSON: ``< > &`` cannot end the script block, and braces cannot
    start a Jinja2 tag when branca compiles the script a second time.
    """
    literal = json.dumps(text)
    for char in "<>&{}%#'":
        literal = literal.replace(char, f"\\u{ord(char):04x}")
    return literal


class StaticHtml(Element):
    """Markup put into the page as it is, never compiled as a template.

    branca's ``Element(template=...)`` compiles its argument with Jinja2, so
    text with ``{{ }}`` or ``{%`` in it would run as template code. Here the
    template is fixed and the markup is data: ``{{ this.markup }}`` prints it
    verbatim (Jinja2 does not re-evaluate what a variable holds).
    """

    _template = Template("{{ this.markup }}")

    def __init__(self, markup: str) -> None:
        super().__init__()
        self._name = "StaticHtml"
        self.markup = markup


class MapScript(MacroElement):
    """Fixed JavaScript (never user text) run with the map's variable as ``map``."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "(function (map) {{ this.code }})({{ this._parent.get_name() }});"
        "{% endmacro %}"
    )

    def __init__(self, code: str) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "MapScript"
        self.code = code


def attach(parent: Element, child: Element) -> None:
    """Add a child element to a branca element."""
    parent.add_child(child)
