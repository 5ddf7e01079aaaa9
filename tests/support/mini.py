"""The tiny conforming report the tests break: its text, metadata and claim sheet."""

MINI_TEXT = """SAMPLE CO ESG REPORT

1. Overview

1.1 About

In 2019, Sample Co invested approximately RMB7.5 billion in R&D.
Sample Co set up a Quality Committee.
The number of connected devices reached

Table of Environmental Key Performance Indicators

Unless otherwise specified, environmental key performance indicators cover the Group's main offices in Sampleland.

1. Emissions

Direct GHG emissions (Scope 1) (tons)\t283.42
Hazardous waste per employee (tons per employee)\t0.000066
"""

MINI_META = """\
id: sample-2019
company: sample-co
title: Sample Co ESG Report 2019
year: 2019
standard: hkex-esg-guide-2019
curator: {name: Test curator}
"""

MINI_SHEET = """\
entities:
  - {id: sample-co, type: Organization, label: Sample Co}
  - {id: quality-committee, type: Committee, label: Quality Committee, unit_of: sample-co}
metrics:
  - {id: rd-investment, label: R&D investment}
  - {id: connected-devices, label: Connected devices}
claims:
  - id: rd
    kind: quantitative
    quote: "In 2019, Sample Co invested approximately RMB7.5 billion in R&D."
    observations:
      - {metric: rd-investment, figure: approximately RMB7.5 billion}
    sdgs:
      - {goal: 9, basis: inferred, rationale: R&D builds innovation capacity.}
  - id: committee
    kind: governance
    quote: Sample Co set up a Quality Committee.
    about: [quality-committee]
    links: {launched: [quality-committee]}
  - id: devices
    kind: quantitative
    quote: The number of connected devices reached
    missing_figure: connected-devices
"""
