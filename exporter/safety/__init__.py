"""Reading untrusted input safely: the foundation every stage stands on.

Owns the one hardened XML reader (``xml``) that every stage uses for XML it did not write itself
(drafts, taxonomy files and packages, the parts of an xlsx workbook), and the limits it enforces.
It imports nothing from the rest of the project, so any stage may use it.
"""
