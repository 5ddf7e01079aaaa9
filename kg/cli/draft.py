"""``csrkg draft``: a report folder drafted from a PDF, HTML or text report."""

from __future__ import annotations

from pathlib import Path

import click

from kg.ingest import redraft
from kg.ingest.draft import DEFAULT_STANDARD, Given, draft, given_identity, read_source, write_folder


@click.command("draft")
@click.argument("source", type=click.Path(path_type=Path), required=False)
@click.option("-o", "--out", type=click.Path(path_type=Path), default=None, help="Folder to write (default: ./ID).")
@click.option("--id", "report_id", default=None, help="Report id, a slug (default: company-year).")
@click.option("--company", default=None, help="Company name (default: guessed from the title page).")
@click.option("--year", type=click.IntRange(1000, 9999), default=None, help="Reporting year (default: guessed).")
@click.option("--title", default=None, help="Report title (default: guessed from the title page).")
@click.option("--standard", default=DEFAULT_STANDARD, show_default=True, help="Reporting guide the report follows.")
@click.option("--exchange", default=None, help="Exchange the company is listed on (HKEX, SSE ... or an ISO 10383 MIC).")
@click.option("--stock-code", default=None, help="The company's stock code on --exchange (e.g. 1810).")
@click.option("--lei", default=None, help="The company's Legal Entity Identifier (its check digits are checked).")
@click.option("--isin", default=None, help="The ISIN of the company's shares (its check digit is checked).")
@click.option("--wikidata", default=None, help="The company's Wikidata item id (Q...).")
@click.option("--sector-scheme", default=None, help="Sector classification (GICS, HSICS, ICB, NACE, NAICS or a name).")
@click.option("--sector-code", default=None, help="The company's sector code in --sector-scheme.")
@click.option("--sector-label", default=None, help="The sector's name in --sector-scheme.")
@click.option("--force", is_flag=True, help="Replace an existing report folder.")
@click.option(
    "--update",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Draft this report folder's report.txt again into its claims/drafted.yaml, keeping reviewed entries.",
)
def draft_command(
    source: Path | None,
    out: Path | None,
    report_id: str | None,
    company: str | None,
    year: int | None,
    title: str | None,
    standard: str,
    exchange: str | None,
    stock_code: str | None,
    lei: str | None,
    isin: str | None,
    wikidata: str | None,
    sector_scheme: str | None,
    sector_code: str | None,
    sector_label: str | None,
    force: bool,
    update: Path | None,
) -> None:
    """Draft a report folder from SOURCE (.pdf, .html/.htm, .txt/.md) that `csrkg build` reads.

    Writes report.txt, report.yaml (metadata not given are guessed and marked so), a claim
    sheet naming the company, claims/drafted.yaml (the claims read from the prose, marked
    review: drafted) and, for sources with pages, pages.json (the page of every character and
    the running headers and footers). With --update DIR, drafts DIR's report.txt again into its
    claims/drafted.yaml, keeping the claims a person reviewed or corrected (and not drafting
    their text again); nothing else of the folder is written.

    The company's identifiers and sector (--exchange with --stock-code, --lei, --isin, --wikidata,
    --sector-scheme with --sector-code and --sector-label) are never guessed: given, they are
    checked as report.yaml's are and written to it.
    """
    ids = {"exchange": exchange, "stock_code": stock_code, "lei": lei, "isin": isin, "wikidata": wikidata}
    sector = {"scheme": sector_scheme, "code": sector_code, "label": sector_label}
    if update is not None:
        if source is not None or out is not None:
            raise click.UsageError("--update DIR drafts the folder's own report.txt: give no SOURCE or --out")
        given_meta = (report_id, company, year, title, *ids.values(), *sector.values())
        if any(v is not None for v in given_meta) or force:
            raise click.UsageError(
                "--update DIR reads the metadata from DIR/report.yaml: give no --id, --company, --year, --title, "
                "identifier, sector or --force"
            )
        done = redraft.update(update)
        click.echo(
            f"wrote {done.path} ({done.kept} reviewed claims kept, {done.drafted} drafted claims: "
            f"{done.added} new, {done.removed} old ones gone)",
            err=True,
        )
        return
    if source is None:
        raise click.UsageError("give a SOURCE to draft, or --update DIR")
    identifiers, sector_spec = given_identity(ids, sector)
    found = read_source(source)
    drafted = draft(found, Given(report_id, company, year, title, standard, identifiers, sector_spec))
    folder = out if out is not None else Path(drafted.report_id)
    write_folder(folder, drafted.files, force)
    guessed = f"; guessed: {', '.join(drafted.guessed)}" if drafted.guessed else ""
    pages = f", {drafted.pages} pages, {drafted.furniture} header/footer lines" if drafted.pages else ""
    claims = f", {drafted.claims} drafted claims with {drafted.observations} figures"
    click.echo(f"wrote {folder} ({len(found.text)} characters{pages}{claims}{guessed})", err=True)
