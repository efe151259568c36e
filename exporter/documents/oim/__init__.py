"""Open Information Model reports of a fact set: xBRL-JSON (``xbrl_json``) and xBRL-CSV (``xbrl_csv``).

Written from the fact set, not converted from the instance, so both carry exactly the facts the
instance carries: concept, entity, period, unit, dimensions (explicit, typed, the filing's own
extension members), decimals, nil values and languages. ``aspects`` holds what the two share: the
OIM form of each aspect and the namespace prefixes.
"""
from exporter.documents.oim.aspects import NotRepresentable
from exporter.documents.oim.xbrl_csv import build_xbrl_csv, csv_names
from exporter.documents.oim.xbrl_json import build_xbrl_json, json_name

__all__ = ["NotRepresentable", "build_xbrl_csv", "build_xbrl_json", "csv_names", "json_name"]
