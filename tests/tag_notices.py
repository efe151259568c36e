"""Notices written for the tag tests (our own wording; the real notices in ../shared are never copied).

Each ``TestNotice`` has its text (or a builder for Word), its language, and the figures and dates
it prints as (kind, value) pairs: kind "pure" (rights, persons), "shares", "money", "per_share",
"date", "code". ``SEED_LIKE`` states the seed notice's facts in our own sentences.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

SAMPLE_NOTICES = Path(__file__).resolve().parents[1] / "samples" / "notices"  # also the README's tag example


@dataclass(frozen=True)
class TestNotice:
    name: str  # file name, with the suffix that decides the format
    lang: str
    text: str = ""
    facts: tuple[tuple[str, str], ...] = ()
    garbled: bool = False
    extra: dict = field(default_factory=dict)

    def write(self, folder: Path) -> Path:
        path = folder / self.name
        if self.name.endswith(".docx"):
            build_docx(path)
        else:
            path.write_text(self.text, encoding=self.extra.get("encoding", "utf-8"))
        return path


SEED_LIKE = TestNotice("seed-like.txt", "en", """For release on 13 July 2015

Notice on the Final Terms of Stock-Compensation-Type Stock Options (Stock Acquisition Rights)

TOKYO, July 13, 2015 - Internet Initiative Japan Inc. (TSE1: 3774) today sets out the remaining terms of the stock-compensation-type stock options whose issue its Board of Directors resolved on June 26, 2015, as follows.

1. Number of Stock Acquisition Rights
151 rights
2. Class and number of shares underlying the rights
30,200 shares of common stock of the Company (200 shares per Stock Acquisition Right)
3. Amount payable for each Stock Acquisition Right
JPY369,200 per Stock Acquisition Right (JPY1,846 per share)

The recipients pay by setting their remuneration claims off against the amount payable.

4. Recipients and number of rights allotted
Directors of the Company (other than outside directors)\t7 Directors\t100 rights
Executive Officers of the Company\t11 Executive Officers\t51 rights

About the Company
Founded in 1992, the Company provides network services.
""", (("pure", "151"), ("shares", "200"), ("shares", "30200"), ("money", "369200"), ("per_share", "1846"),
      ("pure", "7"), ("pure", "100"), ("pure", "11"), ("pure", "51"), ("date", "2015-06-26"),
      ("date", "2015-07-13"), ("code", "3774")))

JA_RESTRICTED = TestNotice("minato-restricted.txt", "ja", """令和7年6月20日
各位
会社名 株式会社みなと精工
代表者名 代表取締役社長 佐藤 一郎
(コード番号 1234 東証スタンダード)

譲渡制限付株式報酬としての新株式の発行に関するお知らせ

当社は、本日開催の取締役会において、下記のとおり新株式の発行を行うことについて決議いたしましたので、お知らせいたします。
記
１．発行の概要
（１）払込期日　令和7年7月18日
（２）発行する株式の種類及び数　当社普通株式　15,000株
（３）発行価額　1株につき　1,250円
（４）発行総額　18,750千円
（５）割当予定先　当社取締役 5名 10,000株、当社執行役員 4名 5,000株
２．発行の目的及び理由
当社は、令和6年5月10日開催の取締役会において、譲渡制限付株式報酬制度を導入することを決議しました。
以上
""", (("date", "2025-06-20"), ("date", "2025-07-18"), ("shares", "15000"), ("per_share", "1250"),
      ("money", "18750000"), ("pure", "5"), ("shares", "10000"), ("pure", "4"), ("shares", "5000"),
      ("date", "2024-05-10"), ("code", "1234")), extra={"encoding": "cp932"})

EN_HTML = TestNotice("harbor-disposal.html", "en", """<!DOCTYPE html>
<html><head><title>Harbor Logistics: notice</title>
<script>fetch('http://127.0.0.1:9/beacon')</script>
<style>body { background: url(http://127.0.0.1:9/bg.png) }</style></head>
<body onload="alert(1)">
<p>August 1, 2024</p>
<p>To whom it may concern</p>
<p><strong>Harbor Logistics Co., Ltd.</strong> (Stock Code: 9876, TSE Prime)</p>
<h1>Notice regarding disposal of treasury shares as restricted stock compensation</h1>
<p>Harbor Logistics Co., Ltd. (the &ldquo;Company&rdquo;) hereby announces that its Board of Directors resolved at a
meeting held on August 1, 2024 to dispose of treasury shares as <em>described below</em>.</p>
<img src="http://127.0.0.1:9/logo.png" alt="logo"/>
<div style="display:none">hidden 999 text</div>
<h2>1. Outline of the disposal</h2>
<table>
<tr><td>(1)</td><td>Disposal date</td><td>August 30, 2024</td></tr>
<tr><td>(2)</td><td>Class and number of shares to be disposed of</td><td>5,000 shares of common stock of the Company</td></tr>
<tr><td>(3)</td><td>Disposal price</td><td>&yen;2,400 per share</td></tr>
<tr><td>(4)</td><td>Total disposal amount</td><td>&yen;12,000,000</td></tr>
<tr><td>(5)</td><td>Allottees and number of shares</td><td>40 employees of the Company, 5,000 shares</td></tr>
</table>
<ul><li>The disposal is made under the plan the Board introduced on <b>March 1, 2021</b>.</li></ul>
<p><a href="javascript:alert(1)">contact</a> <a href="https://example.invalid/ir">IR site</a></p>
</body></html>
""", (("date", "2024-08-01"), ("code", "9876"), ("date", "2024-08-30"), ("shares", "5000"), ("per_share", "2400"),
      ("money", "12000000"), ("pure", "40")))

EN_MARKDOWN = TestNotice("lantern-options.md", "en", (SAMPLE_NOTICES / "lantern-systems-2023-09-04.md").read_text(
    encoding="utf-8"), (("date", "2023-09-04"), ("code", "4321"), ("pure", "500"), ("shares", "50000"),
      ("shares", "100"), ("per_share", "2980"), ("date", "2023-10-02"), ("pure", "25"), ("pure", "300"),
      ("pure", "4"), ("pure", "200")))

JA_DOCX = TestNotice("aoba-options.docx", "ja", facts=(
    ("date", "2024-11-15"), ("code", "5678"), ("pure", "120"), ("pure", "800"), ("shares", "80000"),
    ("shares", "100"), ("date", "2026-12-01"), ("date", "2034-11-30"), ("per_share", "2345")))

GARBLED = TestNotice("garbled.txt", "ja", """2 0 2 5 年 6 月 2 0 日
会 社 名 株 式 会 社 テ ス ト 工 業
譲渡制限付株式報酬としての自己株式の処分に関するお知らせ
当社は、本日開催の取締役会において、自己株式の処分を決議いたしましたので、お知らせいたします。
１．処分の概要
（１）処分期日 2025年7月15日
（２）処分する株式の種類及び数 普通株式 8,000株
（３）処分価額 1株につき 1,100円
（４）処分総額 88,,880000,,000000円円
（５）処分予定先 当社の取締役 ３名 8,000株
""", (("date", "2025-07-15"), ("shares", "8000"), ("per_share", "1100"), ("pure", "3")), garbled=True)

EN_TRANCHES = TestNotice("meridian-rsu.txt", "en", """Notice Regarding Issuance of New Shares as Restricted Stock Units

May 20, 2024

Company name: Meridian Foods Corporation
Stock code: 2468 (TSE Prime)

Meridian Foods Corporation hereby announces that its Board of Directors resolved on May 20, 2024 to issue new shares
under its restricted stock unit plan, as follows.

1. Details of the issuance
(1) Payment date
1st RSU June 14, 2024
2nd RSU June 13, 2025
(2) Number of shares to be issued
30,000 shares of common stock
(Breakdown)
1st RSU 12,000 shares
2nd RSU 18,000 shares
(3) Allottees
1st RSU
12,000 shares will be allotted among 3 Directors of the Company
2nd RSU
18,000 shares will be allotted among 45 employees of the Company
""", (("date", "2024-05-20"), ("code", "2468"), ("date", "2024-06-14"), ("date", "2025-06-13"), ("shares", "30000"),
      ("shares", "12000"), ("shares", "18000"), ("pure", "3"), ("pure", "45")))

JA_DILUTION = TestNotice("hikari-dilution.txt", "ja", """2024年7月19日
各位
会社名 株式会社ひかり製作所
(コード番号 5555 東証プライム)

譲渡制限付株式報酬としての自己株式の処分に関するお知らせ

当社は、本日開催の取締役会において、下記のとおり自己株式の処分を行うことについて決議いたしましたので、お知らせいたします。
記
1.処分の概要
(1) 処分期日 2024年8月16日
(2) 処分する株式の種類及び数 当社普通株式 10,000株
(3) 処分価額 1株につき 3,000円
(4) 処分総額 30,000,000円
(5) 処分予定先 当社の取締役 5名 10,000株
2.処分の目的及び理由
当社は、2023年5月12日開催の取締役会において、譲渡制限付株式報酬制度を導入することを決議し、2023年6月23日開催の第50回定時株主総会において、本制度に基づき、年額100百万円以内の金銭報酬債権を支給すること及び年50,000株以内の当社普通株式を発行又は処分することにつき、ご承認をいただいております。
3.払込金額の算定根拠及びその具体的内容
処分価額は、2024年7月18日の東京証券取引所プライム市場における当社普通株式の終値である3,000円としております。
4.希薄化の規模
本自己株式処分に係る議決権の数は100個であり、2024年3月31日現在の総議決権数123,456個に対する割合は0.08%です。なお、当社の単元株式数は100株です。
""", (
    ("date", "2024-07-19"), ("code", "5555"), ("date", "2024-08-16"), ("shares", "10000"), ("per_share", "3000"),
    ("money", "30000000"), ("pure", "5"), ("date", "2023-05-12"), ("date", "2023-06-23"), ("money", "100000000"),
    ("shares", "50000"), ("date", "2024-07-18"), ("pure", "100"), ("pure", "123456")))

EN_TABLES = TestNotice("willow-options.html", "en", """<html><body><p>October 1, 2024</p><p>Company name: Willow Data Inc. (Securities code: 3999, TSE Growth)</p>
<h1>Notice Regarding Issuance of Stock Acquisition Rights as Stock Options</h1>
<p>Willow Data Inc. hereby announces that its Board of Directors resolved on October 1, 2024 to issue stock acquisition rights as follows.</p>
<h2>1. Recipients</h2>
<table><tr><th>Category</th><th>Number of persons</th><th>Number of rights</th></tr>
<tr><td>Directors of the Company</td><td>3</td><td>300</td></tr>
<tr><td>Employees of the Company</td><td>40</td><td>700</td></tr></table>
<h2>2. Terms</h2>
<table><tr><th>Item</th><th>Details</th></tr>
<tr><td>Total number of rights</td><td>1,000</td></tr>
<tr><td>Issue price (yen)</td><td>No payment</td></tr>
<tr><td>Exercise price</td><td>1,850 yen per share</td></tr></table>
</body></html>
""", (
    ("date", "2024-10-01"), ("code", "3999"), ("pure", "3"), ("pure", "300"), ("pure", "40"), ("pure", "700"),
    ("pure", "1000"), ("per_share", "1850")))

DOCX_PARAGRAPHS: tuple[tuple[str, str], ...] = (
    ("p", "2024年11月15日"),
    ("p", "会社名　株式会社あおば電機"),
    ("p", "代表者名　代表取締役社長　鈴木 花子"),
    ("p", "（コード番号：5678　東証プライム）"),
    ("h1", "ストック・オプション（新株予約権）の発行に関するお知らせ"),
    ("p", "当社は、2024年11月15日開催の取締役会において、会社法第236条、第238条及び第240条の規定に基づき、"
          "当社従業員に対して新株予約権を発行することを決議いたしましたので、お知らせいたします。"),
    ("b", "１．新株予約権の割当ての対象者及びその人数並びに割り当てる新株予約権の数"),
    ("table", "当社従業員|120名|800個"),
    ("b", "２．新株予約権の目的である株式の種類及び数"),
    ("p", "当社普通株式 80,000株（新株予約権1個につき100株）"),
    ("b", "３．新株予約権の総数"),
    ("p", "800個"),
    ("b", "４．新株予約権の行使期間"),
    ("p", "2026年12月1日から2034年11月30日まで"),
    ("b", "５．新株予約権の行使に際して出資される財産の価額"),
    ("p", "1株当たり 2,345円"),
)


def build_docx(path: Path) -> None:
    import docx  # python-docx writes the Word file; our reader reads it back

    document = docx.Document()
    for kind, text in DOCX_PARAGRAPHS:
        if kind == "h1":
            document.add_heading(text, level=1)
        elif kind == "b":
            document.add_paragraph().add_run(text).bold = True
        elif kind == "table":
            cells = text.split("|")
            table = document.add_table(rows=1, cols=len(cells))
            for cell, value in zip(table.rows[0].cells, cells, strict=True):
                cell.text = value
        else:
            document.add_paragraph(text)
    document.save(str(path))


def docx_text() -> str:
    return "".join(text.replace("|", "") for _, text in DOCX_PARAGRAPHS)


ALL = (SEED_LIKE, JA_RESTRICTED, EN_HTML, EN_MARKDOWN, JA_DOCX, GARBLED, EN_TRANCHES, JA_DILUTION, EN_TABLES)
