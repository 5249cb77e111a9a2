"""Every field of every model class has a docstring, taken from its comment in the C++ header
(one table made at build time), and help() of a class shows them."""

from __future__ import annotations

import pydoc

import iptkit
from iptkit import _core


def _model_classes() -> list[type]:
    return [c for c in vars(_core).values() if isinstance(c, type) and hasattr(c, "from_dict")]


def test_every_field_has_a_docstring() -> None:
    classes = _model_classes()
    assert iptkit.Case in classes and iptkit.CaseOutcome in classes and len(classes) > 30
    undocumented = [f"{c.__name__}.{name}" for c in classes for name, p in vars(c).items()
                    if isinstance(p, property) and not (p.__doc__ or "").strip()]
    assert undocumented == []


def test_docstrings_are_the_header_comments() -> None:
    assert iptkit.Case.arm.__doc__ == "trial arm label"
    assert iptkit.Session.phase.__doc__ == "initial, middle, termination, maintenance"
    assert iptkit.ReadLimits.max_depth.__doc__.startswith("Deepest nesting of arrays and objects accepted")
    # Inherited members keep the comment of the struct that declares them.
    assert iptkit.CaseOutcome.response.__doc__ == "endpoint <= 0.5 x baseline"


def test_help_shows_the_fields() -> None:
    text = pydoc.render_doc(iptkit.Case, renderer=pydoc.plaintext)
    assert "one patient's contract" in text
    for doc in ("trial arm label", "pseudonymous study identifier", "in order of number"):
        assert doc in text
