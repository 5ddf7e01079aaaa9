"""Render a validation outcome as text for people, JSON for scripts, or the W3C report graph."""

from __future__ import annotations

import json
from itertools import groupby

from rdflib import Graph

from kg.validate.shacl import SEVERITIES, Validation

PLURAL = {"Violation": "Violations", "Warning": "Warnings", "Info": "Infos"}


def render(result: Validation, fmt: str) -> str:
    if fmt == "turtle":
        return result.report.serialize(format="longturtle")
    if fmt == "json":
        return json.dumps(_json(result), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    return _text(result)


def render_many(results: dict[str, Validation], fmt: str) -> str:
    """Reports validated one by one: each report's outcome, and a total for the corpus."""
    if fmt == "turtle":
        merged = Graph()
        for result in results.values():
            merged += result.report
        return merged.serialize(format="longturtle")
    if fmt == "json":
        body = {
            "conforms": all(result.conforms for result in results.values()),
            "counts": {s: sum(_counts(r)[s] for r in results.values()) for s in SEVERITIES.values()},
            "reports": {report: _json(result) for report, result in results.items()},
        }
        return json.dumps(body, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    parts = [f"== {report} ==\n{_text(result)}" for report, result in results.items()]
    failing = sorted(report for report, result in results.items() if not result.conforms)
    totals = {s: sum(_counts(r)[s] for r in results.values()) for s in SEVERITIES.values()}
    parts.append(
        f"{len(results)} reports, {len(results) - len(failing)} conform: {totals['Violation']} violations, "
        f"{totals['Warning']} warnings, {totals['Info']} infos."
        + (f" Not conforming: {', '.join(failing)}." if failing else "")
        + "\n"
    )
    return "\n".join(parts)


def _counts(result: Validation) -> dict[str, int]:
    return {severity: result.count(severity) for severity in SEVERITIES.values()}


def _json(result: Validation) -> dict:
    return {
        "conforms": result.conforms,
        "counts": _counts(result),
        "results": [finding.as_dict() for finding in result.findings],
    }


def _text(result: Validation) -> str:
    lines: list[str] = []
    for severity in SEVERITIES.values():
        findings = [f for f in result.findings if f.severity == severity]
        lines.append(f"{PLURAL[severity]} ({len(findings)})")
        for (shape, label), group in groupby(findings, key=lambda f: (f.shape, f.shape_label)):
            items = list(group)
            lines.append(f"  {label} [{shape.rsplit('#', 1)[-1]}]: {len(items)}")
            for finding in items:
                lines.append(f"    - {finding.message}")
                lines.extend(f"      because: {message}" for _, message in finding.details)
                if finding.evidence:
                    quote = " ".join(finding.evidence.quote.split())
                    lines.append(f'      claim {finding.evidence.claim}, section {finding.evidence.section}: "{quote}"')
                else:
                    lines.append(f"      focus: {finding.focus}")
        lines.append("")
    counts = _counts(result)
    verdict = "conforms" if result.conforms else "does not conform"
    lines.append(
        f"The graph {verdict}: {counts['Violation']} violations, {counts['Warning']} warnings, {counts['Info']} infos."
    )
    return "\n".join(lines) + "\n"
