"""Tables as pandas DataFrames, with the dtypes the README documents for each CSVW datatype.

pandas is an optional extra (``csr-kg[tables]``): it is imported only here, when a DataFrame
is asked for. The dtypes are those a researcher gets from ``pandas.read_csv`` with
:func:`read_csv_options`, so the CSV and ``kg.api.facts`` give equal frames.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kg.extras import require
from kg.outputs.tables import Column, Table

# CSVW datatype -> pandas dtype. Decimals become floats (the exact figure stays in the CSV text);
# integers and years are nullable integers, since a page or a year may be missing.
PANDAS_DTYPES = {
    "string": "string",
    "anyURI": "string",
    "decimal": "float64",
    "integer": "Int64",
    "gYear": "Int64",
    "date": "datetime64[ns]",
}


def _pandas() -> Any:
    return require("pandas", "tables", "DataFrames of tables")


def dtypes(columns: tuple[Column, ...]) -> dict[str, str]:
    return {c.name: PANDAS_DTYPES[c.datatype] for c in columns}


def read_csv_options(columns: tuple[Column, ...]) -> dict[str, Any]:
    """Keyword arguments for ``pandas.read_csv`` that read a table's CSV with its documented dtypes.

    Only the empty cell is missing: ``keep_default_na=False`` keeps text such as "NA" or "None" a
    string, and a panel's ``not-disclosed`` is a value of its own.
    """
    dates = [c.name for c in columns if c.datatype == "date"]
    return {
        "dtype": {name: dtype for name, dtype in dtypes(columns).items() if name not in dates},
        "parse_dates": dates,
        "keep_default_na": False,
        "na_values": [""],
    }


def frame(table: Table, marks: tuple[str, ...] = ()) -> Any:
    """The table as a DataFrame: one column per table column, typed as :data:`PANDAS_DTYPES` says.

    A decimal column holding one of ``marks`` (a panel's ``not-disclosed``) keeps it as text
    beside its floats, in an object column: the mark is a value, not a missing cell.
    """
    pd = _pandas()
    data = {}
    for i, column in enumerate(table.columns):
        cells = [row[i] or None for row in table.rows]
        kind = PANDAS_DTYPES[column.datatype]
        if kind == "float64" and any(c in marks for c in cells):
            data[column.name] = pd.Series([c if c is None or c in marks else float(c) for c in cells], dtype="object")
        elif kind == "datetime64[ns]":
            data[column.name] = pd.to_datetime(pd.Series(cells, dtype="object"), format="%Y-%m-%d").astype(kind)
        elif kind == "float64":
            data[column.name] = pd.Series([None if c is None else float(c) for c in cells], dtype=kind)
        elif kind == "Int64":
            data[column.name] = pd.Series([None if c is None else int(c) for c in cells], dtype=kind)
        else:
            data[column.name] = pd.Series(cells, dtype=kind)
    return pd.DataFrame(data, columns=[c.name for c in table.columns])


def read_csv(path: Path, columns: tuple[Column, ...]) -> Any:
    """A table's CSV read with its documented dtypes (dates set to nanoseconds, which pandas 3
    no longer picks by itself)."""
    read = _pandas().read_csv(path, **read_csv_options(columns))
    for column in columns:
        if column.datatype == "date":
            read[column.name] = read[column.name].astype(PANDAS_DTYPES["date"])
    return read
