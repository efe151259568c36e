"""The Transformation Registry formats on their own: every name known, dates in every language, numbers,
the Indian calendar and digit grouping, whitespace, the older registries' namespaces.

``test_transforms_arelle.py`` compares all of them with Arelle; these are the fast checks."""
from __future__ import annotations

import calendar
import contextlib
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.safety.limits import FORMAT_TEXT_CHARS
from exporter.validation.monthnames import LANGUAGES, month_table
from exporter.validation.transforms import (
    REGISTRY,
    SEC,
    TR1,
    TR1_DRAFT,
    TR2,
    TR3,
    TR4,
    TR5,
    FormatNotChecked,
    TransformError,
    transform,
)

FIELDS = ("day", "monthname", "monthroman", "year")


def month_language(name: str) -> str:
    """The month words a TR4/TR5 date format reads (as the registry assigns them)."""
    language = name.rsplit("-", 1)[-1]
    if "monthroman" in name:
        return "roman"
    if language in ("cs", "cy"):
        return f"{language}-day" if "-day-" in f"{name}-" else f"{language}-month"
    return "da" if language == "sv" else language


NAMED_MONTHS = sorted(name for name in REGISTRY[TR5]
                      if ("monthname" in name or "monthroman" in name) and "ind-" not in name)


# --- the registries ---------------------------------------------------------------------------------

def test_tr4_has_its_95_formats_and_tr5_six_more() -> None:
    assert len(REGISTRY[TR4]) == 95 and len(REGISTRY[TR5]) == 101
    assert set(REGISTRY[TR5]) - set(REGISTRY[TR4]) == {
        "date-day-monthname-cy", "date-day-monthname-year-cy", "date-monthname-year-cy", "num-comma-decimal-apos",
        "num-dot-decimal-apos", "num-unit-decimal-apos"}
    for name in ("date-day-monthname-year-lv", "date-monthname-year-lv", "date-day-monthname-cy"):
        with pytest.raises(KeyError):  # not TR4 names (Latvian dates are year first)
            transform(TR4, name, "13 jul 2015")


@pytest.mark.parametrize("namespace", [TR1_DRAFT, TR1, TR2, TR3, TR4, TR5])
def test_every_format_of_xbrl_internationals_registries_is_checked(namespace: str) -> None:
    for name in REGISTRY[namespace]:
        for text in ("13 July 2015", "1,234.5", "", "x" * 50):
            with contextlib.suppress(TransformError):  # FormatNotChecked would fail the test
                transform(namespace, name, text)


def test_only_the_secs_formats_are_not_checked() -> None:
    assert len(REGISTRY[SEC]) == 17
    for name in REGISTRY[SEC]:
        with pytest.raises(FormatNotChecked):
            transform(SEC, name, "1")


def test_each_older_registry_has_its_own_namespace() -> None:
    assert transform(TR1, "dateslashus", "7/13/2015") == "2015-07-13"
    assert transform(TR1_DRAFT, "datelonguk", "13 July 2015") == "2015-07-13"
    assert transform(TR2, "numdotdecimal", "1,234.50") == "1234.5"
    assert transform(TR3, "datedaymonthyearin", "13 ०७ 2015") == "2015-07-13"
    for namespace, name in ((TR1, "numdotdecimal"), (TR2, "dateslashus"), (TR2, "numdotdecimalin"),
                            (TR4, "numdotdecimal"), ("urn:other", "num-dot-decimal")):
        with pytest.raises(KeyError):
            transform(namespace, name, "1")


def test_older_registries_are_stricter_than_tr4() -> None:
    assert transform(TR4, "num-dot-decimal", "12,34") == "1234"
    with pytest.raises(TransformError):
        transform(TR2, "numdotdecimal", "12,34")  # TR2 groups by three
    assert transform(TR4, "date-day-monthname-year-en", "13 JULY 2015") == "2015-07-13"
    with pytest.raises(TransformError):
        transform(TR1, "datelonguk", "13 JULY 2015")  # TR1: capitalised month names only
    assert transform(TR4, "date-day-month-year", "१३/०७/२०१५") == "2015-07-13"
    with pytest.raises(TransformError):
        transform(TR2, "datedaymonthyear", "१३/०७/२०१५")  # Devanagari digits from TR4 on


# --- dates in every language ---------------------------------------------------------------------

def test_every_language_has_twelve_months_and_only_its_own_words() -> None:
    for language in LANGUAGES:
        assert set(month_table(language).values()) == set(range(1, 13)), language
    assert month_table("de")["Mär"] == month_table("de")["MAER"] == 3
    assert "jan" not in month_table("en") and month_table("en")["JAN"] == 1  # English: no lower case
    assert "Xii" not in month_table("roman") and month_table("roman")["xii"] == 12
    assert month_table("cs-month")["červenec"] == 7 and "červenec" not in month_table("cs-day")


@settings(max_examples=300, deadline=None)
@given(name=st.sampled_from(NAMED_MONTHS), day=st.dates(date(1000, 1, 1), date(9999, 12, 31)), data=st.data())
def test_any_date_written_with_any_word_for_its_month_is_read(name: str, day: date, data: st.DataObject) -> None:
    words = [word for word, number in month_table(month_language(name)).items() if number == day.month]
    word = data.draw(st.sampled_from(words))
    fields = [part for part in name.split("-") if part in FIELDS]
    values = {"day": str(day.day), "monthname": word, "monthroman": word, "year": str(day.year)}
    text = " ".join(values[field] for field in fields)
    expected = {"day year": day.isoformat(), "year": f"{day.year}-{day.month:02d}",
                "day": f"--{day.month:02d}-{day.day:02d}"}
    assert transform(TR5, name, text) == expected[" ".join(f for f in ("day", "year") if f in fields)]


@settings(max_examples=200, deadline=None)
@given(name=st.sampled_from([n for n in NAMED_MONTHS if "day" in n]), year=st.integers(1000, 9999),
       month=st.integers(1, 12), day=st.integers(28, 31))
def test_a_day_the_month_does_not_have_is_refused(name: str, year: int, month: int, day: int) -> None:
    word = next(word for word, number in month_table(month_language(name)).items() if number == month)
    fields = [part for part in name.split("-") if part in FIELDS]
    values = {"day": str(day), "monthname": word, "monthroman": word, "year": str(year)}
    text = " ".join(values[field] for field in fields)
    last = calendar.monthrange(year if "year" in fields else 2000, month)[1]  # month-days allow 29 February
    if day <= last:
        assert transform(TR5, name, text).endswith(f"{month:02d}-{day:02d}")
    else:
        with pytest.raises(TransformError):
            transform(TR5, name, text)


@pytest.mark.parametrize("name, text, value", [
    ("date-day-monthname-year-de", "31. Dezember 15", "2015-12-31"),  # two-digit years are 20xx
    ("date-day-monthname-year-de", "1. Mai 5", "2005-05-01"),
    ("date-day-monthname-year-de", "13\n  Juli\t2015", "2015-07-13"),  # whitespace collapsed first
    ("date-day-monthname-year-cs", "13. července 2015", "2015-07-13"),
    ("date-monthname-year-cs", "červenec 2015", "2015-07"),
    ("date-monthname-year-cy", "Gorffennaf 2015", "2015-07"),
    ("date-monthname-year-cy", "ngorffennaf 2015", "2015-07"),
    ("date-day-monthname-year-el", "13 Ιουλίου 2015", "2015-07-13"),
    ("date-day-monthname-year-fi", "13. heinäkuuta 2015", "2015-07-13"),
    ("date-day-monthname-year-pl", "13 lipca 2015 r.", "2015-07-13"),
    ("date-day-monthname-year-da", "13. jul. 2015", "2015-07-13"),
    ("date-day-monthname-year-sv", "13 JULI 2015", "2015-07-13"),
    ("date-day-monthname-year-hi", "१३ जुलाई २०१५", "2015-07-13"),
    ("date-day-monthname-year-hi", "13 अक्टूबर 2015", "2015-10-13"),
    ("date-monthname-year-hi", "दिसंबर 15", "2015-12"),
    ("date-year-monthname-day-hu", "2015. július 13", "2015-07-13"),
    ("date-year-monthname-day-lt", "2015 m. liepos 13 d.", "2015-07-13"),
    ("date-year-day-monthname-lv", "2015. gada 13. jūlijs", "2015-07-13"),
    ("date-monthname-day-en", "July 13th", "--07-13"),
    ("date-day-monthroman", "29.II", "--02-29"),
    ("date-day-monthroman-year", "13.VII.2015", "2015-07-13"),
    ("date-monthroman-year", "vii 2015", "2015-07"),
    ("date-day-month-year", "१३/०७/२०१५", "2015-07-13"),
    ("date-month-year", "०७/२०१५", "2015-07"),
    ("date-year-month-day", "２０１５年７月１３日", "2015-07-13"),
    ("date-jpn-era-year-month-day", "令和元年５月１日", "2019-05-01"),
    ("date-jpn-era-year-month", "平成 27 年 7 月", "2015-07"),
])
def test_registry_dates(name: str, text: str, value: str) -> None:
    assert transform(TR5, name, text) == value


@pytest.mark.parametrize("name, text", [
    ("date-day-monthname-year-de", "31. Februar 2024"),
    ("date-day-monthname-year-de", "13. Enero 2015"),  # a Spanish word
    ("date-day-monthname-year-de", "13. Juli 015"),  # three-digit years are none
    ("date-day-monthname-year-de", "13. jULI 2015"),  # mixed case
    ("date-day-monthname-year-da", "13. juli. 2015"),  # more letters and a dot
    ("date-day-monthname-year-en", "13 july 2015"),  # English month names are capitalised or upper case
    ("date-day-monthroman-year", "13 Vii 2015"),
    ("date-day-monthroman-year", "13 IIII 2015"),
    ("date-day-monthname-year-hi", "13 नवम्बर 2015"),  # not the registry's spelling
    ("date-monthname-year-de", "Juli 0000"),  # no year 0
    ("date-day-month", "１３/０７"),  # full-width digits only where the registry reads them
    ("date-jpn-era-year-month-day", "平成27年2月29日"),
    ("date-ind-day-monthname-year-hi", "31 Vaisakha 1946"),  # Vaisakha has 31 days: this is one
])
def test_values_not_of_the_format_are_refused(name: str, text: str) -> None:
    if text == "31 Vaisakha 1946":
        assert transform(TR5, name, text) == "2024-05-21"
        text = "32 Vaisakha 1946"
    with pytest.raises(TransformError):
        transform(TR5, name, text)


# --- the Indian national calendar -----------------------------------------------------------------

SAKA_MONTHS = ("Chaitra", "Vaisakha", "Jyaistha", "Asadha", "Sravana", "Bhadra", "Asvina", "Kartika",
               "Agrahayana", "Pausa", "Magha", "Phalguna")


@settings(max_examples=40, deadline=None)
@given(year=st.integers(1000, 9000))
def test_a_saka_year_is_365_or_366_consecutive_days_from_22_or_21_march(year: int) -> None:
    leap = calendar.isleap(year + 78)
    day = date(year + 78, 3, 21 if leap else 22)
    for month, name in enumerate(SAKA_MONTHS):
        length = 30 if (month == 0 and not leap) or month >= 6 else 31
        for number in range(1, length + 1):
            assert transform(TR4, "date-ind-day-monthname-year-hi", f"{number} {name} {year}") == day.isoformat()
            day += timedelta(days=1)
        with pytest.raises(TransformError):
            transform(TR4, "date-ind-day-monthname-year-hi", f"{length + 1} {name} {year}")
    assert day == date(year + 79, 3, 21 if calendar.isleap(year + 79) else 22)


def test_saka_months_in_devanagari_and_two_digit_years() -> None:
    assert transform(TR4, "date-ind-day-monthname-year-hi", "१० पौष १९४५") == "2023-12-31"
    # Two-digit Saka years: 22 to 99 are 19xx, 00 to 20 are 20xx; 21 is 1921 from the 11th of Pausa,
    # Magha and Phalguna on (days 11 to 30 of those months), 2021 otherwise.
    assert transform(TR4, "date-ind-day-monthname-year-hi", "11 Pausha 45") == "2024-01-01"
    assert transform(TR4, "date-ind-day-monthname-year-hi", "1 Chaitra 05") == "2083-03-22"
    assert transform(TR4, "date-ind-day-monthname-year-hi", "11 Kartika 21") == "2099-11-02"
    assert transform(TR4, "date-ind-day-monthname-year-hi", "10 Pausa 21") == "2099-12-31"
    assert transform(TR4, "date-ind-day-monthname-year-hi", "11 Pausa 21") == "2000-01-01"


# --- numbers --------------------------------------------------------------------------------------

def indian(integer: int) -> str:
    digits = str(integer)
    head, tail = digits[:-3], digits[-3:]
    groups = []
    while head:
        groups.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([*groups, tail]) if groups else tail


@given(integer=st.integers(0, 10**15), fraction=st.text("0123456789", max_size=4))
def test_indian_digit_grouping(integer: int, fraction: str) -> None:
    text = indian(integer) + (f".{fraction}" if fraction else "")
    assert Decimal(transform(TR4, "numdotdecimalin", text)) == Decimal(f"{integer}.{fraction or 0}")
    if integer >= 1000:
        with pytest.raises(TransformError):
            transform(TR4, "numdotdecimalin", f"{integer:,}0")  # thousands grouping is not Indian


@given(number=st.decimals(0, 10**12, places=3), group=st.sampled_from(["", ",", " ", "\u00a0"]),
       apostrophe=st.sampled_from("'`´’′"))
def test_grouped_numbers_read_as_their_canonical_decimal(number: Decimal, group: str, apostrophe: str) -> None:
    text = f"{number:,}".replace(",", "|")
    canonical = transform(TR4, "num-dot-decimal", text.replace("|", group))
    assert Decimal(canonical) == number and canonical == canonical.rstrip(".")
    assert transform(TR4, "num-comma-decimal", text.replace(".", ",").replace("|", group.replace(",", "."))) == canonical
    assert transform(TR5, "num-dot-decimal-apos", text.replace("|", apostrophe)) == canonical
    assert transform(TR5, "num-comma-decimal-apos", text.replace(".", ",").replace("|", apostrophe)) == canonical


@pytest.mark.parametrize("namespace, name, text, value", [
    (TR4, "num-dot-decimal", "5.\u00a0", "5"),
    (TR4, "num-dot-decimal", "1. 5", "1.5"),
    (TR4, "num-unit-decimal", "１２円３銭", "12.03"),
    (TR5, "num-unit-decimal-apos", "5'000 Fr. 50", "5000.5"),
    (TR3, "numunitdecimalin", "12,34,567 rupees 50 paise", "1234567.5"),
    (TR2, "numunitdecimal", "1,234円5銭", "1234.05"),
    (TR2, "zerodash", "—", "0"),
    (TR1, "numspacecomma", "1 234,5", "1234.5"),
    (TR4, "fixed-zero", "anything at all" * 100, "0"),  # fixed values read no text, so no length limit
])
def test_registry_numbers(namespace: str, name: str, text: str, value: str) -> None:
    assert transform(namespace, name, text) == value


@pytest.mark.parametrize("namespace, name, text", [
    (TR4, "num-dot-decimal", ""), (TR4, "num-dot-decimal", "-5"), (TR4, "num-dot-decimal", "1.2.3"),
    (TR4, "num-unit-decimal", "円30銭"), (TR4, "num-unit-decimal", "5円300銭"),
    (TR2, "numunitdecimal", "01円5銭"), (TR2, "zerodash", "x"), (TR1, "numdash", "--"),
])
def test_numbers_not_of_the_format_are_refused(namespace: str, name: str, text: str) -> None:
    with pytest.raises(TransformError):
        transform(namespace, name, text)


def test_a_text_longer_than_the_limit_is_refused_without_trying_the_pattern() -> None:
    limit = FORMAT_TEXT_CHARS.value
    padded = "13 " + "-" * (limit - len("13 Juli 2015")) + "Juli 2015"
    assert len(padded) == limit and transform(TR4, "date-day-monthname-year-de", padded) == "2015-07-13"
    with pytest.raises(TransformError, match="longer than"):
        transform(TR4, "date-day-monthname-year-de", "1" + padded)
    assert transform(TR4, "date-day-monthname-year-de", "13" + " \n" * limit + "Juli 2015") == "2015-07-13"
