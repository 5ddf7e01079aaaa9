"""Shared fixtures: the bundled KG built once per session, and tiny report folders to break."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner, Result
from rdflib import Graph

from kg.cli.app import main
from kg.ingest.loader import load_reports
from kg.ingest.model import Report
from kg.outputs.export import serialise
from kg.rdf.build import build_graph
from kg.vocab.data import bundled_reports
from kg.vocab.ontology import ontology_graph
from tests.support.mini import MINI_META, MINI_SHEET, MINI_TEXT
from tests.support.paths import MINI_REPORT

if TYPE_CHECKING:  # imported where used: kg.validate.shacl loads pySHACL (seconds), which few runs need
    from kg.validate.shacl import Validation
    from tests.support.shape_patches import ShapePatches


@pytest.fixture(scope="session", autouse=True)
def literal_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Each test session (each xdist worker) its own kg.rdf.literal_cache, never the user's."""
    directory = tmp_path_factory.mktemp("literal-cache")
    previous = os.environ.get("CSRKG_CACHE_DIR")
    os.environ["CSRKG_CACHE_DIR"] = str(directory)
    yield directory
    if previous is None:
        del os.environ["CSRKG_CACHE_DIR"]
    else:
        os.environ["CSRKG_CACHE_DIR"] = previous


@pytest.fixture
def make_report(tmp_path: Path) -> Callable[..., Path]:
    """Write a report folder from (possibly broken) parts and return its path."""

    def make(
        text: str | bytes = MINI_TEXT, meta: str = MINI_META, sheet: str = MINI_SHEET, name: str = "sample"
    ) -> Path:
        folder = tmp_path / name
        (folder / "claims").mkdir(parents=True)
        if isinstance(text, bytes):
            (folder / "report.txt").write_bytes(text)
        else:
            (folder / "report.txt").write_text(text, encoding="utf-8")
        (folder / "report.yaml").write_text(textwrap.dedent(meta), encoding="utf-8")
        (folder / "claims" / "sheet.yaml").write_text(sheet, encoding="utf-8")
        return folder

    return make


@pytest.fixture(scope="session")
def bundled() -> list[Report]:
    return load_reports(bundled_reports())


@pytest.fixture(scope="session")
def bundled_graph() -> Graph:
    return build_graph()


@pytest.fixture(scope="session")
def bundled_kg(bundled_graph: Graph) -> Graph:
    """The bundled KG with the ontology mixed in, as saved queries and the endpoint read it.

    Made once per session (per xdist worker): copying some 26,000 triples takes about a second,
    and a saved query on it loads an Oxigraph copy once per graph (kg/sparql/saved.py), so the
    modules that query it share one graph and one copy. Read-only: a test that changes a graph
    makes its own copy.
    """
    return bundled_graph + ontology_graph()


@pytest.fixture(scope="session")
def bundled_export(bundled_graph: Graph) -> Callable[[str], bytes]:
    """The bundled KG in an export format (kg.outputs.export.serialise), written once per session.

    Writing it takes seconds per format (RDF/XML and TriG most), and several tests read the same
    bytes; a test that checks the writing itself (byte-identical when written again) calls
    serialise as well. Tests that use it carry ``xdist_group("bundled-exports")`` so that
    ``--dist loadgroup`` runs them on one worker, which writes each format once.
    """
    written: dict[str, bytes] = {}

    def export(fmt: str) -> bytes:
        if fmt not in written:
            written[fmt] = serialise(bundled_graph, fmt)
        return written[fmt]

    return export


@pytest.fixture(scope="session")
def ontology_docs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Result, Path]:
    """``csrkg docs --out DIR`` (in process): its result and DIR, made once per session.

    pyLODE takes some 5 CPU-seconds to write the page, and two modules read it (test_export checks
    every term is named, test_cli_conventions the page's title and metadata); their tests carry
    ``xdist_group("ontology-docs")`` so that one worker writes it. DIR does not exist before
    (the command makes it); ``-o`` is ``--out`` (test_short_options_name_the_same_option).
    """
    out = tmp_path_factory.mktemp("ontology-docs") / "docs"
    return CliRunner().invoke(main, ["docs", "--out", str(out)]), out


@pytest.fixture(scope="session")
def shape_patches() -> ShapePatches:
    """The mini report's KG broken by each shape fixture and validated, each once per session
    (tests/support/shape_patches.py); the tests that read it carry ``xdist_group("shape-patches")``."""
    from tests.support.shape_patches import ShapePatches

    return ShapePatches(build_graph([MINI_REPORT]))


@pytest.fixture(scope="session")
def bundled_validation(bundled_graph: Graph) -> Validation:
    """csr-kg's engine on the bundled KG, once per session: test_shapes reads its findings and
    test_validate_parity holds it to pySHACL's (both carry ``xdist_group("shape-patches")``)."""
    from kg.validate.shacl import validate_graph

    return validate_graph(bundled_graph)


# Which tests a developer may leave out of a quick run (`pytest -m "not slow and not server and not
# browser"`, under a minute); the README's test command runs them all. Kept in one table so that a
# module's weight is seen at a glance. server: starts a server or store process on 127.0.0.1;
# browser: drives headless Chromium; slow: takes seconds (whole-corpus builds, every export format,
# subprocess kills, fuzz and property campaigns, wheel installs, rdflib evaluation of heavy queries,
# pySHACL parity, drafting a whole report, one validation per breaking fixture, CSV on the Web
# validation, a site build, a second Python process). A test in neither table should take well
# under a second of CPU once the session fixtures (the bundled KG, bundled_kg) exist.
MODULE_MARKS: dict[str, tuple[str, ...]] = {
    "test_serve.py": ("server",),
    "test_serve_load.py": ("server", "slow"),
    "test_store.py": ("server",),
    "test_publish_faults.py": ("server",),
    "test_fuzz_inputs.py": ("slow",),
    "test_properties_graph.py": ("slow",),
    "test_corpus.py": ("slow",),
    "test_build_kill.py": ("slow",),
    "test_install.py": ("slow",),
    "test_export.py": ("slow",),
    "test_site.py": ("slow",),
    "test_network.py": ("slow",),
    "test_properties_numbers.py": ("slow",),
    "test_draft.py": ("slow",),
    "test_drafting.py": ("slow",),
    "test_distributed.py": ("server", "slow"),
    "test_comunica.py": ("server", "slow"),
    "test_virtuoso.py": ("server", "slow"),
    "test_validate_parity.py": ("slow",),
    "test_comparable_metrics.py": ("slow",),
    "test_draft_precedence_bundled.py": ("slow",),
    "test_stated_denominators.py": ("slow",),
}
TEST_MARKS: dict[str, tuple[str, ...]] = {
    "test_claim_page_in_a_browser": ("browser",),
    "test_laws_by_aspect": ("slow",),
    "test_cli_runs_a_query_file_on_a_data_file": ("slow",),
    "test_bundled_and_fixture_inputs_and_every_saved_query_stay_local": ("slow",),
    "test_rebuilds_are_byte_identical": ("slow",),
    "test_independent_parser_agrees": ("slow",),
    "test_bundled_kg_conforms": ("slow",),
    "test_bundled_findings_are_exactly_the_reports_own": ("slow",),
    "test_removing_provenance_from_the_bundled_kg": ("slow",),
    "test_removing_any_required_property_is_a_violation": ("slow",),
    "test_load_reads_a_file": ("slow",),
    "test_dataframe": ("slow",),
    "test_base_iri_moves_every_instance_iri": ("slow",),
    "test_material_issues_without_figures": ("slow",),
    "test_a_name_gives_the_rows_its_iri_gives": ("slow",),
    "test_a_name_is_resolved_on_the_command_line": ("slow",),
    "test_docs_page_is_titled_for_the_csr_kg_ontology": ("slow",),
    "test_shapes_are_added_to_csr_kgs_unless_replaced": ("slow",),
    "test_core_commands_import_no_extra": ("slow",),
    "test_every_query_answers_with_rows": ("slow",),
    "test_kpi_disclosure": ("slow",),
    "test_cli_lists_and_runs_queries": ("slow",),
    "test_every_saved_query_renders_as_on_rdflib": ("slow",),
    "test_the_bundled_kg_is_written_as_rdflib_writes_it": ("slow",),
    "test_generated_iris_are_written_as_rdflib_writes_them": ("slow",),
    "test_breaking_fixture_trips_its_shape": ("slow",),
    "test_no_shape_is_vacuous": ("slow",),
    "test_shapes_pass_meta_shacl": ("slow",),
    "test_panel_cells_are_the_facts_canonical_values_on_a_synthetic_corpus": ("slow",),
    "test_an_unknown_report_is_a_one_line_error": ("slow",),
    "test_cli_writes_csv_and_csvw_byte_identical_and_pandas_reads_the_documented_dtypes": ("slow",),
    "test_parquet_is_typed_and_byte_identical": ("slow",),
    "test_csvw_metadata_validates_and_turns_back_into_the_graphs_triples": ("slow",),
    "test_panel_cli_writes_wide_and_long_with_valid_csvw": ("slow",),
    "test_the_site_shows_the_page_of_a_claim": ("slow",),
    "test_build_of_a_pdf_is_draft_then_build": ("slow",),
    "test_every_folder_builds_with_exactly_the_claims_written": ("slow",),
    "test_python_m_kg_help": ("slow",),
    "test_serve_on_a_port_in_use_is_a_one_line_error": ("slow",),
    "test_the_bundled_graph_loads_with_no_ambiguous_literal": ("slow",),
    "test_the_bundled_kg_built_in_memory_answers_as_a_file": ("slow",),
    "test_cli_query_resolves_names_and_writes_constructs": ("slow",),
}


def _shares_a_module_fixture(item: pytest.Item) -> bool:
    """Whether ``item`` uses a fixture made once per module or class (a server, a built corpus)."""
    info = getattr(item, "_fixtureinfo", None)
    return info is not None and any(defs[-1].scope in ("module", "class") for defs in info.name2fixturedefs.values())


@pytest.hookimpl(tryfirst=True)  # before xdist reads the xdist_group marks
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tests of the tables above, and run the modules that hold slow tests first.

    xdist (``--dist loadgroup``, pyproject.toml) hands tests to its workers in this order, one at
    a time as each finishes, so a long test started last cannot keep one worker busy while the
    other has nothing left; each module's tests stay together and in their own order.

    The tests of a module that share a module-scoped fixture (a Virtuoso or Oxigraph server, a
    built corpus, a rendered site) are one xdist group, unless they have a group already: handed
    to both workers, each would make the fixture once (20 s for Virtuoso).
    """
    for item in items:
        names = MODULE_MARKS.get(item.path.name, ()) + TEST_MARKS.get(item.originalname, ())
        for name in names:
            item.add_marker(name)
        if item.get_closest_marker("xdist_group") is None and _shares_a_module_fixture(item):
            item.add_marker(pytest.mark.xdist_group(item.path.stem))
    slow_modules = {item.path for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.path not in slow_modules)
