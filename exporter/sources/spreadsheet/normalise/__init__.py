"""CSV bytes to text (``encoding``): the one reading step that belongs to spreadsheets alone.

Cell values are read by `exporter.notation`, shared with YAML input and notice extraction.
"""

from __future__ import annotations

from .encoding import decode_csv_bytes

__all__ = ["decode_csv_bytes"]
