"""Bilingual labels, and the one test for Japanese script used across the product."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

LANGUAGES = ("en", "ja")


@dataclass(frozen=True)
class Labels:
    """One wording in English and in Japanese."""

    en: str
    ja: str

    def __getitem__(self, lang: str) -> str:
        if lang == "en":
            return self.en
        if lang == "ja":
            return self.ja
        raise KeyError(lang)

    def map(self, en: str = "{}", ja: str = "{}") -> Labels:
        """Both wordings put into templates: ``Labels("Rights", "新株予約権").map("{}, upper limit", "{}（上限）")``."""
        return Labels(en.format(self.en), ja.format(self.ja))


def has_japanese(text: str) -> bool:
    """True if ``text`` contains kana or kanji (the one test every stage uses).

    Width is folded first (NFKC), so full-width Latin such as ＩＩＪ is not Japanese and half-width
    katakana is.
    """
    return any("\u3040" <= ch <= "\u30ff" or "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"
               for ch in unicodedata.normalize("NFKC", text))
