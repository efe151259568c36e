"""Extraction and tagging benchmark: recall and precision on the real notices, and speed.

Recall and precision: each notice of ``../shared/notices`` (read there, never copied) is tagged
with no data, as ``disclosure-exporter tag`` does; every figure and date its ``.json`` lists
(persons, rights, shares, amounts, dates) counts as found when a fact has the same value and the
right kind of unit (rights and persons: pure; shares; JPY; JPY per share; dates). Precision is the
share of our numeric and date facts whose value and unit the ``.json`` lists; "unprinted" counts
facts whose value the notice does not print at all (the wrong values the judge forbids).

Speed: a generated notice of 5, 50 and 500 pages (our own wording: a header, the outline items and,
per page, a paragraph of conditions with figures and dates and a repeated allotment table), tagged
in-process (read, extract, tag, validate, review page), median of ``--repeat`` runs.

    .venv/bin/python benchmarks/extract.py [--notices ../shared/notices] [--repeat 3] [--pages 5 50 500]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from exporter.domain.values import ValueType  # noqa: E402
from exporter.tag import render_tagged  # noqa: E402

_JSON_KINDS = {"persons": "pure", "rights": "pure", "shares": "shares", "JPY": "money", "JPY/share": "per_share",
               "JPY/right": "money", "shares/right": "shares", "date": "date"}
_FACT_KINDS = {ValueType.COUNT: "pure", ValueType.SHARES: "shares", ValueType.MONEY: "money",
               ValueType.PER_SHARE: "per_share", ValueType.DATE: "date"}


def _key(kind: str, value: object) -> tuple[str, str]:
    if kind == "date":
        return kind, str(value)
    return kind, format(Decimal(str(value)).normalize(), "f")


def measure_notice(text_path: Path) -> dict:
    expected = json.loads(text_path.with_suffix(".json").read_text(encoding="utf-8"))
    wanted = [(_key(_JSON_KINDS[f["unit"]], f["value"]), f["name"]) for f in expected["facts"]
              if f["unit"] in _JSON_KINDS]
    tagged = render_tagged(text_path)
    ours: list[tuple[str, str]] = []
    for fact in tagged.factset.facts:
        kind = _FACT_KINDS.get(fact.concept.type)
        if kind is None or fact.value is None:
            continue
        ours.append(_key(kind, fact.value.isoformat() if isinstance(fact.value, date) else fact.value))
    printed = _printed_values(text_path)
    wanted_keys = {key for key, _ in wanted}
    found = [name for key, name in wanted if key in set(ours)]
    missed = [name for key, name in wanted if key not in set(ours)]
    distinct = set(ours)
    return {"notice": text_path.stem, "expected": len(wanted), "found": len(found), "missed": missed,
            "facts": len(distinct), "listed": len(distinct & wanted_keys),
            "unprinted": sorted(f"{k}:{v}" for k, v in distinct if (k, v) not in printed and
                                (k if k != "per_share" else "money", v) not in printed),
            "shown": tagged.shown, "hidden": tagged.hidden, "untagged": tagged.untagged}


def _printed_values(text_path: Path) -> set[tuple[str, str]]:
    """Every (kind, value) the notice prints, read by our token scanner: what 'printed' means here."""
    from exporter.sources.notices.lines import NoticeText
    from exporter.sources.notices.read import read_notice
    from exporter.sources.notices.texts import shares_per_right_written_in_words
    from exporter.sources.notices.tokens import scan

    text = NoticeText.of(read_notice(text_path).body)
    values: set[tuple[str, str]] = set()
    for line in text.lines:
        for token in scan(line)[0]:
            if token.kind == "date":
                values.add(("date", token.value.isoformat()))  # type: ignore[union-attr]
            else:
                for kind in ("pure", "shares", "money"):
                    values.add((kind, format(token.number.normalize(), "f")))
        for shares, _ in shares_per_right_written_in_words(line.folded):  # "One hundred shares ... for each ..."
            values.add(("shares", str(shares)))
    return values


# --- generated notices ---------------------------------------------------------------------------------

_HEAD = """2026年3月2日
各位
会社名 株式会社サンプル精機
代表者名 代表取締役社長 山田 太郎
(コード番号 9999 東証プライム)

取締役への譲渡制限付株式の付与（自己株式の処分）について

本日開催の取締役会において、取締役に譲渡制限付株式として自己株式を割り当てることを決議しました。内容は次のとおりです。
記
1.処分の概要
(1) 処分期日 2026年3月27日
(2) 処分株式数 当社普通株式 12,300株
(3) 処分価額 1株につき 2,150円
(4) 処分総額 26,445,000円
(5) 処分予定先 当社の取締役 4名 12,300株
"""
_PAGE = """
{n}.補足事項(その{n})
当社は、2025年6月20日開催の第{n}期定時株主総会において承認された報酬枠の範囲内で、本制度に基づく報酬を支給します。
譲渡制限期間は2026年3月27日から2029年3月26日までとし、対象者が当社の取締役を退任した場合は、当社が無償で取得します。
この処分に係る株式数 12,300株は、発行済株式総数 45,678,900株の0.03%に相当します。
処分価額 2,150円は、2026年2月27日の東京証券取引所における当社普通株式の終値です。
なお、本処分に伴う資本金の増加はありません。上記の数値は {n} 頁目の参考表示です。
区分	人数	株式数
当社の取締役	4名	12,300株
"""


def generated_notice(pages: int) -> str:
    return _HEAD + "".join(_PAGE.format(n=n + 2) for n in range(pages))


def measure_speed(pages: int, repeat: int) -> tuple[float, int, int]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"generated-{pages}.txt"
        path.write_text(generated_notice(pages), encoding="utf-8")
        render_tagged(path)  # warm-up: imports and the validator's schemas, paid once per process
        times = []
        shown = 0
        for _ in range(repeat):
            start = time.perf_counter()
            tagged = render_tagged(path)
            times.append(time.perf_counter() - start)
            shown = tagged.spots
        return statistics.median(times), len(path.read_bytes()), shown


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notices", type=Path, default=REPO.parent / "shared" / "notices")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pages", type=int, nargs="*", default=[5, 50, 500])
    arguments = parser.parse_args()
    if arguments.notices.is_dir():
        print("| notice | figures and dates listed | found | recall | our facts | listed | precision | unprinted |")
        print("|---|---|---|---|---|---|---|---|")
        total_expected = total_found = total_facts = total_listed = 0
        for path in sorted(arguments.notices.glob("*.txt")):
            result = measure_notice(path)
            total_expected += result["expected"]
            total_found += result["found"]
            total_facts += result["facts"]
            total_listed += result["listed"]
            recall = result["found"] / result["expected"] if result["expected"] else 1
            precision = result["listed"] / result["facts"] if result["facts"] else 1
            print(f"| {result['notice']} | {result['expected']} | {result['found']} | {recall:.0%} | "
                  f"{result['facts']} | {result['listed']} | {precision:.0%} | {len(result['unprinted'])} |")
            for name in result["missed"]:
                print(f"|   missed: {name} | | | | | | | |", file=sys.stderr)
            for value in result["unprinted"]:
                print(f"|   unprinted: {value} | | | | | | | |", file=sys.stderr)
        print(f"| **all** | {total_expected} | {total_found} | {total_found / total_expected:.1%} | {total_facts} | "
              f"{total_listed} | {total_listed / max(total_facts, 1):.1%} | |")
    else:
        print(f"{arguments.notices}: not found; recall and precision skipped", file=sys.stderr)
    if arguments.pages:
        print()
        print("| pages | bytes | spots tagged | seconds (median) | seconds per page |")
        print("|---|---|---|---|---|")
        for pages in arguments.pages:
            seconds, size, shown = measure_speed(pages, arguments.repeat)
            print(f"| {pages} | {size:,} | {shown:,} | {seconds:.2f} | {seconds / pages:.4f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
