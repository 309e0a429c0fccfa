"""The check report: what the command line prints, the web page shows and the API returns.

The shape is the contract in DESIGN.md ("Check report contract"). Messages are carried in every
language we have them in, so a stored report can be shown in the reader's language later.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
Verdict = Literal["pass", "fail", "rejected"]
SEVERITIES = ("error", "warning", "info")
DEFAULT_LANG = "et"


def plain(value: Any) -> Any:
    """Details as JSON-ready Python values: checks compute with NumPy, but reports are stored
    in JSON columns and printed as JSON, so NumPy scalars/arrays, tuples and sets become
    ints, floats and lists here, once, for every consumer."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted((plain(v) for v in value), key=str)
    if hasattr(value, "tolist"):  # NumPy arrays and scalars
        return plain(value.tolist())
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


@dataclass
class Finding:
    """One observation about a file.

    `code` is stable and dotted (e.g. ``colour.off_palette``); `messages` maps a language code
    (et, en, ru) to a sentence with the numbers a designer needs; `details` holds the same
    numbers as data. A finding with `rejects=True` means the file was not safe or not readable,
    so the verdict is "rejected" rather than "fail".
    """

    code: str
    severity: Severity
    messages: dict[str, str]
    details: dict[str, Any] = field(default_factory=dict)
    rejects: bool = False

    def message(self, lang: str = DEFAULT_LANG) -> str:
        return (
            self.messages.get(lang) or self.messages.get("en") or next(iter(self.messages.values()))
        )

    def as_dict(self, lang: str = DEFAULT_LANG) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message(lang),
            "details": plain(self.details),
        }


@dataclass
class Report:
    file: str
    format: str | None = None
    width: int | None = None
    height: int | None = None
    findings: list[Finding] = field(default_factory=list)

    @property
    def verdict(self) -> Verdict:
        if any(f.rejects for f in self.findings):
            return "rejected"
        if any(f.severity == "error" for f in self.findings):
            return "fail"
        return "pass"

    def add(self, finding: Finding) -> None:
        self.findings.append(finding)

    def as_dict(self, lang: str = DEFAULT_LANG) -> dict[str, Any]:
        order = {name: index for index, name in enumerate(SEVERITIES)}
        findings = sorted(self.findings, key=lambda f: (order[f.severity], f.code))
        return {
            "file": self.file,
            "verdict": self.verdict,
            "format": self.format,
            "width": self.width,
            "height": self.height,
            "findings": [f.as_dict(lang) for f in findings],
        }

    def as_storable(self) -> dict[str, Any]:
        """Every language's message, for storing on a version and rendering later."""
        data = self.as_dict()
        data["findings"] = [
            {**f.as_dict(), "messages": f.messages, "rejects": f.rejects} for f in self.findings
        ]
        return data
