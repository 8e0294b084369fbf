"""The form's field partial draws every kind a checker.web Field can have, a choice included.

The real fields are checked on the built page by the browser tests (reload_kind, a choice, in
tests/browser/test_checker_kinds.py); here each kind is drawn from the same partial the page
includes, with Jinja as MkDocs runs it.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import jinja2
import pytest
from sitehtml import parse

from checker import web
from checker.messages import words

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.site

CHOICE = web.Field("reload_kind", "choice", default="regular", options=("regular", "promo"))
UI = {
    "reload_kind": "Last reload",
    "reload_kind.hint": "Which kind <b>",
    "reload_kind.regular": "Regular",
    "reload_kind.promo": "Promo only",
}


def _draw(field: web.Field, ui: dict[str, str]) -> Any:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"))
    template = env.get_template("partials/checker-field.html")
    return parse(template.render(field=dataclasses.asdict(field), ui=ui))


def test_a_choice_is_a_radio_group_with_its_default_checked() -> None:
    doc = _draw(CHOICE, UI)
    radios = [el for el in doc.by_tag("input") if el.attrs.get("type") == "radio"]
    assert [r.attrs["value"] for r in radios] == list(CHOICE.options)
    assert [r.attrs["name"] for r in radios] == ["reload_kind"] * 2
    assert ["checked" in r.attrs for r in radios] == [True, False]
    (group,) = doc.by_tag("fieldset")
    assert group.attrs["data-checker-field"] == "reload_kind"
    assert [el.clean_text() for el in doc.by_tag("label")] == ["Regular", "Promo only"]
    errors = [el for el in doc.iter() if "data-checker-field-error" in el.attrs]
    assert [el.attrs["data-checker-field-error"] for el in errors] == ["reload_kind"]
    assert not doc.by_tag("b")  # words are escaped
    assert doc.by_class("checker__hint")[0].clean_text() == "Which kind <b>"


@pytest.mark.parametrize("field", web.FIELDS, ids=lambda f: f.name)
def test_every_real_field_is_drawn_with_its_name_and_default(field: web.Field) -> None:
    doc = _draw(field, words("form.", "en"))
    controls = [el for el in doc.by_tag("input") if el.attrs.get("name") == field.name]
    if field.kind == "choice":
        assert [el.attrs["value"] for el in controls] == list(field.options)
        assert [el.attrs["value"] for el in controls if "checked" in el.attrs] == [field.default]
        assert all(el.attrs["type"] == "radio" for el in controls)
        return
    (control,) = controls
    if field.kind == "checkbox":
        assert control.attrs["type"] == "checkbox"
        assert ("checked" in control.attrs) is field.default
    else:
        assert control.attrs.get("value", "") == field.default
        assert ("required" in control.attrs) is field.required
