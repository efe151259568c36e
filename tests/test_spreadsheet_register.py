"""Register rows -> Filing: every normalisation rule as it reaches the model, every kind, nothing filled in,
company-specific categories, and every error path, located at file, sheet, row, column header and raw
value, saying what was expected."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from test_spreadsheet_support import (
    DROP,
    build_all,
    build_one,
    header,
    messages,
    register_a,
    register_b,
    seed_b,
    seed_row,
    write_csv,
)

from exporter.domain.kinds import IssuanceKind


def one(tmp_path, lang="en", **cells):
    return build_one(register_a(tmp_path / "r.xlsx", [seed_row(lang, **cells)], lang))


def issuance(tmp_path, **cells):
    built = one(tmp_path, **cells)
    assert built.filing is not None, [str(p) for p in built.problems]
    return built.filing.issuances[0]


def only_problem(built):
    assert built.filing is None
    assert len(built.problems) == 1, [str(p) for p in built.problems]
    return built.problems[0]


# --- normalisation rules, as they reach the model ------------------------------------------------


@pytest.mark.parametrize("cell", ["３０，２００", "30,200", "30200", 30200, 30200.0, "30,200株", "30,200 shares"])
def test_full_width_thousands_and_units_in_counts(tmp_path, cell):
    assert issuance(tmp_path, number_of_shares=cell).number_of_shares.value == 30200


@pytest.mark.parametrize("cell", ["１５１個", "151 rights", "151", 151])
def test_rights_with_units(tmp_path, cell):
    assert issuance(tmp_path, number_of_rights=cell).number_of_rights.value == 151


@pytest.mark.parametrize("cell", ["JPY369,200", "¥369,200", "369,200円", "３６９，２００円", "369200", 369200,
                                  "￥369,200", "369,200 yen"])
def test_currency_marks_and_full_width_amounts(tmp_path, cell):
    built = one(tmp_path, amount_per_right=cell)
    assert built.filing.issuances[0].payment.amount_per_right.value == Decimal(369200)
    assert built.filing.issuances[0].currency == "JPY"


@pytest.mark.parametrize("cell", ["無償", "No payment", "No cash payment is required", "無償（0円）"])
def test_no_payment_words(tmp_path, cell):
    payment = issuance(tmp_path, amount_per_right=cell, amount_per_share=DROP).payment
    assert payment.no_payment is True
    assert payment.amount_per_right is None


def test_no_payment_in_the_method_cell_alone(tmp_path):
    payment = issuance(tmp_path, amount_per_right=DROP, amount_per_share=DROP,
                       payment_method="新株予約権と引換えに金銭の払込みを要しないものとする。").payment
    assert payment.no_payment is True
    assert payment.method.ja == "新株予約権と引換えに金銭の払込みを要しないものとする。"


def test_literal_zero_is_an_amount_not_a_free_issue(tmp_path):
    payment = issuance(tmp_path, amount_per_right=0, amount_per_share=0).payment
    assert (payment.no_payment, payment.amount_per_right.value) == (False, 0)


@pytest.mark.parametrize("rights, shares, allotment", [
    ("上限151個", "上限30,200株", "当社取締役 7名 上限100個、当社執行役員 11名 上限51個"),
    ("not exceeding 151", "not exceeding 30,200",
     "Directors: 7 persons, up to 100 rights; Executive Officers: 11 persons, up to 51 rights"),
    ("maximum 151", "30,200 (maximum)", None),
    ("151個を上限とする", "30,200株以内", None),
])
def test_upper_limits(tmp_path, rights, shares, allotment):
    cells = {"number_of_rights": rights, "number_of_shares": shares}
    if allotment:
        cells["allotment"] = allotment
    result = issuance(tmp_path, **cells)
    assert (result.number_of_rights.value, result.number_of_rights.upper_limit) == (151, True)
    assert (result.number_of_shares.value, result.number_of_shares.upper_limit) == (30200, True)
    assert all(a.rights.upper_limit for a in result.allotments) == bool(allotment)


@pytest.mark.parametrize("cell", ["2015-06-26", "2015/6/26", "June 26, 2015", "26 June 2015", "2015年6月26日",
                                  "平成27年6月26日", "平成２７年６月２６日", "H27.6.26", dt.datetime(2015, 6, 26),
                                  dt.date(2015, 6, 26), 42181, 42181.0, "42181", "20150626"])
def test_date_forms_eras_excel_cells_and_serials(tmp_path, cell):
    assert one(tmp_path, resolution_date=cell).filing.board_resolution_date == dt.date(2015, 6, 26)


@pytest.mark.parametrize("cells, start, end", [
    ({"exercise_period": "2015年8月1日～2045年7月31日"}, dt.date(2015, 8, 1), dt.date(2045, 7, 31)),
    ({"exercise_period": "From August 1, 2015 to July 31, 2045"}, dt.date(2015, 8, 1), dt.date(2045, 7, 31)),
    ({"exercise_period": "自 平成27年8月1日 至 平成57年7月31日"}, dt.date(2015, 8, 1), dt.date(2045, 7, 31)),
    ({"exercise_start": dt.datetime(2015, 8, 1), "exercise_end": "2045-07-31"}, dt.date(2015, 8, 1),
     dt.date(2045, 7, 31)),
])
def test_exercise_period_in_one_cell_or_two(tmp_path, cells, start, end):
    exercise = issuance(tmp_path, exercise_price="1円", **cells).exercise
    assert (exercise.period_start, exercise.period_end, exercise.price_per_share.value) == (start, end, 1)


def test_allotment_text_in_japanese_classifies_categories(tmp_path):
    built = one(tmp_path, "ja")
    allotments = built.filing.issuances[0].allotments
    assert [(a.category, a.persons, a.rights.value, a.description.ja) for a in allotments] == [
        ("directors", 7, 100, "当社取締役（社外取締役及び非常勤取締役を除く）"),
        ("executive_officers", 11, 51, "当社執行役員")]


def test_allotment_category_codes_are_accepted_as_labels(tmp_path):
    allotments = issuance(tmp_path, allotment="employees: 7 persons, 100 rights; other: 11 persons, 51 rights"
                          ).allotments
    assert [a.category for a in allotments] == ["employees", "other"]


@pytest.mark.parametrize("cell, plan", [("株式報酬型", IssuanceKind.STOCK_COMPENSATION_OPTIONS),
                                        ("Stock-compensation type", IssuanceKind.STOCK_COMPENSATION_OPTIONS),
                                        ("ストックオプション（株式報酬型）", IssuanceKind.STOCK_COMPENSATION_OPTIONS),
                                        ("通常型", IssuanceKind.STOCK_OPTIONS), ("Ordinary", IssuanceKind.STOCK_OPTIONS),
                                        ("有償ストックオプション", IssuanceKind.PAID_STOCK_OPTIONS),
                                        ("stock_options", IssuanceKind.STOCK_OPTIONS)])
def test_kind_words(tmp_path, cell, plan):
    assert issuance(tmp_path, kind=cell, amount_per_right=DROP, amount_per_share=DROP).kind is plan


def test_market_cell_with_tickers_gives_listings(tmp_path):
    built = one(tmp_path, market="ＮＡＳＤＡＱ：ＩＩＪ、TSE Prime (3774)")
    assert [(x.exchange, x.ticker) for x in built.filing.issuer.listings] == [("NASDAQ", "IIJ"), ("TSE Prime", "3774")]
    assert built.filing.issuer.market is None


@pytest.mark.parametrize("cell", ["TSE Prime", "東京証券取引所（プライム市場）", "NASDAQ: IIJ; TSE1"])
def test_market_cell_without_tickers_is_the_market_as_written(tmp_path, cell):
    """No ticker is made up from the securities code: an exchange without one is the market, as text."""
    issuer = one(tmp_path, market=cell).filing.issuer
    assert issuer.listings == () and issuer.market.items()[0][1] == cell


def test_securities_code_as_number_and_full_width(tmp_path):
    assert one(tmp_path, securities_code=3774).filing.issuer.securities_code == "3774"
    assert one(tmp_path, securities_code="１３０ａ").filing.issuer.securities_code == "130A"


def test_multiline_text_keeps_its_lines(tmp_path):
    method = issuance(tmp_path, payment_method="Offset against\r\n  remuneration claims.  ").payment.method
    assert method.en == "Offset against\nremuneration claims."


# --- defaults ------------------------------------------------------------------------------------


def test_what_a_register_leaves_out_stays_out(tmp_path):
    built = one(tmp_path, market=DROP, determination_date=DROP, amount_per_right=DROP, amount_per_share=DROP,
                payment_method=DROP, currency=DROP, class_of_shares=DROP, number_of_shares=DROP,
                number_of_rights=DROP, shares_per_right=DROP, resolution_date=DROP, securities_code=DROP)
    filing = built.filing
    assert filing is not None, messages(built)
    issued = filing.issuances[0]
    assert issued.payment is None and issued.exercise is None and issued.class_of_shares is None
    assert issued.allotment_date is None and issued.determination_date is None
    assert issued.number_of_rights is None and issued.number_of_shares is None and issued.shares_per_right is None
    assert filing.issuer.listings == () and filing.board_resolution_date is None
    assert "currency" not in issued.model_fields_set  # the models' JPY is the unit, never a stated fact
    assert built.warnings == []


def test_only_title_date_issuer_and_kind_are_needed(tmp_path):
    row = {"company_name": "株式会社サンプル", "announcement_date": "2025年7月18日", "kind": "譲渡制限付株式"}
    built = build_one(register_a(tmp_path / "r.xlsx", [row], "ja"))
    assert built.filing is not None, messages(built)
    assert built.filing.issuances[0].kind is IssuanceKind.RESTRICTED_STOCK
    assert built.filing.title.ja == "譲渡制限付株式報酬（株式の発行又は処分）に関するお知らせ"
    assert built.warnings == ["title not given: made from the kind and the notice type "
                              "(譲渡制限付株式報酬（株式の発行又は処分）に関するお知らせ)"]


@pytest.mark.parametrize("notice, method, lang, title", [
    ("Resolution", None, "en", "Notice Concerning Restricted stock compensation (the issuance or disposal of shares)"),
    ("払込完了", "自己株式処分", "ja", "譲渡制限付株式報酬（自己株式の処分）の払込完了に関するお知らせ"),
    ("Amendment", "New shares", "en",
     "Notice Concerning Restricted stock compensation (the issuance of new shares): Amendment"),
])
def test_a_title_made_from_the_kind_and_the_notice_type(tmp_path, notice, method, lang, title):
    row = {"company_name": "Sample Inc." if lang == "en" else "株式会社サンプル", "announcement_date": "2025-07-18",
           "kind": "Restricted stock", "notice_type": notice}
    if method:
        row["method"] = method
    built = build_one(register_a(tmp_path / "r.xlsx", [row], lang))
    assert built.filing.title.get(lang) == title and len(built.warnings) == 1


@pytest.mark.parametrize("price, kind", [("1円", IssuanceKind.STOCK_COMPENSATION_OPTIONS),
                                         ("¥2,315", IssuanceKind.STOCK_OPTIONS)])
def test_without_a_kind_column_an_exercise_price_decides_with_a_warning(tmp_path, price, kind):
    built = one(tmp_path, kind=DROP, title=DROP, exercise_price=price, amount_per_right=DROP, amount_per_share=DROP)
    assert built.filing.issuances[0].kind is kind
    assert built.warnings[0] == (f"kind of issuance not given: {kind.value} is inferred ("
                                 + ("the exercise price per share is 1)" if price == "1円" else
                                    "an exercise price of 2,315 is given)"))
    assert built.warnings[1].startswith("title not given")


@pytest.mark.parametrize("title, price, kind", [
    ("Notice Regarding the Issuance of Stock-Compensation-Type Stock Options", DROP,
     IssuanceKind.STOCK_COMPENSATION_OPTIONS),
    ("有償ストックオプション（新株予約権）の発行に関するお知らせ", "¥2,315", IssuanceKind.PAID_STOCK_OPTIONS),
])
def test_without_a_kind_column_the_title_decides_first(tmp_path, title, price, kind):
    built = one(tmp_path, kind=DROP, title=title, exercise_price=price, amount_per_right=DROP,
                amount_per_share=DROP)
    assert built.filing.issuances[0].kind is kind
    assert built.warnings == [f"kind of issuance not given: {kind.value} is inferred (the title says so)"]


def test_without_a_kind_a_title_or_an_exercise_price_the_kind_is_an_error(tmp_path):
    problem = only_problem(one(tmp_path, kind=DROP, title="Notice Concerning the Issuance of Stock Acquisition Rights"))
    assert "no column for the kind of issuance" in problem.message and problem.main.header == "Kind"
    assert problem.expected.startswith("a kind of issuance")
    problem = only_problem(one(tmp_path, kind="", title=DROP))
    assert problem.main.header == "Plan type" and "got an empty cell" in problem.message


def test_directors_and_executive_officers_together_are_the_standard_category(tmp_path):
    allotments = one(tmp_path, "ja", allotment="当社取締役及び執行役員 18名 151個").filing.issuances[0].allotments
    assert [a.category for a in allotments] == ["directors_and_executive_officers"]


def test_currency_from_the_amounts_marks(tmp_path):
    built = one(tmp_path, currency=DROP, amount_per_right="$3,692", amount_per_share="US$18.46")
    assert built.filing.issuances[0].currency == "USD"
    assert built.filing.issuances[0].payment.amount_per_share.value == Decimal("18.46")


def test_language_marked_headers_and_script_detection(tmp_path):
    row = seed_row(company_name="Internet Initiative Japan Inc.", company_name_ja="株式会社インターネットイニシアティブ")
    path = register_a(tmp_path / "r.xlsx", [row], headers={"company_name_ja": "会社名"})
    name = build_one(path).filing.issuer.name
    assert (name.en, name.ja) == ("Internet Initiative Japan Inc.", "株式会社インターネットイニシアティブ")


# --- errors: one cell ----------------------------------------------------------------------------


@pytest.mark.parametrize("key, cell, expected", [
    ("number_of_shares", "about 30,000", "a whole number"),
    ("number_of_shares", "30 200", "a whole number"),
    ("number_of_rights", "151.5", "a whole number"),
    ("amount_per_right", "369千円", "an amount"),
    ("amount_per_right", "なし", "an amount"),
    ("resolution_date", "6/26/2015", "a date"),
    ("resolution_date", "平成32年6月26日", "a date"),
    ("resolution_date", "2015-02-30", "a date"),
    ("allotment", "Directors; Officers 100 rights", "a recipient category"),
    ("allotment", "当社取締役 7名 100株", "a recipient category"),
    ("kind", "phantom", "a kind of issuance"),
    ("dilution_ratio", "about 5%", "a percentage"),
    ("companies_act_articles", "the usual ones", "Companies Act article numbers"),
    ("currency", "yen?", "a currency"),
])
def test_a_bad_cell_names_file_sheet_row_column_value_and_what_was_expected(tmp_path, key, cell, expected):
    built = one(tmp_path, **{key: cell})
    problem = only_problem(built)
    data = problem.to_dict()
    assert data["file"].endswith("r.xlsx") and data["sheet"] == "Register" and data["row"] == 2
    assert data["column"] == header(key)
    assert data["value"] == cell and data["cell"].endswith("2")
    assert data["expected"].startswith(expected), data
    assert "expected" in data["message"]
    text = str(problem)
    assert "r.xlsx" in text and "sheet 'Register'" in text and "row 2" in text and repr(cell) in text


def test_empty_required_cell(tmp_path):
    problem = only_problem(one(tmp_path, announcement_date=None))
    assert problem.main.header == "Announcement date" and problem.main.value is None
    assert "expected the announcement date, got an empty cell" in problem.message


def test_a_register_need_not_print_a_resolution_date_or_a_code(tmp_path):
    built = one(tmp_path, resolution_date=DROP, securities_code=DROP, listings=DROP)
    assert built.filing is not None and built.filing.board_resolution_date is None
    assert built.filing.issuer.identified_by_name


def test_missing_required_column_names_the_headers_we_expected(tmp_path):
    problem = only_problem(one(tmp_path, announcement_date=DROP))
    assert problem.main.column is None and problem.main.header == "Announcement date" and problem.main.row == 2
    assert "'Announcement date' or '公表日'" in problem.message


def test_upper_limit_shares_per_right_and_persons(tmp_path):
    assert "not an upper limit" in only_problem(one(tmp_path, shares_per_right="上限200株")).message
    problem = only_problem(one(tmp_path, allotment="当社取締役 上限7名 100個、当社執行役員 11名 51個"))
    assert "persons cannot be an upper limit" in problem.message


def test_amount_in_another_currency_than_the_column(tmp_path):
    problem = only_problem(one(tmp_path, amount_per_share="$1,846"))
    assert "USD" in problem.message and "JPY" in problem.message
    assert [c.header for c in problem.cells] == ["Amount paid per share", "Currency"]


def test_amounts_in_two_currencies_without_a_currency_column(tmp_path):
    problem = only_problem(one(tmp_path, currency=DROP, amount_per_right="¥369,200", amount_per_share="$1,846"))
    assert "different currencies" in problem.message and len(problem.cells) == 2


def test_payment_method_without_an_amount_is_filed_as_printed(tmp_path):
    payment = issuance(tmp_path, amount_per_right=DROP, amount_per_share=DROP).payment
    assert payment.method is not None and payment.amount_per_right is None and not payment.no_payment


# --- errors: the model's rules, mapped back to the cells ------------------------------------------


def test_arithmetic_error_names_every_cell_and_both_numbers(tmp_path):
    problem = only_problem(one(tmp_path, number_of_shares="30,000"))
    assert problem.message == ("'Number of rights' × 'Shares per right' must equal 'Number of shares': "
                               "151 × 200 = 30,200, but 'Number of shares' is 30,000")
    assert {c.header for c in problem.cells} == {"Number of rights", "Shares per right", "Number of shares"}
    assert (problem.main.header, problem.main.value, problem.main.ref) == ("Number of shares", "30,000", "L2")
    assert problem.expected == "30,200"


def test_hand_typed_total_that_disagrees_with_the_allotments(tmp_path):
    problem = only_problem(one(tmp_path, number_of_rights=150, number_of_shares=30000))
    assert "151" in problem.message and "150" in problem.message
    assert {c.header for c in problem.cells} >= {"Number of rights", "Allotment"}
    assert (problem.main.row, problem.main.header, problem.main.value) == (2, "Number of rights", 150)


def test_total_persons_that_disagrees_with_the_allotments(tmp_path):
    problem = only_problem(one(tmp_path, total_persons="17名"))
    assert "17" in problem.message and "7 + 11 = 18" in problem.message
    assert [c.header for c in problem.cells] == ["Number of recipients", "Allotment"]


def test_dates_out_of_order_and_announcement_before_resolution(tmp_path):
    problem = only_problem(one(tmp_path, resolution_date="2015-07-20", determination_date=DROP))
    assert "'Announcement date'" in problem.message and "'Resolution date'" in problem.message
    assert {c.header for c in problem.cells} == {"Announcement date", "Resolution date"}
    assert problem.expected == "a date on or after 2015-07-20"


def test_stock_compensation_with_another_exercise_price(tmp_path):
    problem = only_problem(one(tmp_path, exercise_price="2,315円"))
    assert {c.header for c in problem.cells} >= {"Exercise price per share", "Plan type"}


def test_bad_securities_code_is_reported_at_its_cell(tmp_path):
    problem = only_problem(one(tmp_path, securities_code="37B4"))
    assert problem.main.header == "Securities code" and "securities code" in problem.message


def test_every_problem_of_a_row_is_reported_at_once(tmp_path):
    built = one(tmp_path, resolution_date="someday", amount_per_right="369千円", currency="XYZ")
    assert built.filing is None
    headers = [p.main.header for p in built.problems]
    assert headers == ["Resolution date", "Amount paid per right", "Currency"]
    assert "'XYZ' is not an ISO 4217 currency code" in built.problems[2].message


# --- errors: columns that disagree ---------------------------------------------------------------


def test_two_columns_for_one_field_must_agree(tmp_path):
    row = seed_row(number_of_rights=151, rights2=150)
    path = register_a(tmp_path / "r.xlsx", [row], headers={"rights2": "新株予約権の数"})
    problem = only_problem(build_one(path))
    assert "disagree" in problem.message and len(problem.cells) == 2


def test_two_texts_in_one_language(tmp_path):
    row = seed_row(company_name="IIJ", company2="Internet Initiative Japan Inc.")
    path = register_a(tmp_path / "r.xlsx", [row], headers={"company2": "Issuer"})
    problem = only_problem(build_one(path))
    assert "in English" in problem.message and [c.header for c in problem.cells] == ["Company name", "Issuer"]


def test_bilingual_allotments_must_agree(tmp_path):
    row = seed_row(allotment_ja="当社取締役 7名 100個、当社執行役員 11名 50個")
    path = register_a(tmp_path / "r.xlsx", [row], headers={"allotment_ja": "付与対象者の区分及び人数"})
    problem = only_problem(build_one(path))
    assert "differs between the languages" in problem.message


# --- layout b ------------------------------------------------------------------------------------


def test_layout_b_joins_allotments_by_id(tmp_path):
    issuances, allotments = seed_b()
    allotments[1]["id"] = " iij-2015-1 "  # IDs match regardless of case and spaces
    built = build_one(register_b(tmp_path / "b.xlsx", issuances, allotments))
    assert [a.rights.value for a in built.filing.issuances[0].allotments] == [100, 51]
    assert built.stem == "3774-2015-07-13-IIJ-2015-1"


def test_layout_b_allotment_row_errors_point_at_the_allotments_sheet(tmp_path):
    issuances, allotments = seed_b()
    allotments[1]["rights"] = "about 51"
    problem = only_problem(build_one(register_b(tmp_path / "b.xlsx", issuances, allotments)))
    assert (problem.main.sheet, problem.main.row, problem.main.header) == ("Allotments", 3, "Rights")


def test_layout_b_sum_error_names_the_allotment_rows(tmp_path):
    issuances, allotments = seed_b()
    allotments[1]["rights"] = 50
    problem = only_problem(build_one(register_b(tmp_path / "b.xlsx", issuances, allotments)))
    assert "directors (rights) + executive_officers (rights) must equal 'Number of rights': 100 + 50 = 150" \
        in problem.message
    assert {(c.sheet, c.row) for c in problem.cells} >= {("Issuances", 2), ("Allotments", 2), ("Allotments", 3)}


def test_layout_b_category_code_column(tmp_path):
    issuances, allotments = seed_b()
    allotments[0]["category_code"] = "outside_directors"
    allotments[1]["category_code"] = "Executive Officers"
    built = build_one(register_b(tmp_path / "b.xlsx", issuances, allotments))
    assert [a.category for a in built.filing.issuances[0].allotments] == ["outside_directors", "executive_officers"]


def test_layout_b_bad_category_code(tmp_path):
    issuances, allotments = seed_b()
    allotments[0]["category_code"] = "board"
    problem = only_problem(build_one(register_b(tmp_path / "b.xlsx", issuances, allotments)))
    assert problem.main.header == "Category code" and "directors" in problem.message


def test_layout_b_missing_and_duplicate_ids(tmp_path):
    issuances, allotments = seed_b()
    issuances = [issuances[0], dict(issuances[0]), dict(issuances[0], id=None)]
    built = build_all(register_b(tmp_path / "b.xlsx", issuances, allotments))
    assert [b.filing is None for b in built] == [True, True, True]
    assert "rows 2, 3" in messages(built[0])[0] and "rows 2, 3" in messages(built[1])[0]
    assert "expected an ID" in messages(built[2])[0]


def test_layout_b_allotments_given_twice(tmp_path):
    issuances, allotments = seed_b()
    issuances[0]["allotment"] = "Directors: 7 persons, 100 rights; Executive Officers: 11 persons, 51 rights"
    problem = only_problem(build_one(register_b(tmp_path / "b.xlsx", issuances, allotments)))
    assert "given twice" in problem.message


# --- CSV -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932"])
def test_csv_in_each_encoding(tmp_path, encoding):
    rows = [["会社名", "証券コード", "公表日", "決議日", "新株予約権の数", "新株予約権1個当たりの株式数",
             "目的となる株式の数", "種類", "付与対象者の区分及び人数"],
            ["株式会社インターネットイニシアティブ", "３７７４", "平成２７年７月１３日", "平成27年6月26日", "１５１個", "２００株",
             "３０，２００株", "株式報酬型", "当社取締役（社外取締役及び非常勤取締役を除く） ７名 １００個、\n当社執行役員 １１名 ５１個"]]
    built = build_one(write_csv(tmp_path / "r.csv", rows, encoding))
    assert built.filing is not None, messages(built)
    assert built.filing.issuer.name.ja == "株式会社インターネットイニシアティブ"
    assert built.stem == "3774-2015-07-13-r2"


def test_csv_errors_have_no_sheet_but_a_row_and_column(tmp_path):
    rows = [["Company name", "Securities code", "Announcement date", "Resolution date", "Number of rights",
             "Shares per right", "Number of shares", "Plan type"],
            ["IIJ", "3774", "2015-07-13", "2015-06-26", "151", "200", "30,200", "Stock compensation"],
            ["IIJ", "3774", "2015-07-13", "2015-06-26", "151", "200", "30,201", "Stock compensation"]]
    built = build_all(write_csv(tmp_path / "r.csv", rows))
    assert built[0].filing is not None
    data = built[1].problems[0].to_dict()
    assert (data["sheet"], data["row"]) == (None, 3)
    assert "sheet '" not in str(built[1].problems[0])


# --- IDs and output names ------------------------------------------------------------------------


def test_escape_id_is_one_to_one_and_file_name_safe():
    from exporter.sources.spreadsheet.register import escape_id

    assert escape_id("IIJ-2015_1.a") == "IIJ-2015_1.a"
    assert escape_id("A/1") == "A~2F1" and escape_id("A~2F1") == "A~7E2F1"
    assert escape_id("第1回") == "~E7~AC~AC1~E5~9B~9E"
    assert escape_id("..") == ".." and escape_id("a b") == "a~20b"


def test_layout_a_ids_name_the_files_and_must_be_unique(tmp_path):
    rows = [dict(seed_row(), id="A/1"), dict(seed_row(), id="B"), dict(seed_row(), id=" b "), dict(seed_row(), id=None)]
    built = build_all(register_a(tmp_path / "r.xlsx", rows))
    assert built[0].stem == "3774-2015-07-13-A~2F1" and built[3].stem == "3774-2015-07-13-r5"
    assert built[1].filing is None and built[2].filing is None
    assert "rows 3, 4 of sheet 'Register'" in messages(built[1])[0]


def test_layout_b_issuance_without_allotment_rows_is_converted_with_a_warning(tmp_path):
    issuances, allotments = seed_b()
    issuances.append(dict(issuances[0], id="OTHER"))
    built = build_all(register_b(tmp_path / "b.xlsx", issuances, allotments))
    assert built[1].filing is not None and built[1].filing.issuances[0].allotments == ()
    assert built[1].warnings == ["no row of the Allotments sheet has this issuance's ID: the filing has no allotments"]


# --- shares, routing by the kind, allottees ------------------------------------------------------

RESTRICTED = {"company_name": "Sakura Robotics Co., Ltd.", "securities_code": "130A",
              "announcement_date": "2025-07-18", "title": "Notice Concerning the Disposal of Treasury Shares",
              "kind": "Restricted stock", "method": "Treasury shares", "resolution_date": "2025-07-18",
              "disposal_date": "2025-08-12", "number_of_shares": "12,000 shares", "price_per_share": "¥2,315",
              "total_amount": "¥27,780,000",
              "allotment": "Directors: 4 persons, 8,000 shares; Executive Officers: 5 persons, 4,000 shares"}


def shares(tmp_path, headers=None, lang="en", **cells):
    row = {k: v for k, v in {**RESTRICTED, **cells}.items() if v is not DROP}
    return build_one(register_a(tmp_path / "r.xlsx", [row], lang, headers))


def test_a_restricted_stock_row(tmp_path):
    built = shares(tmp_path, transfer_restriction_period="2025年8月12日～2055年8月11日")
    assert built.filing is not None, messages(built)
    issued = built.filing.issuances[0]
    assert (issued.kind, issued.method.value) == (IssuanceKind.RESTRICTED_STOCK, "treasury_shares")
    assert (issued.number_of_shares.value, issued.price_per_share.value, issued.total_amount.value) == (
        12000, Decimal(2315), Decimal(27780000))
    assert issued.disposal_date == dt.date(2025, 8, 12)
    assert (issued.transfer_restriction.start, issued.transfer_restriction.end) == (dt.date(2025, 8, 12),
                                                                                   dt.date(2055, 8, 11))
    assert [(a.category, a.persons, a.shares.value) for a in issued.allotments] == [
        ("directors", 4, 8000), ("executive_officers", 5, 4000)]
    assert built.warnings == []


def test_a_restriction_period_in_words_is_kept_as_text(tmp_path):
    text = "2025年8月12日から当社の取締役を退任するまでの間"
    restriction = shares(tmp_path, transfer_restriction_period=text).filing.issuances[0].transfer_restriction
    assert restriction.description.ja == text and restriction.start is None


@pytest.mark.parametrize("kind, price_field", [("Restricted stock", "price_per_share"),
                                               ("Ordinary", "amount_per_right")])
def test_one_heading_two_fields_chosen_by_the_kind(tmp_path, kind, price_field):
    """発行価額 is the price per share of shares, and the amount paid per right of rights."""
    row = {"company_name": "株式会社サンプル", "announcement_date": "2025-07-18", "kind": kind, "issue_price": "500円"}
    built = build_one(register_a(tmp_path / "r.xlsx", [row], "ja", {"issue_price": "発行価額"}))
    issued = built.filing.issuances[0]
    amount = issued.price_per_share if price_field == "price_per_share" else issued.payment.amount_per_right
    assert amount.value == 500


def test_a_column_of_the_other_instrument_with_a_value_is_an_error(tmp_path):
    problem = only_problem(shares(tmp_path, number_of_rights=151))
    assert problem.main.header == "Number of rights" and problem.main.value == 151
    assert "for stock acquisition rights, but the row's kind issues shares" in problem.message


def test_shares_that_do_not_add_up_name_both_numbers(tmp_path):
    problem = only_problem(shares(tmp_path, total_amount="¥27,000,000"))
    assert "2,315 × 12,000 = 27,780,000, but 'Total amount' is 27,000,000" in problem.message and "'Total amount'" in problem.message


@pytest.mark.parametrize("kind, category", [("Trust", "trust_account"), ("Third-party allotment", "investor")])
def test_a_named_allottee(tmp_path, kind, category):
    built = shares(tmp_path, kind=kind, allotment=DROP,
                   allottee="Custody Bank of Japan, Ltd. (Trust E Account): 12,000 shares")
    (allotment,) = built.filing.issuances[0].allotments
    assert (allotment.category, allotment.allottee.en, allotment.persons, allotment.shares.value) == (
        category, "Custody Bank of Japan, Ltd. (Trust E Account)", None, 12000)


def test_an_allottee_without_counts(tmp_path):
    built = shares(tmp_path, kind="株式給付信託", allotment=DROP, allottee="株式会社日本カストディ銀行（信託E口）")
    (allotment,) = built.filing.issuances[0].allotments
    assert allotment.category == "trust_account" and allotment.shares is None


def test_to_be_determined_counts_and_amounts(tmp_path):
    issued = shares(tmp_path, number_of_shares="未定", price_per_share="未定", total_amount=DROP,
                    allotment=DROP).filing.issuances[0]
    assert issued.number_of_shares.value is None and issued.price_per_share.value is None


def test_proceeds_dilution_capital_articles_and_flags(tmp_path):
    built = shares(tmp_path, kind="第三者割当", method="新株発行", disposal_date=DROP, payment_date="2025-08-12",
                   capital_increase="¥13,890,000", capital_reserve_increase="¥13,890,000",
                   proceeds_gross="¥27,780,000", proceeds_issue_costs="¥780,000", proceeds_net="¥27,000,000",
                   dilution_ratio="0.06%", companies_act_articles="第199条、第201条", allotment=DROP,
                   allottee="Aozora Partners L.P.: 12,000 shares")
    filing = built.filing
    assert filing is not None, messages(built)
    issued = filing.issuances[0]
    assert (issued.proceeds.net.value, issued.dilution.ratio.value) == (Decimal(27000000), Decimal("0.0006"))
    assert filing.legal_basis.articles == ("199", "201")


@pytest.mark.parametrize(("ratio", "value", "precision"), [
    ("0.060%", Decimal("0.0006"), 5), ("10.00%", Decimal("0.1"), 4), ("10", Decimal("0.1"), 2), ("未定", None, None)])
def test_ratios_and_amounts_keep_the_fraction_digits_their_cells_state(tmp_path, ratio, value, precision):
    built = shares(tmp_path, kind="第三者割当", method="新株発行", disposal_date=DROP, payment_date="2025-08-12",
                   proceeds_gross="¥27,780,000", proceeds_issue_costs="¥780,000.00", proceeds_net="27,000,000.0円",
                   dilution_ratio=ratio, allotment=DROP, allottee="Aozora Partners L.P.: 12,000 shares")
    assert built.filing is not None, messages(built)
    issued = built.filing.issuances[0]
    assert (issued.dilution.ratio.value, issued.dilution.ratio.precision) == (value, precision)
    proceeds = issued.proceeds
    assert [(m.value, m.precision) for m in (proceeds.gross, proceeds.issue_costs, proceeds.net)] == [
        (27780000, 0), (780000, 2), (27000000, 1)]


def test_the_no_upper_limit_flag(tmp_path):
    cells = {"kind": "第三者割当による新株予約権", "no_cap": "○", "floor": "1,649円"}
    path = register_a(tmp_path / "r2.xlsx", [seed_row("ja", **cells, amount_per_right=DROP, amount_per_share=DROP,
                                                      payment_method=DROP)], "ja",
                      {"no_cap": "上限行使価額はない", "floor": "下限行使価額"})
    built = build_one(path)
    exercise = built.filing.issuances[0].exercise
    assert exercise.no_upper_limit_price is True and exercise.lower_limit_price_per_share.value == 1649


@pytest.mark.parametrize("cell, field", [("Stock compensation", "kind"), ("Board Benefit Trust (BBT)", "plan_name")])
def test_a_heading_shared_by_the_kind_and_the_plan_goes_by_the_cell(tmp_path, cell, field):
    path = register_a(tmp_path / "r.xlsx", [seed_row(kind=DROP, plan=cell, exercise_price="1円")],
                      headers={"plan": "Plan"})
    built = build_one(path)
    filing = built.filing
    if field == "kind":
        assert filing.issuances[0].kind is IssuanceKind.STOCK_COMPENSATION_OPTIONS and built.warnings == []
    else:
        assert filing.plan.name.en == cell and built.warnings[0].startswith("kind of issuance not given")


def test_a_follow_up_notice_names_its_earlier_notice(tmp_path):
    built = shares(tmp_path, notice_type="Completion", earlier_notice_date="2025-07-01",
                   earlier_notice_title="Notice Concerning the Disposal of Treasury Shares", announcement_date="2025-08-12")
    filing = built.filing
    assert filing.notice_type.value == "completion" and filing.earlier_notice.date == dt.date(2025, 7, 1)


# --- company-specific categories -----------------------------------------------------------------


def test_ranks_of_director_and_other_roles_are_categories_of_the_company(tmp_path):
    allotment = "当社取締役会長 1名 30個、当社取締役社長 1名 30個、当社専務取締役 2名 40個、当社常務取締役 3名 45個、当社理事 5名 6個"
    built = one(tmp_path, "ja", allotment=allotment, number_of_rights=151, number_of_shares="30,200株")
    allotments = built.filing.issuances[0].allotments
    assert [(a.category, a.custom_category, a.description.ja) for a in allotments] == [
        (None, "category1", "当社取締役会長"), (None, "category2", "当社取締役社長"), (None, "category3", "当社専務取締役"),
        (None, "category4", "当社常務取締役"), (None, "category5", "当社理事")]


def test_standard_categories_stay_beside_a_company_one(tmp_path):
    allotment = "当社取締役（社外取締役を除く。） 7名 100個、退任社外取締役 2名 20個、当社従業員 11名 31個"
    allotments = one(tmp_path, "ja", allotment=allotment).filing.issuances[0].allotments
    assert [(a.category, a.custom_category) for a in allotments] == [
        ("directors", None), (None, "category2"), ("employees", None)]


def test_two_labels_of_one_category_never_collide(tmp_path):
    allotment = "Directors (Audit and Supervisory Committee Members): 2 persons, 50 rights; " \
                "Directors who are Audit and Supervisory Committee members: 3 persons, 101 rights"
    allotments = one(tmp_path, allotment=allotment).filing.issuances[0].allotments
    assert [a.custom_category for a in allotments] == ["category1", "category2"]


def test_the_standard_label_other_is_the_standard_category(tmp_path):
    allotments = one(tmp_path, "ja", allotment="当社取締役 7名 100個、その他 11名 51個").filing.issuances[0].allotments
    assert [a.category for a in allotments] == ["directors", "other"]


def test_layout_b_custom_category_and_allottee_columns(tmp_path):
    issuances, allotments = seed_b()
    allotments[1]["custom_category"] = "retiring_officers"
    built = build_one(register_b(tmp_path / "b.xlsx", issuances, allotments))
    assert [(a.category, a.custom_category) for a in built.filing.issuances[0].allotments] == [
        ("directors", None), (None, "retiring_officers")]
