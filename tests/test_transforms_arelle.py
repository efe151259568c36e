"""Arelle judges every Transformation Registry format: text by text, our verdict and value equal its.

One Inline XBRL document holds every case as a fact: each format of TR4 and TR5 (and of TR1 to TR3)
applied to generated texts (every month word of its language in several layouts, impossible days,
one- to four-digit years, stray letters) and to hand-written edge cases. Arelle loads it once, in a
child process; each fact's validity and value there must equal what ``transform`` says here.
"""
from __future__ import annotations

import itertools
import logging
import multiprocessing
import re
import tempfile
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from exporter.arelle_adapter import arelle_options
from exporter.validation.monthnames import month_table
from exporter.validation.transforms import REGISTRY, TR1, TR2, TR3, TR4, TR5, TransformError, transform

pytestmark = pytest.mark.arelle

PREFIXES = {TR1: "ixt1", TR2: "ixt2", TR3: "ixt3", TR4: "ixt4", TR5: "ixt5"}
XHTML, IX = "http://www.w3.org/1999/xhtml", "http://www.xbrl.org/2013/inlineXBRL"
XBRLI, LINK = "http://www.xbrl.org/2003/instance", "http://www.xbrl.org/2003/linkbase"
XLINK, T = "http://www.w3.org/1999/xlink", "http://example.com/transforms"
# Where Arelle departs from the registry we follow the registry, and cases with these words are
# checked to differ in exactly this way: Arelle refuses the registry's Hindi October, November and
# December (its month table spells them otherwise), and its day-month pattern for Greek lacks one
# June form (Latin I) that its other Greek patterns list.
ARELLE_REFUSES = ("अक्टूबर", "नवंबर", "दिसंबर", "IΟΎΝ")

# --- the cases -------------------------------------------------------------------------------------

DAYS = ("1", "09", "13", "28", "29", "30", "31", "32", "0")
YEARS = ("2024", "24", "5", "2023", "024", "1999", "0000")
SEPARATORS = (" ", ". ", "-", "/", ", ", " de ", "\u00a0", ".", "\n ")
TR1_DATES = {"dateslashus", "dateslasheu", "datedotus", "datedoteu", "datelongus", "dateshortus", "datelonguk",
             "dateshortuk"}
NUMBERS = ("1,234.5", "1 234,50", "1.234.567,8", "1'234.5", "1’234,5", "0012.500", "12,34", ".5", "5.", "5,",
           "1,2.3", "", "-5", "1e5", "１２３", "1\u00a0234.5", "12 345 678", "1,00,00,000.00", "10,00,000",
           "123,456", "1,2345", "1234567.25", "0", "0.000", " 7 ", "1.2.3", "1,,2", "1 ,2")
UNIT_NUMBERS = ("5円30銭", "5円3銭", "1,234円56銭", "１２円３４銭", "円30銭", "5円", "5円300銭", "5 dollars 30 cents",
                "5'000 Fr. 50", "5’000 Fr 05", "0円5銭", "01円05銭", "1.000,00 und 5", "12,34,567 rupees 50 paise",
                "1,234 dollars 5", "5．000円1銭")
FIXED = ("", "-", "—", "–", "‒", "x", "--", " - ", "nil")
ERAS = ("令和元年5月1日", "平成27年7月13日", "平成 27 年 7 月 13 日", "昭和64年1月7日", "平成27年2月30日",
        "平成２７年７月１３日", "大正15年12月", "明治45年7月", "令和6年13月", "令6年2月29日", "令5年2月29日",
        "平成27年7月", "H27年7月13日", "2015年7月13日", "元年5月1日")
CJK = ("2015年7月13日", "２０１５年７月１３日", "15年7月13日", "2015 年 7 月 13 日", "2015年7月", "2015年2月30日",
       "2015/7/13", "2015-07-13", "2015.7", "2015年13月", "2015年7月13", "7月13日")
SAKA = ("Chaitra", "Vaisakha", "Jyaistha", "Asadha", "Sravana", "Bhadra", "Asvina", "Kartika", "Agrahayana",
        "Pausa", "Magha", "Phalguna", "चैत्र", "वैशाख", "ज्येष्ठ", "आषाढ", "श्रावण", "भाद्रपद", "आश्विन", "कार्तिक",
        "मार्गशीर्ष", "पौष", "माघ", "फाल्गुन", "Month")


def _language(name: str, fields: list[str]) -> str | None:
    last = name.rsplit("-", 1)[-1]
    if "monthroman" in fields:
        return "roman"
    if "monthname" not in fields:
        return None
    if last in ("cs", "cy"):
        return f"{last}-day" if "day" in fields else f"{last}-month"
    return "da" if last == "sv" else last


def _month_words(language: str | None) -> list[tuple[str, int]]:
    if language is None:
        return [(str(number), number) for number in range(1, 14)] + [("07", 7), ("00", 0)]
    return sorted(month_table(language).items(), key=lambda item: (item[1], item[0]))


def _generated(name: str) -> Iterator[str]:
    """Texts for a TR4/TR5 date format: each month word, rotating days, years and separators."""
    fields = [part for part in name.split("-")[1:] if part in ("day", "month", "monthname", "monthroman", "year")]
    words = _month_words(_language(name, fields))
    rotation = zip(itertools.cycle(DAYS), itertools.cycle(YEARS), itertools.cycle(SEPARATORS))
    for (word, _), (day, year, separator) in zip(words, rotation, strict=False):
        values = {"day": day, "month": word, "monthname": word, "monthroman": word, "year": year}
        yield separator.join(values[field] for field in fields)
        yield " ".join(values[field] if field != "day" else "13" for field in fields)  # a real day, plain spaces
    for word, _ in words[:: max(1, len(words) // 4)]:
        values = {"day": "13", "month": word, "monthname": word, "monthroman": word, "year": "2015"}
        yield " ".join(values[field] for field in fields) + "."
        yield " ".join(values[field] for field in fields) + "r"
        yield "  " + " ".join(values[field] for field in fields) + " \n"
        yield " ".join(values[field] for field in fields).swapcase()
        yield "1" + " ".join(values[field] for field in fields)
    yield ""
    yield "13"


def cases() -> Iterator[tuple[str, str, str]]:
    """(namespace, format, text) for every format of TR1 to TR5."""
    for namespace in PREFIXES:
        for name in sorted(REGISTRY[namespace]):
            if namespace in (TR1, TR2, TR3) and name in REGISTRY[TR4]:
                continue
            yield from ((namespace, name, text) for text in _texts(namespace, name))


def _texts(namespace: str, name: str) -> Iterator[str]:
    if name.startswith("num") and "unit" in name:
        yield from UNIT_NUMBERS
    elif name.startswith("num") and name != "numdash":
        yield from NUMBERS
    elif name.startswith(("fixed", "boolean", "nocontent", "zerodash", "numdash")):
        yield from FIXED
    elif "jpn-era" in name or "erayear" in name:
        yield from ERAS
    elif name.endswith("cjk") or name in ("date-year-month", "date-year-month-day", "dateyearmonthday"):
        yield from CJK
        yield from _generated("date-year-month-day" if "day" in name else "date-year-month")
    elif name in ("date-ind-day-monthname-year-hi", "calindaymonthyear"):
        for month, day, year in zip(SAKA, itertools.cycle(("1", "15", "30", "31", "१५")),
                                    itertools.cycle(("1946", "1945", "46", "21", "22", "१९४६")), strict=False):
            yield f"{day} {month} {year}"
    elif namespace in (TR4, TR5):
        yield from _generated(name)
        if name.endswith(("-da", "-sv")):
            yield from ("13. jan. 2015", "13 januar 2015", "13 januar. 2015", "13 JAN.. 15", "13 Jan", "13 jAn.",
                        "jan. 2015", "januari 2015", "januar. 2015")
        if name.endswith("-hi"):
            yield from ("१३ जुलाई २०१५", "13 जुलाई 15", "जुलाई २०१५", "१३ अक्टूबर २०१५", "नवंबर 2015", "13 July 2015")
    else:  # TR1 to TR3 dates under their own names
        yield from ("7/13/2015", "13/7/2015", "7.13.15", "13.7.15", "13/07", "07/13", "2/30/2015", "July 13, 2015",
                    "Jul 13, 15", "13 July 2015", "13 Jul 2015", "July 13", "13 July", "Jul 13th", "13  Jul",
                    "2015 July", "15 Jul", "July 2015", "Jul 15", "JULY 13, 2015", "July 13 2015", "13-07-2015",
                    "07-2015", "7/2015", "१३ जुलाई २०१५", "13 ०७ 2015", "13 नवंबर 2015", "जुलाई 2015", "13 jul. 2015",
                    "13. juli 2015", "jul 2015", "13 July, 2015", "13 July 15")


def kind(name: str) -> str:
    """The type of the fact a format is tested on: its output's type, a string for numbers and fixed."""
    if not name.startswith("date"):
        return "string"
    if name in TR1_DATES or ("day" in name and "year" in name):
        return "date"
    return "gYearMonth" if "year" in name else "gMonthDay"


# --- the document ---------------------------------------------------------------------------------

SCHEMA = f"""<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xbrli="{XBRLI}" targetNamespace="{T}"
  elementFormDefault="qualified">
  <xs:import namespace="{XBRLI}" schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>
  <xs:element name="string" type="xbrli:stringItemType" substitutionGroup="xbrli:item" xbrli:periodType="instant"/>
  <xs:element name="date" type="xbrli:dateItemType" substitutionGroup="xbrli:item" xbrli:periodType="instant"/>
  <xs:element name="gYearMonth" type="xbrli:gYearMonthItemType" substitutionGroup="xbrli:item"
    xbrli:periodType="instant"/>
  <xs:element name="gMonthDay" type="xbrli:gMonthDayItemType" substitutionGroup="xbrli:item"
    xbrli:periodType="instant"/>
</xs:schema>
"""


def document(all_cases: list[tuple[str, str, str]]) -> bytes:
    nsmap = {None: XHTML, "ix": IX, "xbrli": XBRLI, "link": LINK, "xlink": XLINK, "t": T,
             **{prefix: namespace for namespace, prefix in PREFIXES.items()}}
    html = etree.Element(f"{{{XHTML}}}html", nsmap=nsmap)
    etree.SubElement(etree.SubElement(html, f"{{{XHTML}}}head"), f"{{{XHTML}}}title").text = "formats"
    body = etree.SubElement(html, f"{{{XHTML}}}body")
    header = etree.SubElement(etree.SubElement(body, f"{{{XHTML}}}div", style="display:none"), f"{{{IX}}}header")
    references = etree.SubElement(header, f"{{{IX}}}references")
    etree.SubElement(references, f"{{{LINK}}}schemaRef", {f"{{{XLINK}}}type": "simple", f"{{{XLINK}}}href": "t.xsd"})
    context = etree.SubElement(etree.SubElement(header, f"{{{IX}}}resources"), f"{{{XBRLI}}}context", id="c")
    entity = etree.SubElement(etree.SubElement(context, f"{{{XBRLI}}}entity"), f"{{{XBRLI}}}identifier",
                              scheme="http://example.com")
    entity.text = "e"
    etree.SubElement(etree.SubElement(context, f"{{{XBRLI}}}period"), f"{{{XBRLI}}}instant").text = "2024-01-01"
    for index, (namespace, name, text) in enumerate(all_cases):
        fact = etree.SubElement(etree.SubElement(body, f"{{{XHTML}}}p"), f"{{{IX}}}nonNumeric", id=f"f{index}",
                                name=f"t:{kind(name)}", contextRef="c", format=f"{PREFIXES[namespace]}:{name}")
        fact.text = text
    return etree.tostring(html, xml_declaration=True, encoding="UTF-8")


def arelle_values(path: Path) -> dict[str, str | None]:
    """Each fact's id -> Arelle's value (None: Arelle found the fact invalid). Run in a child process."""
    from arelle.api.Session import Session
    from arelle.XmlValidate import VALID

    with tempfile.TemporaryDirectory(prefix="arelle-cache-") as cache, Session() as session:
        session.run(arelle_options(path, cache_dir=Path(cache)), logHandler=logging.NullHandler())
        [model] = session.get_models()
        try:
            return {fact.id: str(fact.xValue) if fact.xValid >= VALID else None for fact in model.facts}
        finally:
            model.close()


def ours(namespace: str, name: str, text: str) -> str | None:
    try:
        return transform(namespace, name, text)
    except TransformError:
        return None


def same(namespace: str, name: str, mine: str | None, theirs: str | None) -> bool:
    if mine is None or theirs is None:
        return mine is theirs
    if kind(name) == "string" and name.startswith("num") and namespace not in (TR4, TR5):
        return Decimal(mine) == Decimal(theirs)  # TR1 to TR3 numbers: Arelle keeps the digits as written
    return mine == theirs


@pytest.fixture(scope="module")
def judged(tmp_path_factory) -> list[tuple[str, str, str, str | None]]:
    all_cases = list(cases())
    folder = tmp_path_factory.mktemp("formats")
    (folder / "t.xsd").write_text(SCHEMA, encoding="utf-8")
    (folder / "formats.html").write_bytes(document(all_cases))
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        values = pool.submit(arelle_values, folder / "formats.html").result(timeout=300)
    assert len(values) == len(all_cases)
    return [(namespace, name, text, values[f"f{index}"]) for index, (namespace, name, text) in enumerate(all_cases)]


def test_every_format_gives_arelles_verdict_and_value(judged) -> None:
    differences = []
    for namespace, name, text, theirs in judged:
        mine = ours(namespace, name, text)
        if theirs is None and mine is not None and any(word in text for word in ARELLE_REFUSES):
            continue  # the registry's Hindi month names Arelle refuses (see ARELLE_REFUSES)
        if not same(namespace, name, mine, theirs):
            differences.append(f"{PREFIXES[namespace]}:{name} {text!r}: ours {mine!r}, Arelle's {theirs!r}")
    assert not differences, f"{len(differences)} of {len(judged)}:\n" + "\n".join(differences[:60])


def test_every_format_is_judged_on_valid_and_invalid_texts(judged) -> None:
    verdicts: dict[tuple[str, str], set[bool]] = {}
    for namespace, name, _, theirs in judged:
        verdicts.setdefault((namespace, name), set()).add(theirs is not None)
    tested = {(namespace, name) for namespace in (TR4, TR5) for name in REGISTRY[namespace]}
    assert tested <= set(verdicts) and len(tested) == 95 + 101
    constant = {key for key in verdicts if re.match("fixed|boolean|nocontent", key[1])}
    assert all(verdicts[key] == {True, False} for key in set(verdicts) - constant), \
        sorted(key for key in set(verdicts) - constant if verdicts[key] != {True, False})
    assert len(judged) > 5000


def test_arelle_departs_from_the_registry_only_where_known(judged) -> None:
    refused = [(name, text) for namespace, name, text, theirs in judged
               if theirs is None and ours(namespace, name, text) is not None]
    assert refused and all(any(word in text for word in ARELLE_REFUSES) for _, text in refused)
