"""The namespaces every stage speaks, named once.

XBRL 2.1, Dimensions, Inline XBRL 1.1, the DTR types and Transformation Registry 4/5 are fixed by
XBRL International; our own taxonomy's namespace lives in ``files`` with its version.
"""
from __future__ import annotations

XS = "http://www.w3.org/2001/XMLSchema"
XLINK = "http://www.w3.org/1999/xlink"
XHTML = "http://www.w3.org/1999/xhtml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XBRLI = "http://www.xbrl.org/2003/instance"
LINK = "http://www.xbrl.org/2003/linkbase"
ISO4217 = "http://www.xbrl.org/2003/iso4217"
XBRLDT = "http://xbrl.org/2005/xbrldt"
XBRLDI = "http://xbrl.org/2006/xbrldi"
NUM = "http://www.xbrl.org/dtr/type/numeric"
IX = "http://www.xbrl.org/2013/inlineXBRL"
TR4 = "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"
TR5 = "http://www.xbrl.org/inlineXBRL/transformation/2022-02-16"
SUMMATION_ITEM = "http://www.xbrl.org/2003/arcrole/summation-item"
