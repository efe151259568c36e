"""Tests for the spreadsheet cell normalisers (exporter/sources/spreadsheet/normalise.py)."""

from __future__ import annotations

import datetime as dt
import pickle
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exporter.notation import (
    RECIPIENT_CODES,
    AllotmentEntry,
    AllotmentItem,
    Amount,
    Count,
    NormaliseError,
    classify_recipient,
    header_key,
    names_part_of_a_category,
    normalise_text,
    parse_allotment_items,
    parse_allotments,
    parse_amount,
    parse_count,
    parse_date,
    parse_decimal,
    parse_period,
)
from exporter.notation import messages as msg
from exporter.sources.spreadsheet.normalise import decode_csv_bytes

D = Decimal
date = dt.date

# --- helpers ------------------------------------------------------------------

_FULLWIDTH = {code: code + 0xFEE0 for code in range(0x21, 0x7F)} | {0x20: 0x3000}


def fullwidth(text: str) -> str:
    """The full-width spelling a Japanese word processor would produce."""
    return text.translate(_FULLWIDTH)


MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def excel_serial(day: dt.date) -> int:
    """Excel 1900-system serial, including the fictitious 1900-02-29."""
    if day < date(1900, 3, 1):
        return (day - date(1899, 12, 31)).days
    return (day - date(1899, 12, 30)).days


def era_year(number: int) -> str:
    return "元" if number == 1 else str(number)


def heisei(day: dt.date) -> str:
    return f"平成{era_year(day.year - 1988)}年{day.month}月{day.day}日"


def reiwa(day: dt.date) -> str:
    return f"令和{era_year(day.year - 2018)}年{day.month}月{day.day}日"


def error_of(function, *args, **kwargs) -> NormaliseError:
    with pytest.raises(NormaliseError) as caught:
        function(*args, **kwargs)
    return caught.value


# =============================================================================
# NormaliseError
# =============================================================================


def test_error_carries_raw_expected_and_renders_got():
    error = error_of(parse_date, "2015-13-45")
    assert error.raw == "2015-13-45"
    assert error.expected == msg.EXPECTED_DATE
    assert str(error).startswith(f"expected {msg.EXPECTED_DATE}, got '2015-13-45'")
    assert isinstance(error, ValueError)


def test_error_names_an_empty_cell():
    assert "got an empty cell" in str(error_of(parse_decimal, None))
    assert "got an empty cell" in str(error_of(parse_date, "   "))


def test_error_survives_pickling_with_entry_and_fragment():
    error = error_of(parse_allotments, "Directors: 7 persons, 100 rights; Officers: 11 persons")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.raw, copy.entry, copy.fragment, str(copy)) == (
        error.raw, error.entry, error.fragment, str(error)
    )  # fmt: skip


def test_error_truncates_very_long_values():
    error = error_of(parse_date, "x" * 500)
    assert len(str(error)) < len(msg.EXPECTED_DATE) + 120


# =============================================================================
# normalise_text / header_key
# =============================================================================


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("１２３，４５６．７", "123,456.7"),
        ("ＡＢＣ　ｘｙｚ", "ABC xyz"),
        ("（株）：；／－", "(株):;/-"),
        ("　当社　取締役　", "当社 取締役"),
        ("ひらがな カタカナ 漢字", "ひらがな カタカナ 漢字"),
        ("ｶﾀｶﾅ", "カタカナ"),
        ("a \t\n  b", "a b"),
        ("zero\u200bwidth\ufeff", "zerowidth"),
        ("\u22125", "-5"),
        (None, ""),
        (369200.0, "369200"),
        (D("1.50"), "1.5"),
        (42, "42"),
        (date(2015, 7, 13), "2015-07-13"),
    ],
)
def test_normalise_text(raw, expected):
    assert normalise_text(raw) == expected


@given(st.text())
def test_normalise_text_is_idempotent(text):
    once = normalise_text(text)
    assert normalise_text(once) == once


@given(st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E)))
def test_normalise_text_folds_any_fullwidth_ascii(text):
    assert normalise_text(fullwidth(text)) == normalise_text(text)


@pytest.mark.parametrize(
    "header",
    ["Number of Rights", "Number of  Rights", "ＮＵＭＢＥＲ ＯＦ ＲＩＧＨＴＳ", "number_of_rights",
     "Number-of-rights:", " NUMBER　OF　RIGHTS "],
)  # fmt: skip
def test_header_key_folds_case_space_width_and_punctuation(header):
    assert header_key(header) == "numberofrights"


def test_header_key_keeps_japanese_and_distinguishes_headers():
    assert header_key("付与日（割当日）") == "付与日(割当日)"
    assert header_key("Number of Persons") != header_key("Number of Rights")


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _"))
def test_header_key_is_width_insensitive(text):
    assert header_key(fullwidth(text)) == header_key(text) == header_key(text.upper())


# =============================================================================
# parse_decimal
# =============================================================================


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("30,200", D(30200)),
        ("３０，２００", D(30200)),
        ("JPY369,200", D(369200)),
        ("JPY 369,200", D(369200)),
        ("¥1,846", D(1846)),
        ("￥1,846", D(1846)),
        ("369,200円", D(369200)),
        ("1,846 yen", D(1846)),
        ("US$12.50", D("12.5")),
        ("100 rights", D(100)),
        ("1,846.25", D("1846.25")),
        ("0", D(0)),
        (369200, D(369200)),
        (D("369200.00"), D(369200)),
    ],
)
def test_parse_decimal_accepts(raw, expected):
    assert parse_decimal(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected_repr"),
    [(369200.0, "369200"), (0.1, "0.1"), (1846.5, "1846.5"), (1e15, "1000000000000000")],
)
def test_parse_decimal_cleans_excel_floats_exactly(raw, expected_repr):
    value = parse_decimal(raw)
    assert format(value, "f") == expected_repr
    assert value.as_tuple().exponent <= 0


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("-5", msg.NEGATIVE),
        ("△5,000", msg.NEGATIVE),
        ("▲5", msg.NEGATIVE),
        ("(5,000)", msg.NEGATIVE),
        (-1, msg.NEGATIVE),
        (-0.5, msg.NEGATIVE),
        ("3,02,00", msg.BAD_GROUPING),
        ("1,5", msg.BAD_GROUPING),
        ("30 200", msg.SPACE_GROUPING),
        ("369千円", msg.MULTIPLIER),
        ("3万", msg.MULTIPLIER),
        ("1.5 million", msg.MULTIPLIER),
        ("約100", msg.QUALIFIER),
        ("100以上", msg.QUALIFIER),
        ("上限100", msg.BOUND_IN_NUMBER),
        ("1 2", msg.MORE_THAN_ONE_NUMBER),
        ("2015年7月13日", msg.MORE_THAN_ONE_NUMBER),
        (float("nan"), msg.NOT_FINITE),
        (D("Infinity"), msg.NOT_FINITE),
        (date(2015, 7, 13), msg.DATE_CELL_NOT_NUMBER),
        ("USD 100 円", msg.CURRENCY_CONFLICT),
    ],
)
def test_parse_decimal_rejects_with_reason(raw, reason):
    error = error_of(parse_decimal, raw)
    assert error.reason == reason
    assert reason in str(error)


@pytest.mark.parametrize("raw", [None, "", "abc", True, "about 5"])
def test_parse_decimal_rejects_non_numbers(raw):
    assert error_of(parse_decimal, raw).expected == msg.EXPECTED_NUMBER


@given(st.integers(min_value=0, max_value=10**15), st.integers(min_value=0, max_value=4))
def test_parse_decimal_round_trips_formatted_numbers(units, scale):
    value = D(units).scaleb(-scale)
    written = f"{value:,f}"
    assert parse_decimal(written) == value
    assert parse_decimal(fullwidth(written)) == value
    assert parse_decimal(f"¥{written}") == value
    assert parse_decimal(f"{written}円") == value


@given(st.floats(min_value=0, max_value=1e15, allow_nan=False, allow_infinity=False))
def test_parse_decimal_reads_floats_via_their_repr(number):
    if number and D(repr(number)).normalize().as_tuple().exponent < -10:
        with pytest.raises(NormaliseError, match="more than 10 digits after the decimal point"):
            parse_decimal(number)
        return
    value = parse_decimal(number)
    assert value == D(repr(number))
    assert value.as_tuple().exponent <= 0


@pytest.mark.parametrize("raw", [D("1e1000000000"), 10**30, 1e300, "1234567890123456789", "1.00000000001"])
def test_numbers_too_large_or_too_fine_are_refused_before_they_are_built(raw):
    with pytest.raises(NormaliseError, match="digits"):
        parse_decimal(raw)


# =============================================================================
# parse_amount
# =============================================================================


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("JPY369,200", Amount(D(369200), "JPY")),
        ("369,200円", Amount(D(369200), "JPY")),
        ("¥1,846", Amount(D(1846), "JPY")),
        ("\\1,846", Amount(D(1846), "JPY")),
        ("1株当たり1,846円", Amount(D(1846), "JPY")),
        ("新株予約権1個当たり 369,200円", Amount(D(369200), "JPY")),
        ("1,846円（1株当たり）", Amount(D(1846), "JPY")),
        ("1,846 yen per share", Amount(D(1846), "JPY")),
        ("USD 12.50", Amount(D("12.5"), "USD")),
        ("$3", Amount(D(3), "USD")),
        ("369,200", Amount(D(369200), None)),
        (369200.0, Amount(D(369200), None)),
        ("0円", Amount(D(0), "JPY", False)),
        ("無償", Amount(D(0), None, True)),
        ("無償（0円）", Amount(D(0), None, True)),
        ("No payment", Amount(D(0), None, True)),
        ("No cash payment is required", Amount(D(0), None, True)),
        ("金銭の払込みを要しない", Amount(D(0), None, True)),
        ("Free of charge", Amount(D(0), None, True)),
    ],
)
def test_parse_amount_accepts(raw, expected):
    assert parse_amount(raw) == expected


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("None", msg.AMBIGUOUS_PLACEHOLDER),
        ("なし", msg.AMBIGUOUS_PLACEHOLDER),
        ("-", msg.AMBIGUOUS_PLACEHOLDER),
        ("無償 1,000円", msg.NO_PAYMENT_CONFLICT),
        ("JPY 100 USD", msg.CURRENCY_CONFLICT),
        ("-100円", msg.NEGATIVE),
        ("369千円", msg.MULTIPLIER),
        ("約1,000円", msg.QUALIFIER),
    ],
)
def test_parse_amount_rejects_with_reason(raw, reason):
    error = error_of(parse_amount, raw)
    assert (error.reason, error.expected) == (reason, msg.EXPECTED_AMOUNT)


@pytest.mark.parametrize("raw", [None, "", "   ", "see note"])
def test_parse_amount_rejects_empty_and_words(raw):
    assert error_of(parse_amount, raw).expected == msg.EXPECTED_AMOUNT


def test_amount_is_frozen():
    with pytest.raises(AttributeError):
        parse_amount("¥1").value = D(2)  # type: ignore[misc]


# =============================================================================
# parse_count
# =============================================================================


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("7名", Count(7)),
        ("１１名", Count(11)),
        ("100個", Count(100)),
        ("1,000株", Count(1000)),
        ("7人", Count(7)),
        ("7 persons", Count(7)),
        ("1 person", Count(1)),
        ("100 rights", Count(100)),
        ("7 Directors", Count(7)),
        (7, Count(7)),
        (7.0, Count(7)),
        (D("7.00"), Count(7)),
        ("上限100個", Count(100, True)),
        ("上限として100個", Count(100, True)),
        ("100個を上限とする", Count(100, True)),
        ("100個（上限）", Count(100, True)),
        ("100個以内", Count(100, True)),
        ("not exceeding 100 rights", Count(100, True)),
        ("Up to 1,000 shares", Count(1000, True)),
        ("maximum of 50 rights", Count(50, True)),
        ("max. 5", Count(5, True)),
        ("100 rights (maximum)", Count(100, True)),
        ("100個（以下「本新株予約権」という。）", Count(100, False)),
    ],
)
def test_parse_count_accepts(raw, expected):
    assert parse_count(raw) == expected


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("3.5", msg.NOT_WHOLE),
        (2.5, msg.NOT_WHOLE),
        ("-3名", msg.NEGATIVE),
        ("100名以上", msg.QUALIFIER),
        ("約100名", msg.QUALIFIER),
        ("at least 3 persons", msg.QUALIFIER),
        ("3万株", msg.MULTIPLIER),
        ("7 persons, 100 rights", msg.MORE_THAN_ONE_NUMBER),
    ],
)
def test_parse_count_rejects_with_reason(raw, reason):
    error = error_of(parse_count, raw)
    assert (error.reason, error.expected) == (reason, msg.EXPECTED_COUNT)


def test_parse_count_rejects_unknown_words_before_the_number():
    error = error_of(parse_count, "total 7")
    assert error.reason == msg.unexpected_text("total", "before the number")


@given(st.integers(min_value=0, max_value=10**12))
def test_parse_count_round_trips_formatted_ints(n):
    plain = (str(n), f"{n:,}", fullwidth(f"{n:,}"), f"{n}名", f"{n:,} persons", fullwidth(f"{n}名"))
    for written in plain:
        assert parse_count(written) == Count(n, False), written
    for written in (f"上限{n:,}個", f"not exceeding {n} rights", f"{fullwidth(str(n))}個を上限とする"):
        assert parse_count(written) == Count(n, True), written


# =============================================================================
# parse_date
# =============================================================================

JULY_13 = date(2015, 7, 13)


@pytest.mark.parametrize(
    "raw",
    [
        "2015-07-13", "2015/7/13", "2015.7.13", "20150713", "2015-07-13 00:00:00",
        "2015-07-13T10:30", "July 13, 2015", "July 13 2015", "13 July 2015", "Jul. 13, 2015",
        "Jul 13, 2015", "13th July 2015", "13-Jul-2015", "Monday, July 13, 2015",
        "2015年7月13日", "２０１５年７月１３日", "2015年 7月 13日", "2015年7月13日（月）",
        "2015年7月13日(月曜日)", "平成27年7月13日", "平成２７年７月１３日", "H27.7.13", "h27/07/13",
        "H27年7月13日", "㍻27年7月13日", "42198", "４２１９８", 42198, 42198.0, 42198.75,
        D(42198), 20150713, dt.datetime(2015, 7, 13, 23, 59), JULY_13,
    ],
)  # fmt: skip
def test_parse_date_reads_july_13_2015(raw):
    assert parse_date(raw) == JULY_13


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("令和元年5月1日", date(2019, 5, 1)),
        ("R1.5.1", date(2019, 5, 1)),
        ("R01/05/01", date(2019, 5, 1)),
        ("令和6年2月29日", date(2024, 2, 29)),
        ("平成元年1月8日", date(1989, 1, 8)),
        ("平成31年4月30日", date(2019, 4, 30)),
        ("昭和64年1月7日", date(1989, 1, 7)),
        ("S64.1.7", date(1989, 1, 7)),
        ("昭和元年12月25日", date(1926, 12, 25)),
        ("大正元年7月30日", date(1912, 7, 30)),
        ("T15.12.24", date(1926, 12, 24)),
        ("明治6年1月1日", date(1873, 1, 1)),
        ("M45.7.29", date(1912, 7, 29)),
        ("Sept. 1, 2020", date(2020, 9, 1)),
        ("1 September 2020", date(2020, 9, 1)),
    ],
)
def test_parse_date_eras_and_month_names(raw, expected):
    assert parse_date(raw) == expected


@pytest.mark.parametrize(
    ("serial", "expected"),
    [(1, date(1900, 1, 1)), (59, date(1900, 2, 28)), (61, date(1900, 3, 1)),
     (2958465, date(9999, 12, 31)), ("61", date(1900, 3, 1))],
)  # fmt: skip
def test_parse_date_excel_serials_around_the_1900_bug(serial, expected):
    assert parse_date(serial) == expected


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("2015-02-30", msg.not_a_calendar_date(2015, 2, 30)),
        ("2015-13-45", msg.not_a_calendar_date(2015, 13, 45)),
        ("2015年2月29日", msg.not_a_calendar_date(2015, 2, 29)),
        ("Feb 30, 2016", msg.not_a_calendar_date(2016, 2, 30)),
        ("平成31年5月1日", msg.era_ended("平成", date(2019, 4, 30), "平成31年4月30日", "令和")),
        ("平成32年1月1日", msg.era_ended("平成", date(2019, 4, 30), "平成31年4月30日", "令和")),
        ("昭和64年1月8日", msg.era_ended("昭和", date(1989, 1, 7), "昭和64年1月7日", "平成")),
        ("平成元年1月7日", msg.era_not_started("平成", date(1989, 1, 8), "昭和")),
        ("令和元年4月30日", msg.era_not_started("令和", date(2019, 5, 1), "平成")),
        ("明治5年12月2日", msg.MEIJI_LUNISOLAR),
        ("平成0年1月1日", msg.ERA_YEAR_ZERO),
        ("平成27年2月29日", msg.not_a_calendar_date(2015, 2, 29)),
        (60, msg.SERIAL_60),
        ("60", msg.SERIAL_60),
        (0, msg.SERIAL_RANGE),
        (-5, msg.SERIAL_RANGE),
        (2958466, msg.SERIAL_RANGE),
        (2015, msg.YEAR_ONLY),
        ("2015", msg.YEAR_ONLY),
        ("13/07/2015", msg.AMBIGUOUS_DAY_MONTH),
        ("7/13/2015", msg.AMBIGUOUS_DAY_MONTH),
        ("15/7/13", msg.AMBIGUOUS_DAY_MONTH),
        ("Julember 13, 2015", msg.unknown_month("Julember")),
    ],
)
def test_parse_date_rejects_with_reason(raw, reason):
    error = error_of(parse_date, raw)
    assert (error.reason, error.expected) == (reason, msg.EXPECTED_DATE)


@pytest.mark.parametrize("raw", [None, "", "soon", True, dt.time(12, 0), "2015-07", "2015/07-13"])
def test_parse_date_rejects_non_dates(raw):
    assert error_of(parse_date, raw).expected == msg.EXPECTED_DATE


def test_parse_date_era_overrun_is_opt_in():
    assert error_of(parse_date, "平成57年7月31日").reason.startswith("平成 ended on 2019-04-30")
    assert parse_date("平成57年7月31日", allow_era_overrun=True) == date(2045, 7, 31)
    # The start of an era stays strict even then.
    with pytest.raises(NormaliseError):
        parse_date("平成元年1月7日", allow_era_overrun=True)


@given(st.dates(min_value=date(1989, 1, 8), max_value=date(2019, 4, 30)))
def test_heisei_dates_round_trip(day):
    assert parse_date(heisei(day)) == day
    assert parse_date(f"H{day.year - 1988}.{day.month}.{day.day}") == day
    assert parse_date(fullwidth(heisei(day))) == day


@given(st.dates(min_value=date(2019, 5, 1), max_value=date(2099, 12, 31)))
def test_reiwa_dates_round_trip(day):
    assert parse_date(reiwa(day)) == day
    assert parse_date(f"R{day.year - 2018:02d}/{day.month:02d}/{day.day:02d}") == day


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(9999, 12, 31)))
def test_gregorian_text_forms_round_trip(day):
    month = MONTH_NAMES[day.month - 1]
    for written in (
        day.isoformat(),
        f"{day.year}/{day.month}/{day.day}",
        f"{month} {day.day}, {day.year}",
        f"{day.day} {month} {day.year}",
        f"{month[:3]}. {day.day}, {day.year}",
        f"{day.year}年{day.month}月{day.day}日",
    ):
        assert parse_date(written) == day, written


@given(st.dates(min_value=date(1906, 1, 9), max_value=date(9999, 12, 31)))
def test_excel_serials_round_trip(day):
    serial = excel_serial(day)
    assert parse_date(serial) == day
    assert parse_date(float(serial)) == day
    assert parse_date(str(serial)) == day


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(1900, 2, 28)))
def test_excel_serials_before_the_fictitious_leap_day(day):
    assert parse_date(excel_serial(day)) == day


# =============================================================================
# parse_period
# =============================================================================

EXERCISE = (date(2015, 8, 1), date(2045, 7, 31))


@pytest.mark.parametrize(
    "raw",
    [
        "2015年8月1日～2045年7月31日",
        "2015年8月1日〜2045年7月31日",
        "2015年8月1日~2045年7月31日",
        "2015年8月1日 - 2045年7月31日",
        "2015年8月1日–2045年7月31日",
        "自 2015年8月1日 至 2045年7月31日",
        "自　２０１５年８月１日　至　２０４５年７月３１日",
        "2015年8月1日から2045年7月31日まで",
        "From August 1, 2015 to July 31, 2045",
        "from Aug. 1, 2015 through Jul. 31, 2045",
        "2015-08-01 to 2045-07-31",
        "2015-08-01 - 2045-07-31",
        "2015-08-01-2045-07-31",
        "2015/8/1 - 2045/7/31",
        "H27.8.1～2045.7.31",
    ],
)
def test_parse_period_forms(raw):
    assert parse_period(raw) == EXERCISE


def test_parse_period_allows_a_single_day_period():
    assert parse_period("2015-08-01 to 2015-08-01") == (date(2015, 8, 1), date(2015, 8, 1))


def test_parse_period_rejects_start_after_end_naming_both():
    error = error_of(parse_period, "2045/8/1 - 2015/7/31")
    assert error.reason == msg.start_after_end(date(2045, 8, 1), date(2015, 7, 31))
    assert "2045-08-01" in str(error) and "2015-07-31" in str(error)


def test_parse_period_reports_the_bad_side():
    error = error_of(parse_period, "2015/8/1 - 2045/7/32")
    assert error.reason == msg.period_side("end", "2045/7/32", msg.not_a_calendar_date(2045, 7, 32))


def test_parse_period_passes_era_strictness_through():
    raw = "平成27年8月1日から平成57年7月31日まで"
    assert "平成 ended on" in error_of(parse_period, raw).reason
    assert parse_period(raw, allow_era_overrun=True) == EXERCISE


@pytest.mark.parametrize(
    ("raw", "reason"),
    [("2015-08-01", msg.SINGLE_DATE_NOT_PERIOD), (JULY_13, msg.SINGLE_DATE_NOT_PERIOD),
     (None, None), ("someday to never", None), ("42198 - 42199", None)],
)  # fmt: skip
def test_parse_period_rejects(raw, reason):
    error = error_of(parse_period, raw)
    assert (error.reason, error.expected) == (reason, msg.EXPECTED_PERIOD)


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)),
    st.sampled_from(["～", "〜", " - ", " to ", "から", " – "]),
    st.sampled_from(["iso", "slash", "kanji", "english"]),
)
def test_periods_round_trip(first, second, separator, style):
    start, end = sorted((first, second))

    def write(day: dt.date) -> str:
        return {
            "iso": day.isoformat(),
            "slash": f"{day.year}/{day.month}/{day.day}",
            "kanji": f"{day.year}年{day.month}月{day.day}日",
            "english": f"{MONTH_NAMES[day.month - 1]} {day.day}, {day.year}",
        }[style]

    assert parse_period(f"{write(start)}{separator}{write(end)}") == (start, end)


# =============================================================================
# parse_allotments
# =============================================================================


def test_allotments_english_example():
    raw = (
        "Directors (excluding Part-time and Outside Directors): 7 persons, 100 rights; "
        "Executive Officers: 11 persons, 51 rights"
    )
    assert parse_allotments(raw) == [
        AllotmentEntry(
            "Directors (excluding Part-time and Outside Directors)", Count(7), Count(100)
        ),
        AllotmentEntry("Executive Officers", Count(11), Count(51)),
    ]


def test_allotments_japanese_example_keeps_label_as_written():
    raw = "当社取締役（社外取締役及び非常勤取締役を除く） 7名 100個、当社執行役員 11名 51個"
    assert parse_allotments(raw) == [
        AllotmentEntry("当社取締役（社外取締役及び非常勤取締役を除く）", Count(7), Count(100)),
        AllotmentEntry("当社執行役員", Count(11), Count(51)),
    ]


def test_allotments_comma_inside_brackets_is_part_of_the_label():
    raw = "当社取締役（社外取締役、非常勤取締役を除く）７名１００個、当社従業員（部長職、課長職）20名　50個"
    entries = parse_allotments(raw)
    assert [e.label for e in entries] == ["当社取締役（社外取締役、非常勤取締役を除く）", "当社従業員（部長職、課長職）"]
    assert [(e.persons.value, e.rights.value) for e in entries] == [(7, 100), (20, 50)]


@pytest.mark.parametrize(
    "raw",
    [
        "Directors: 7 persons, 100 rights\nEmployees: 20 persons, 50 rights",
        "Directors: 7 persons, 100 rights；Employees: 20 persons, 50 rights",
        "Directors: 7 persons, 100 rights, Employees: 20 persons, 50 rights",
        "7 Directors 100 rights; 20 Employees 50 rights",
        "Directors 7 100 / Employees 20 50".replace(" / ", "; "),
        "Directors：７名、１００個\n\nEmployees：２０名、５０個",
    ],
)
def test_allotments_separators_and_styles(raw):
    entries = parse_allotments(raw)
    assert [(e.persons.value, e.rights.value) for e in entries] == [(7, 100), (20, 50)]
    assert [e.label for e in entries] == ["Directors", "Employees"]


def test_allotments_upper_limits_inside_entries():
    raw = "当社取締役 7名 上限100個\n当社従業員 20名 100個を上限とする; Officers: 3 persons, not exceeding 9 rights"
    assert [(e.persons, e.rights) for e in parse_allotments(raw)] == [
        (Count(7), Count(100, True)),
        (Count(20), Count(100, True)),
        (Count(3), Count(9, True)),
    ]


def test_allotments_numbers_in_labels_and_bracketed_remarks_are_not_counts():
    entries = parse_allotments(
        "Directors of 3 subsidiaries: 7 persons, 100 rights; 当社取締役 5名（うち社外2名） 10個"
    )
    assert [(e.label, e.persons.value, e.rights.value) for e in entries] == [
        ("Directors of 3 subsidiaries", 7, 100),
        ("当社取締役", 5, 10),
    ]


def test_allotments_matching_total_is_dropped():
    entries = parse_allotments("当社取締役 7名 100個、当社執行役員 11名 51個、合計 18名 151個")
    assert [e.label for e in entries] == ["当社取締役", "当社執行役員"]


def test_allotments_mismatching_total_is_an_error():
    error = error_of(parse_allotments, "当社取締役 7名 100個、当社執行役員 11名 51個、合計 18名 150個")
    assert error.reason == msg.total_mismatch("rights", 150, 151)


@pytest.mark.parametrize(
    ("raw", "entry", "fragment", "reason"),
    [
        ("Directors: 7 persons, 100 rights; Executive Officers: 11 persons", 2,
         "Executive Officers: 11 persons", msg.MISSING_RIGHTS),
        ("Directors: 7 persons, 100 rights; Executive Officers", 2,
         "Executive Officers", msg.NO_COUNTS),
        ("Directors: 100 rights", 1, "Directors: 100 rights", msg.MISSING_PERSONS),
        ("当社取締役 7名 100株", 1, "当社取締役 7名 100株", msg.SHARES_NOT_RIGHTS),
        ("当社取締役 7名 100個、当社執行役員 7.5名 10個", 2, "当社執行役員 7.5名 10個", msg.NOT_WHOLE),
        ("Directors: 7 persons; 100 rights", 1, "Directors: 7 persons", msg.SPLIT_ACROSS_ENTRIES),
        ("Advisers; Directors: 7 persons, 100 rights", 1, "Advisers", msg.NO_COUNTS),
        ("7名 100個", 1, "7名 100個", msg.NO_LABEL),
        ("Directors", 1, "Directors", msg.NO_COUNTS),
    ],
)  # fmt: skip
def test_allotment_errors_name_the_entry(raw, entry, fragment, reason):
    error = error_of(parse_allotments, raw)
    assert (error.entry, error.fragment, error.reason) == (entry, fragment, reason)
    prefix = f"entry {entry}: expected {msg.EXPECTED_ALLOTMENT_ENTRY}, got {fragment!r}"
    assert str(error).startswith(prefix)
    assert error.raw == raw


@pytest.mark.parametrize(
    ("raw", "reason"),
    [(None, None), ("", None), ("当社取締役（7名 100個", msg.UNBALANCED_BRACKETS)],
)
def test_allotments_reject_empty_and_unbalanced(raw, reason):
    error = error_of(parse_allotments, raw)
    assert (error.reason, error.expected, error.entry) == (reason, msg.EXPECTED_ALLOTMENTS, None)


ALLOTMENT_LABELS = (
    "Directors (excluding Part-time and Outside Directors)",
    "Executive Officers",
    "Employees of subsidiaries",
    "当社取締役（社外取締役及び非常勤取締役を除く）",
    "当社子会社の取締役及び従業員",
    "当社従業員（部長職、課長職）",
    "監査等委員である取締役",
)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(ALLOTMENT_LABELS),
            st.integers(1, 10**5),
            st.integers(1, 10**7),
            st.booleans(),
        ),
        min_size=1,
        max_size=5,
    ),
    st.sampled_from(["english", "japanese", "tight", "count_first"]),
    st.sampled_from(["; ", "、", "\n", "；"]),
)
def test_allotments_round_trip(rows, style, separator):
    def write(label: str, persons: int, rights: int, limited: bool) -> str:
        if style == "english":
            limit = "not exceeding " if limited else ""
            return f"{label}: {persons:,} persons, {limit}{rights:,} rights"
        if style == "japanese":
            return f"{label}　{fullwidth(str(persons))}名　{'上限' if limited else ''}{rights:,}個"
        if style == "tight":  # no spaces at all; an ASCII label still needs one before the digits
            gap = " " if label[-1].isascii() else ""
            return f"{label}{gap}{persons}名{rights}個{'を上限とする' if limited else ''}"
        return f"{persons} {label} {'up to ' if limited else ''}{rights} rights"

    raw = separator.join(write(*row) for row in rows)
    assert parse_allotments(raw) == [
        AllotmentEntry(label, Count(persons), Count(rights, limited))
        for label, persons, rights, limited in rows
    ]


# =============================================================================
# classify_recipient
# =============================================================================


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("Directors (excluding Part-time and Outside Directors) of IIJ", "directors"),
        ("当社取締役（社外取締役及び非常勤取締役を除く）", "directors"),
        ("社外取締役を除く当社取締役", "directors"),
        ("Directors excluding Outside Directors", "directors"),
        ("取締役（監査等委員である取締役を除く）", "directors"),
        ("当社取締役（社外取締役を含む）", "directors"),
        ("Board Members", "directors"),
        ("社外取締役", "outside_directors"),
        ("Outside Directors", "outside_directors"),
        ("ＯＵＴＳＩＤＥ ＤＩＲＥＣＴＯＲＳ", "outside_directors"),
        ("監査等委員である取締役", "audit_committee_directors"),
        ("取締役（監査等委員）", "audit_committee_directors"),
        ("Directors who are Audit and Supervisory Committee Members", "audit_committee_directors"),
        ("当社執行役員", "executive_officers"),
        ("Executive Officers", "executive_officers"),
        ("監査役", "corporate_auditors"),
        ("Audit & Supervisory Board Members", "corporate_auditors"),
        ("当社従業員", "employees"),
        ("使用人", "employees"),
        ("Employees", "employees"),
        ("当社の管理職", "employees"),
        ("当社子会社の取締役", "subsidiary_directors"),
        ("Directors of subsidiaries", "subsidiary_directors"),
        ("当社子会社の執行役員", "subsidiary_executive_officers"),
        ("子会社の監査役", "subsidiary_corporate_auditors"),
        ("当社子会社の従業員", "subsidiary_employees"),
        ("Employees of our subsidiaries", "subsidiary_employees"),
        ("子会社の取締役及び従業員", "subsidiary_directors_and_employees"),
        ("Directors and employees of subsidiaries", "subsidiary_directors_and_employees"),
        ("当社グループ会社の管理職", "group_company_managers"),
        ("managers of group companies", "group_company_managers"),
        ("当社及び当社子会社の管理職", "group_company_managers"),
        ("当社取締役及び従業員", "other"),
        ("当社及び当社子会社の取締役", "other"),
        ("顧問", "other"),
        ("", "other"),
    ],
)
def test_classify_recipient(label, code):
    assert classify_recipient(label) == code


def test_classify_recipient_every_code_is_known():
    assert len(set(RECIPIENT_CODES)) == 13


@given(st.text(max_size=40))
def test_classify_recipient_always_returns_a_known_code(label):
    assert classify_recipient(label) in RECIPIENT_CODES


# =============================================================================
# parse_allotment_items (rights or shares, counts optional) and company-specific labels
# =============================================================================


@pytest.mark.parametrize("raw, counted, expected", [
    ("当社取締役（社外取締役を除く。） 6名 22,409株", "shares",
     [AllotmentItem("当社取締役（社外取締役を除く。）", Count(6), Count(22409))]),
    ("Directors: 4 persons, 8,000 shares; Executive Officers: 5 persons, up to 4,000 shares", "shares",
     [AllotmentItem("Directors", Count(4), Count(8000)), AllotmentItem("Executive Officers", Count(5), Count(4000, True))]),
    ("株式会社日本カストディ銀行（信託E口） 327,000株", "shares",
     [AllotmentItem("株式会社日本カストディ銀行（信託E口）", None, Count(327000))]),
    ("取締役 7名、執行役員 11名", "rights", [AllotmentItem("取締役", Count(7), None), AllotmentItem("執行役員", Count(11), None)]),
    ("7 Directors 100 rights; 11 Officers 51 rights", "rights",
     [AllotmentItem("Directors", Count(7), Count(100)), AllotmentItem("Officers", Count(11), Count(51))]),
    ("Directors 7 100; Officers 11 51", "rights",
     [AllotmentItem("Directors", Count(7), Count(100)), AllotmentItem("Officers", Count(11), Count(51))]),
    ("当社取締役 7名 100個、当社執行役員 11名 51個、合計 18名 151個", "rights",
     [AllotmentItem("当社取締役", Count(7), Count(100)), AllotmentItem("当社執行役員", Count(11), Count(51))]),
])
def test_allotment_items(raw, counted, expected):
    assert parse_allotment_items(raw, counted) == expected


def test_allotment_items_agree_with_parse_allotments_where_both_read():
    raw = "当社取締役（社外取締役及び非常勤取締役を除く） 7名 100個、当社執行役員 11名 51個"
    assert [(i.label, i.persons, i.count) for i in parse_allotment_items(raw)] == [
        (e.label, e.persons, e.rights) for e in parse_allotments(raw)]


@pytest.mark.parametrize("raw, counted, reason", [
    ("当社取締役 7名 100株", "rights", "counts in shares (株 / shares) are not numbers of rights"),
    ("当社取締役 7名 100個", "shares", "counts in rights (個 / rights) are not numbers of shares"),
    ("当社取締役 7名 100株、合計 8名 100株", "shares", "the total of 8 persons does not match"),
    ("Directors; Officers 100 rights", "rights", "no counts found"),
    ("株式会社日本カストディ銀行", "shares", "no counts found"),
])
def test_allotment_items_reject_with_reason(raw, counted, reason):
    error = error_of(lambda text: parse_allotment_items(text, counted), raw)
    assert reason in error.reason


def test_allotment_items_without_counts_are_labels_when_counts_are_optional():
    assert parse_allotment_items("Custody Bank (Trust E); Partner Inc.", "shares", counts_required=False) == [
        AllotmentItem("Custody Bank (Trust E)", None, None), AllotmentItem("Partner Inc.", None, None)]


@pytest.mark.parametrize("label, narrowed", [
    ("退任社外取締役", True), ("当社取締役会長", True), ("専務取締役", True), ("Retiring External Directors", True),
    ("当社理事", True), ("当社取締役（社外取締役及び非常勤取締役を除く）", False), ("Executive Officers of IIJ", False),
    ("Directors (excluding retiring directors)", False), ("当社従業員", False),
])
def test_names_part_of_a_category(label, narrowed):
    assert names_part_of_a_category(label) is narrowed


# =============================================================================
# decode_csv_bytes
# =============================================================================

CSV_TEXT = "氏名,付与日,個数\n山田 太郎,平成27年7月13日,100\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (CSV_TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + CSV_TEXT.encode("utf-8"), "utf-8-sig"),
        (CSV_TEXT.encode("cp932"), "cp932"),
        (CSV_TEXT.encode("shift_jis"), "cp932"),
        ("①～②".encode("cp932"), "cp932"),
    ],
)
def test_decode_csv_bytes_detects_encoding(data, encoding):
    text, detected = decode_csv_bytes(data)
    assert detected == encoding
    assert text == data.decode(encoding)
    assert not text.startswith("\ufeff")


def test_decode_csv_bytes_empty_and_ascii():
    assert decode_csv_bytes(b"") == ("", "utf-8")
    assert decode_csv_bytes(b"a,b\n") == ("a,b\n", "utf-8")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"ok,\x82", msg.not_decodable(3, 3)),
        (b"abc\x80\xa0", msg.not_decodable(3, 3)),
        ("a,b".encode("utf-16"), msg.UTF16_NOT_SUPPORTED),
    ],
)
def test_decode_csv_bytes_rejects(data, reason):
    error = error_of(decode_csv_bytes, data)
    assert (error.reason, error.expected, error.raw) == (reason, msg.EXPECTED_CSV_ENCODING, data)


@given(st.text().filter(lambda t: not t.startswith("\ufeff")))
def test_utf8_round_trips(text):
    assert decode_csv_bytes(text.encode("utf-8")) == (text, "utf-8")
    assert decode_csv_bytes(b"\xef\xbb\xbf" + text.encode("utf-8")) == (text, "utf-8-sig")


@given(st.text(alphabet="あいうえおかきくけこ漢字取締役,\n 0123abc", min_size=1).filter(lambda t: not t.isascii()))
def test_shift_jis_round_trips(text):
    assert decode_csv_bytes(text.encode("cp932")) == (text, "cp932")


# =============================================================================
# Robustness: arbitrary text only ever raises NormaliseError
# =============================================================================

_NOISY = st.text(
    alphabet="0123456789,.-~ ;、()（）名個株上限以下 personsrightstoFromJulyH平成年月日元¥円\n",
    max_size=40,
)
_PARSERS = (parse_decimal, parse_amount, parse_count, parse_date, parse_period, parse_allotments,
            parse_allotment_items, lambda text: parse_allotment_items(text, "shares", counts_required=False))


@given(st.one_of(st.text(max_size=40), _NOISY))
def test_parsers_fail_only_with_normalise_error(text):
    for parser in _PARSERS:
        try:
            parser(text)
        except NormaliseError as error:
            assert error.raw == text and str(error)
