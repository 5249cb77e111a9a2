"""Regenerates iptkit/_core.pyi from the built module (pybind11-stubgen plus a few fixes).

    python -P bindings/python/make_stubs.py   # with iptkit installed (editable is fine)

-P keeps the script's own folder (which holds the iptkit sources, not the built module) off
sys.path, so the installed package is the one imported.

CI runs stubtest against the committed file, so a binding change without new stubs fails there.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET = HERE / "iptkit" / "_core.pyi"

def fix(text: str) -> str:
    # A catalog, registry or rule set passed as `None` means the built-ins; limits as `None`, the defaults.
    text = re.sub(r": (Catalog|ProtocolRegistry|InstrumentRegistry|RuleSet|ReadLimits) = None", r": \1 | None = None", text)
    # Equality takes any object (Liskov), like every Python __eq__.
    text = re.sub(r"def __eq__\(self, arg0: \w+\) -> bool", "def __eq__(self, other: object) -> bool", text)
    # Bare generics from py::dict / py::tuple / py::list.
    text = re.sub(r"(arg0|state): tuple\)", r"\1: tuple[typing.Any, ...])", text)
    text = re.sub(r"(def tidy_columns\(.*\)) -> dict:", r"\1 -> dict[str, dict[str, tuple[typing.Any, ...]]]:", text)
    text = re.sub(r"(def import_redcap_columns\(.*\)) -> tuple\[dict,", r"\1 -> tuple[dict[str, dict[str, tuple[typing.Any, ...]]],", text)
    text = re.sub(r"(def read_cohort_tables\(.*\)) -> tuple\[dict, list\]:",
                  r"\1 -> tuple[dict[str, dict[str, tuple[typing.Any, ...]]], list[typing.Any]]:", text)
    text = re.sub(r"-> dict:", "-> dict[str, tuple[typing.Any, ...]]:", text)
    text = re.sub(r"-> tuple:", "-> tuple[typing.Any, ...]:", text)
    text = re.sub(r"-> list:", "-> list[typing.Any]:", text)
    text = re.sub(r"(def __iter__\(self\)) -> typing.Any:", r"\1 -> CaseStream:", text)
    text = re.sub(r"def __next__\(self\) -> Case:", "def __next__(self) -> Case:", text)
    # Enum members need no constructor stub (stubgen writes an untyped one); neither do classes,
    # whose __new__ only value-initialises the C++ object and takes what __init__ takes.
    text = re.sub(r"\n    @classmethod\n    def __new__\(cls, value\):\n        \.\.\.", "", text)
    text = re.sub(r"\n    @classmethod\n    def __new__\(cls: typing.Any, \*args, \*\*kwargs\) -> typing.Any:\n        \.\.\.", "", text)
    text = text.replace("__hash__: typing.ClassVar[None] = None",
                        "__hash__: typing.ClassVar[None]  # type: ignore[assignment]")
    text = text.replace("tuple[list[Case], list]", "tuple[list[Case], list[tuple[int, int | None, list[ReadError], str | None, str]]]")
    text = text.replace("tuple[int, list]", "tuple[int, list[typing.Any]]")
    text = text.replace("check: collections.abc.Callable)",
                        "check: collections.abc.Callable[[Case], collections.abc.Iterable[tuple[str, str] | str] | None])")
    text = text.replace("    @staticmethod\n    def _repr_html_(c: Case) -> str:", "    def _repr_html_(self) -> str:")
    # The catch-all __init__ that only explains a call matching no field set (describe_class.hpp)
    # is no signature to type-check against: the keyword constructor alone is.
    text = re.sub(r'\n    @typing.overload\n    def __init__\(self, \*args, \*\*kwargs\) -> None:\n        """\n'
                  r'        Refuses a call that matches no field set[^"]*"""', "", text)
    text = text.replace("    @typing.overload\n    def __init__(self, *,", "    def __init__(self, *,")
    # Enum members as assignments of their values (annotations alone declare no members).
    from iptkit import _core
    import enum

    def member(m: re.Match[str]) -> str:
        cls = getattr(_core, m.group(3), None)
        if isinstance(cls, type) and issubclass(cls, enum.Enum):
            return f"{m.group(1)}{m.group(2)} = {cls[m.group(2)].value!r}"
        return m.group(0)

    text = re.sub(r"^( {4})(\w+): typing.ClassVar\[(\w+)\]$", member, text, flags=re.M)
    # Enums are str-valued (iptkit._spelled): what str gives them needs no stub, nor does the
    # members tuple the C++ caster reads; an argument of an enum type takes its spelling too.
    text = re.sub(r"\n    _iptkit_members: typing.ClassVar\[tuple\]", "", text)
    text = re.sub(r'\n    def __(format|str)__\(self(, format_spec)?\):\n        """\n[^"]*"""', "", text)
    enums = sorted(n for n, v in vars(_core).items() if isinstance(v, type) and issubclass(v, enum.Enum))

    def spelled_arguments(m: re.Match[str]) -> str:
        params = m.group(2)
        for name in enums:
            params = re.sub(rf"(?<=: ){name}\b(?!\.)", f"{name} | str", params)
            params = re.sub(rf"(?<=Sequence\[){name}\]", f"{name} | str]", params)  # covariant
        return m.group(1) + params + m.group(3)

    text = re.sub(r"^( *def \w+\()(.*)(\) -> .*:)$", spelled_arguments, text, flags=re.M)

    def spelled_field(m: re.Match[str]) -> str:  # read as the enum, set from the enum or a spelling
        field, kind, none = m.group(1), m.group(2), m.group(3) or ""
        if kind not in enums:
            return m.group(0)
        return (f"    @property\n    def {field}(self) -> {kind}{none}: ...\n"
                f"    @{field}.setter\n    def {field}(self, value: {kind} | str{none}) -> None: ...")

    text = re.sub(r"^    (\w+): (\w+)( \| None)?$", spelled_field, text, flags=re.M)
    # std::string_view parameters take bytes too (read as they are, UTF-8 checked in C++).
    text = text.replace("def read_case_text(text: str,", "def read_case_text(text: str | bytes,")
    # Case.validate (added in Python) returns Findings.
    text = text.replace("import typing\n", "import typing\nfrom iptkit._findings import Findings\n", 1)
    return text


def main() -> None:
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([sys.executable, "-m", "pybind11_stubgen", "iptkit._core", "-o", out,
                        "--enum-class-locations", r".+:iptkit._core"], check=True,
                       stdout=subprocess.DEVNULL)
        TARGET.write_text(fix((Path(out) / "iptkit" / "_core.pyi").read_text()))
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
