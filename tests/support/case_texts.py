"""The free-text fields of a case document, listed by hand from the specification
(interop-privacy.md), so that the privacy tests of the command line and of the Python module check
de-identification against an oracle that does not come from the code under test."""

from __future__ import annotations

from typing import Any, Callable

TEXT_KEYS = {"notes", "label", "text", "summary", "reason", "old_role", "new_role", "name"}
TEXT_LISTS = {"satisfying", "unsatisfying", "desired_changes", "warning_signs", "skills", "support_contacts"}


def texts(node: Any, key: str = "") -> list[str]:
    """Every free-text string of a case document (a dict as read from JSON)."""
    if isinstance(node, dict):
        return [t for k, v in node.items() for t in texts(v, k)]
    if isinstance(node, list):
        if key in TEXT_LISTS:
            return [v for v in node if isinstance(v, str)]
        return [t for v in node for t in texts(v, key)]
    return [node] if isinstance(node, str) and key in TEXT_KEYS else []


def replace_texts(node: Any, fresh: Callable[[], str], key: str = "") -> Any:
    """The document with each free-text string replaced by ``fresh()``."""
    if isinstance(node, dict):
        return {k: replace_texts(v, fresh, k) for k, v in node.items()}
    if isinstance(node, list):
        if key in TEXT_LISTS:
            return [fresh() if isinstance(v, str) else v for v in node]
        return [replace_texts(v, fresh, key) for v in node]
    return fresh() if isinstance(node, str) and key in TEXT_KEYS else node
