"""The laws that concepts rest on, as taxonomy references (reference linkbase) and in docs."""

from __future__ import annotations

from dataclasses import dataclass

from exporter.domain.text import Labels

COMPANIES_ACT = Labels("Companies Act (Act No. 86 of 2005)", "会社法（平成17年法律第86号）")

# Articles of the Companies Act that equity-issuance notices cite, with what each is about.
ARTICLES: dict[str, Labels] = {
    "199": Labels("Determination of the subscription requirements for shares", "募集事項の決定"),
    "201": Labels("Special provisions for public companies on subscription requirements",
                  "公開会社における募集事項の決定の特則"),
    "202-2": Labels("Remuneration of directors paid in shares", "取締役の報酬等に係る募集事項の決定の特則"),
    "208": Labels("Performance of contribution", "出資の履行"),
    "236": Labels("Content of share options", "新株予約権の内容"),
    "238": Labels("Determination of the subscription requirements for share options", "募集事項の決定"),
    "239": Labels("Delegation of the determination of subscription requirements", "募集事項の決定の委任"),
    "240": Labels("Special provisions for public companies on share options",
                  "公開会社における募集事項の決定の特則"),
    "246": Labels("Payment of the amount to be paid in for share options", "新株予約権に係る払込み"),
    "361": Labels("Remuneration of directors", "取締役の報酬等"),
    "370": Labels("Omission of resolutions of the board of directors", "取締役会の決議の省略"),
    "445": Labels("Amount of stated capital and capital reserves", "資本金の額及び準備金の額"),
}


@dataclass(frozen=True)
class LegalRef:
    """A place in the Companies Act: article, and optionally paragraph and item."""

    article: str
    paragraph: str = ""
    item: str = ""

    def __post_init__(self) -> None:
        if self.article not in ARTICLES:
            raise ValueError(f"Companies Act article {self.article} is not declared in ARTICLES")

    @property
    def topic(self) -> Labels:
        return ARTICLES[self.article]

    def cite(self, lang: str) -> str:
        """Article 238(1)(iii) / 第238条第1項第3号."""
        if lang == "ja":
            article = self.article.replace("-", "条の")
            text = f"会社法第{article}条" if "条の" not in article else f"会社法第{article}"
            text += f"第{self.paragraph}項" if self.paragraph else ""
            return text + (f"第{self.item}号" if self.item else "")
        text = f"Companies Act Article {self.article}"
        text += f"({self.paragraph})" if self.paragraph else ""
        return text + (f"({self.item})" if self.item else "")
