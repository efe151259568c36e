"""Every concept of the ``eqi`` taxonomy, declared once: name, value type, labels, references.

The models attach these constants to their fields; the taxonomy generator writes the schema and the
label, reference, presentation and definition linkbases from them; the fact builder reads a field's
concept to tag it; spreadsheet headers and notice headings are their labels. ``SECTIONS`` orders
them as a notice does (and as the presentation linkbase and the docs show them).

A concept whose values may be stated as an upper limit ("not exceeding", 上限) has ``upper_limit``
set; its limit is reported under a sibling concept named ``<name>UpperLimit`` (``upper_limit_of``).
Values "to be determined" are reported as nil facts of the concept itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from exporter.domain.legal import LegalRef
from exporter.domain.text import Labels
from exporter.domain.values import ValueType


class Scope(Enum):
    """What a concept's facts are about, and so which dimensions they may carry."""

    FILING = "filing"  # the notice as a whole (tranche axis: defaults to all tranches)
    ISSUANCE = "issuance"  # one issuance (tranche), or all of them together
    ALLOTMENT = "allotment"  # one recipient category of an issuance
    LISTING = "listing"  # one stock exchange listing
    SECTION = "section"  # one further section of the notice, keyed by its heading


@dataclass(frozen=True)
class Concept:
    name: str
    type: ValueType
    label: Labels
    scope: Scope = Scope.ISSUANCE
    terse: Labels | None = None
    verbose: Labels | None = None
    references: tuple[LegalRef, ...] = ()
    upper_limit: bool = False
    vocabulary: str | None = None  # TOKEN concepts: the item type name in kinds.VOCABULARIES
    balance: str | None = None
    noun: str | None = None  # counts: what is counted (rights, persons, voting_rights; shares are shares)
    headers: tuple[str, ...] = field(default=(), compare=False)  # more column headings registers use

    def heading(self, lang: str) -> str:
        """The short label a notice or register uses as the heading of this value."""
        return (self.terse or self.label)[lang]


def upper_limit_of(concept: Concept) -> Concept:
    """The sibling concept that reports ``concept``'s value when it is stated as an upper limit."""
    if not concept.upper_limit:
        raise ValueError(f"{concept.name} is not declared as a value that may be an upper limit")
    return Concept(concept.name + "UpperLimit", concept.type, concept.label.map("{}, upper limit", "{}（上限）"),
                   concept.scope, (concept.terse or concept.label).map("{}, upper limit", "{}（上限）"),
                   None, concept.references, noun=concept.noun)


def base_of(concept: Concept) -> Concept:
    """The concept an ``…UpperLimit`` sibling reports a limit of (the concept itself otherwise)."""
    return BY_NAME.get(concept.name.removesuffix("UpperLimit"), concept) if concept.name.endswith("UpperLimit") \
        else concept


L = Labels
R = LegalRef

# --- Document and issuer ---------------------------------------------------------------------
DOCUMENT_TITLE = Concept("DocumentTitle", ValueType.TEXT, L("Document title", "表題"), Scope.FILING,
                         headers=("Title", "Notice title", "タイトル", "件名", "開示表題"))
ANNOUNCEMENT_DATE = Concept("AnnouncementDate", ValueType.DATE, L("Announcement date", "公表日"), Scope.FILING,
                            headers=("Notice date", "Date of announcement", "開示日", "発表日", "Disclosure date", "適時開示日"))
NOTICE_TYPE = Concept("NoticeType", ValueType.TOKEN, L("Type of notice", "お知らせの種類"), Scope.FILING,
                      vocabulary="noticeTypeItemType",
                      headers=("Notice type", "開示の種類", "お知らせ種別"))
EARLIER_NOTICE_DATE = Concept("EarlierNoticeDate", ValueType.DATE, L("Date of the earlier notice", "前回のお知らせの公表日"),
                              Scope.FILING,
                              headers=("Earlier notice date", "前回開示日", "当初開示日"))
EARLIER_NOTICE_TITLE = Concept("EarlierNoticeTitle", ValueType.TEXT,
                               L("Title of the earlier notice", "前回のお知らせの表題"), Scope.FILING,
                               headers=("Earlier notice title", "前回開示表題", "当初開示表題"))
ISSUER_NAME = Concept("IssuerName", ValueType.TEXT, L("Issuer name", "会社名"), Scope.FILING,
                      verbose=L("Name of the issuing company", "発行会社の名称"),
                      headers=("Company", "Company name", "Issuer", "会社", "発行会社", "企業名", "Name of company", "発行者",
                               "商号", "社名"))
SECURITIES_CODE = Concept("SecuritiesCode", ValueType.CODE, L("Securities code", "証券コード"), Scope.FILING,
                          verbose=L("Securities code assigned by the Securities Identification Code Committee (Japan)",
                                    "証券コード協議会が定める証券コード"),
                          headers=("Stock code", "Code", "Ticker code", "コード", "銘柄コード", "コード番号", "Local code"))
LEI = Concept("LegalEntityIdentifier", ValueType.CODE, L("Legal entity identifier (LEI)", "取引主体識別子（LEI）"),
              Scope.FILING, headers=("LEI", "Legal entity identifier", "LEIコード", "法人識別子"))
EDINET_CODE = Concept("EdinetCode", ValueType.CODE, L("EDINET code", "EDINETコード"), Scope.FILING)
MARKET = Concept("ListingMarket", ValueType.TEXT, L("Stock exchange and market segment", "上場取引所及び市場区分"),
                 Scope.FILING, terse=L("Market", "上場市場"),
                 headers=("Market segment", "Listing", "Exchange", "市場区分", "上場取引所", "Listings", "Stock exchange",
                          "Exchanges", "Listed on", "取引所"))
REPRESENTATIVE = Concept("Representative", ValueType.TEXT, L("Representative (title and name)", "代表者（役職及び氏名）"),
                         Scope.FILING, terse=L("Representative", "代表者名"), headers=("代表者",))
CONTACT = Concept("ContactPerson", ValueType.TEXT, L("Contact (title and name)", "問合せ先（役職及び氏名）"), Scope.FILING,
                  terse=L("Contact", "問合せ先"), headers=("Inquiries", "お問合せ先", "問い合わせ先"))
TELEPHONE = Concept("ContactTelephone", ValueType.CODE, L("Contact telephone number", "問合せ先電話番号"), Scope.FILING,
                    terse=L("Telephone", "TEL"), headers=("Phone", "電話番号"))
ADDRESS = Concept("IssuerAddress", ValueType.TEXT, L("Address of the head office", "本店所在地"), Scope.FILING,
                  terse=L("Address", "住所"), headers=("所在地",))
TRADING_SYMBOL = Concept("TradingSymbol", ValueType.CODE, L("Trading symbol", "銘柄コード"), Scope.LISTING,
                         verbose=L("Trading symbol on the stock exchange", "当該取引所における銘柄コード"))

ACKNOWLEDGED_RULES = Concept(
    "AcknowledgedRules", ValueType.CODE, L("Rules the notice is filed as printed against", "記載どおり提出される不一致の規則"),
    Scope.FILING, verbose=L("Rules of the taxonomy (by name, separated by spaces) that figures in this context break "
                            "because the printed notice does; checks of these rules here are set aside",
                            "記載どおりの数値が満たさない本タクソノミの規則（名称を空白で区切る）。この文脈では当該規則の検証を行わない"))
ACKNOWLEDGEMENT_REASONS = Concept(
    "AcknowledgementReasons", ValueType.TEXT, L("Why the notice is filed as printed", "記載どおり提出する理由"),
    Scope.FILING)

# --- Decision and related dates --------------------------------------------------------------
BOARD_RESOLUTION_DATE = Concept("BoardResolutionDate", ValueType.DATE, L("Date of board resolution", "取締役会決議日"),
                                Scope.FILING, terse=L("Resolution date", "決議日"), references=(R("238", "2"),),
                                headers=("Board resolution date", "Date of resolution", "取締役会決議日", "決議年月日", "発行決議日"))
DECISION_BODY = Concept("DecisionBody", ValueType.TEXT, L("Body that decided the issuance", "決定機関"), Scope.FILING,
                        verbose=L("Board of directors, a written resolution in lieu of a meeting, or the executive "
                                  "officer the board delegated to", "取締役会、書面決議（みなし決議）又は委任を受けた執行役"),
                        references=(R("370"),))
SHAREHOLDERS_MEETING_DATE = Concept("ShareholdersMeetingDate", ValueType.DATE,
                                    L("Date of the shareholders' meeting that approved the plan or issuance",
                                      "承認した株主総会の開催日"), Scope.FILING,
                                    terse=L("Shareholders' meeting", "株主総会"), references=(R("361"), R("239")))
SHAREHOLDERS_MEETING_NAME = Concept("ShareholdersMeetingName", ValueType.TEXT,
                                    L("Name of the shareholders' meeting", "株主総会の名称"), Scope.FILING)
PLAN_NAME = Concept("PlanName", ValueType.TEXT, L("Name of the compensation plan", "制度の名称"), Scope.FILING,
                    terse=L("Plan", "制度"))
PLAN_INTRODUCTION_DATE = Concept("PlanIntroductionDate", ValueType.DATE,
                                 L("Date the board resolved to introduce the plan", "制度導入の取締役会決議日"),
                                 Scope.FILING)
PLAN_ANNOUNCEMENT_DATE = Concept("PlanAnnouncementDate", ValueType.DATE,
                                 L("Date the plan was announced", "制度導入の公表日"), Scope.FILING)
REFERENCE_PRICE_DATE = Concept("ReferencePriceDate", ValueType.DATE,
                               L("Date of the share price the amount to be paid is based on",
                                 "払込金額の算定基準日"), Scope.FILING)
REFERENCE_PRICE = Concept("ReferenceSharePrice", ValueType.PER_SHARE,
                          L("Share price the amount to be paid is based on", "算定基準となる株価"), Scope.FILING)
LEGAL_BASIS = Concept("LegalBasis", ValueType.TEXT, L("Legal basis of the issuance", "発行の根拠"), Scope.FILING,
                      verbose=L("The provisions of law the notice cites", "お知らせが掲げる根拠法令"))
COMPANIES_ACT_ARTICLES = Concept("CompaniesActArticles", ValueType.CODE,
                                 L("Articles of the Companies Act cited", "根拠となる会社法の条文"), Scope.FILING,
                                 verbose=L("Article numbers separated by spaces (e.g. 236 238 240)",
                                           "条番号を空白で区切ったもの（例：236 238 240）"))
PLAN_CAP_SHARES = Concept("PlanCapNumberOfShares", ValueType.SHARES,
                          L("Maximum number of shares under the plan", "制度に基づく株式数の上限"), Scope.FILING,
                          references=(R("361"),))
PLAN_CAP_RIGHTS = Concept("PlanCapNumberOfStockAcquisitionRights", ValueType.COUNT,
                          L("Maximum number of stock acquisition rights under the plan", "制度に基づく新株予約権の数の上限"),
                          Scope.FILING, references=(R("361"),), noun="rights")
PLAN_CAP_AMOUNT = Concept("PlanCapAmount", ValueType.MONEY,
                          L("Maximum amount of remuneration under the plan", "制度に基づく報酬額の上限"), Scope.FILING,
                          references=(R("361"),))
PLAN_CAP_PERIOD = Concept("PlanCapPeriod", ValueType.TEXT, L("Period the plan's maximums apply to", "上限の対象期間"),
                          Scope.FILING, verbose=L("For example each fiscal year, or per year", "例：各事業年度、年額"))

# --- The issuance: common terms --------------------------------------------------------------
ISSUANCE_KIND = Concept("IssuanceKind", ValueType.TOKEN, L("Kind of issuance", "発行の種類"), vocabulary="issuanceKindItemType",
                        headers=("Kind", "Plan type", "Type", "種類", "種別", "新株予約権の種類", "Option type", "Plan",
                                 "ストックオプションの種類", "類型"))
SHARE_METHOD = Concept("ShareIssuanceMethod", ValueType.TOKEN,
                       L("New shares issued or treasury shares disposed of", "新株式の発行又は自己株式の処分の別"),
                       vocabulary="shareMethodItemType", terse=L("Method", "方法"),
                       headers=("Issuance method", "Method of issuance", "発行方法", "発行又は処分の別"))
TRANCHE_LABEL = Concept("TrancheLabel", ValueType.TEXT, L("Name of the grant or tranche", "付与の名称"),
                        verbose=L("How the notice names this issuance among several (e.g. PSU granted in FY2020)",
                                  "複数の発行のうち本件を示す名称（例：2020年度付与PSU）"))
SERIES_NAME = Concept("SeriesName", ValueType.TEXT, L("Name of the stock acquisition rights", "新株予約権の名称"),
                      terse=L("Name", "名称"), headers=("Series", "Series name", "回号", "Name of the rights", "銘柄名"))
CLASS_OF_SHARES = Concept("ClassOfShares", ValueType.TEXT, L("Class of shares", "株式の種類"),
                          verbose=L("Class of shares issued, disposed of, or underlying the rights",
                                    "発行・処分する株式又は新株予約権の目的となる株式の種類"),
                          references=(R("199", "1", "1"), R("236", "1", "1")),
                          headers=("Share class", "Type of shares", "株式の種類", "目的となる株式の種類", "新株予約権の目的となる株式の種類", "株式種類"))
DETERMINATION_DATE = Concept("DeterminationDate", ValueType.DATE, L("Date the terms were determined", "発行内容確定日"),
                             headers=("Determination date", "確定日", "Date of determination", "Terms fixed on", "条件決定日",
                                      "発行内容決定日"))
ALLOTMENT_DATE = Concept("AllotmentDate", ValueType.DATE, L("Allotment date", "割当日"), references=(R("238", "1", "4"),),
                         headers=("Grant date", "Date of allotment", "割当日", "付与日", "割当ての日"))
PAYMENT_DATE = Concept("PaymentDate", ValueType.DATE, L("Payment date", "払込期日"), references=(R("199", "1", "4"),),
                       headers=("Due date for payment", "払込日"))
PAYMENT_PERIOD_START = Concept("PaymentPeriodStartDate", ValueType.DATE, L("Payment period, first day", "払込期間の初日"),
                               references=(R("199", "1", "4"),))
PAYMENT_PERIOD_END = Concept("PaymentPeriodEndDate", ValueType.DATE, L("Payment period, last day", "払込期間の末日"),
                             references=(R("199", "1", "4"),))
DISPOSAL_DATE = Concept("DisposalDate", ValueType.DATE, L("Disposal date", "処分期日"), headers=("Date of disposal", "処分日"))
RESTRICTION_START = Concept("TransferRestrictionPeriodStartDate", ValueType.DATE,
                            L("Transfer restriction period, first day", "譲渡制限期間の初日"))
RESTRICTION_END = Concept("TransferRestrictionPeriodEndDate", ValueType.DATE,
                          L("Transfer restriction period, last day", "譲渡制限期間の末日"))
RESTRICTION_PERIOD = Concept("TransferRestrictionPeriod", ValueType.TEXT,
                             L("Transfer restriction period as described", "譲渡制限期間（記載のとおり）"),
                             terse=L("Transfer restriction period", "譲渡制限期間"),
                             headers=("Restriction period", "譲渡制限の期間"))

# --- Stock acquisition rights ----------------------------------------------------------------
NUMBER_OF_RIGHTS = Concept("NumberOfStockAcquisitionRights", ValueType.COUNT,
                           L("Total number of stock acquisition rights", "新株予約権の総数"),
                           terse=L("Number of rights", "新株予約権の数"), references=(R("238", "1", "1"),),
                           upper_limit=True, headers=("Rights", "Number of stock acquisition rights", "Options granted",
                                                      "新株予約権数", "付与数", "個数", "Total rights",
                                                      "発行する新株予約権の総数", "新株予約権の個数"), noun="rights")
SHARES_PER_RIGHT = Concept("NumberOfSharesPerStockAcquisitionRight", ValueType.SHARES,
                           L("Number of shares per stock acquisition right", "新株予約権1個当たりの目的となる株式の数"),
                           terse=L("Shares per right", "1個当たりの株式数"), references=(R("236", "1", "1"),),
                           headers=("Shares per option", "付与株式数", "1個当たり株式数", "新株予約権1個当たりの株式数",
                                    "Shares per stock acquisition right", "Number of shares per right"))
UNDERLYING_SHARES = Concept("NumberOfSharesUnderlyingStockAcquisitionRights", ValueType.SHARES,
                            L("Total number of shares underlying the stock acquisition rights",
                              "新株予約権の目的となる株式の総数"), terse=L("Number of shares", "目的となる株式の数"),
                            references=(R("236", "1", "1"),), upper_limit=True,
                            headers=("Underlying shares", "Potential shares", "潜在株式数", "目的となる株式数", "Total shares",
                                     "Number of underlying shares", "新株予約権の目的となる株式の数"))
AMOUNT_PER_RIGHT = Concept("AmountPaidPerStockAcquisitionRight", ValueType.MONEY,
                           L("Amount to be paid in exchange for each stock acquisition right", "新株予約権1個当たりの払込金額"),
                           terse=L("Amount paid per right", "1個当たりの払込金額"), references=(R("238", "1", "3"),),
                           headers=("Issue price per right", "発行価額", "1個当たり発行価額", "Paid-in amount per right",
                                    "1個当たりの発行価額", "新株予約権の払込金額"))
AMOUNT_PER_SHARE = Concept("AmountPaidPerShare", ValueType.PER_SHARE,
                           L("Amount to be paid in exchange for stock acquisition rights, per underlying share",
                             "新株予約権の払込金額（目的となる株式1株当たり）"),
                           terse=L("Amount paid per share", "1株当たりの払込金額"), references=(R("238", "1", "3"),),
                           headers=("Issue price per share", "Paid-in amount per share", "1株当たりの発行価額"))
NO_PAYMENT = Concept("NoPaymentRequired", ValueType.BOOLEAN,
                     L("No cash payment is required in exchange for the stock acquisition rights",
                       "新株予約権と引換えに金銭の払込みを要しない"), terse=L("No payment", "無償"),
                     references=(R("238", "1", "2"),))
PAYMENT_METHOD = Concept("PaymentMethod", ValueType.TEXT, L("Method of payment", "払込方法"),
                         verbose=L("How the rights or shares are paid for (for example monetary claims contributed in "
                                   "kind)", "新株予約権又は株式の払込みの方法（金銭債権の現物出資等）"),
                         references=(R("246", "2"), R("199", "1", "3")),
                         headers=("Payment method", "払込みの方法", "払込金額の払込方法"))
EXERCISE_PRICE = Concept("ExercisePricePerShare", ValueType.PER_SHARE,
                         L("Amount of property to be contributed upon exercise, per share", "1株当たりの行使価額"),
                         terse=L("Exercise price per share", "行使価額"), references=(R("236", "1", "2"),),
                         headers=("Exercise price", "Strike price", "権利行使価額", "行使価格", "1株当たりの権利行使価額"))
INITIAL_EXERCISE_PRICE = Concept("InitialExercisePricePerShare", ValueType.PER_SHARE,
                                 L("Initial exercise price per share", "当初行使価額"), references=(R("236", "1", "2"),))
LOWER_LIMIT_EXERCISE_PRICE = Concept("LowerLimitExercisePricePerShare", ValueType.PER_SHARE,
                                     L("Lower limit of the exercise price per share (floor)", "下限行使価額"),
                                     terse=L("Floor exercise price", "下限行使価額"))
UPPER_LIMIT_EXERCISE_PRICE = Concept("UpperLimitExercisePricePerShare", ValueType.PER_SHARE,
                                     L("Upper limit of the exercise price per share (cap)", "上限行使価額"),
                                     terse=L("Cap exercise price", "上限行使価額"))
NO_UPPER_LIMIT_EXERCISE_PRICE = Concept("NoUpperLimitOnExercisePrice", ValueType.BOOLEAN,
                                        L("The exercise price has no upper limit", "上限行使価額はない"))
EXERCISE_PRICE_ADJUSTMENT = Concept("ExercisePriceAdjustment", ValueType.TEXT,
                                    L("How the exercise price is adjusted (moving strike)", "行使価額の修正"),
                                    terse=L("Exercise price adjustment", "行使価額の修正"))
SHARES_AT_FLOOR = Concept("NumberOfSharesAtLowerLimitExercisePrice", ValueType.SHARES,
                          L("Number of potential shares at the lower limit of the exercise price",
                            "下限行使価額における潜在株式数"))
EXERCISE_START = Concept("ExercisePeriodStartDate", ValueType.DATE, L("Exercise period, first day", "権利行使期間の初日"),
                         references=(R("236", "1", "4"),), headers=("Exercise period start", "行使期間開始日",
                                                                    "Exercisable from", "Exercise start date",
                                                                    "権利行使期間開始日", "行使開始日"))
EXERCISE_END = Concept("ExercisePeriodEndDate", ValueType.DATE, L("Exercise period, last day", "権利行使期間の末日"),
                       references=(R("236", "1", "4"),), headers=("Exercise period end", "行使期間満了日", "行使期間終了日",
                                                                  "Exercisable until", "Exercise end date",
                                                                  "Expiry date", "権利行使期間満了日", "行使終了日"))
EXERCISE_CONDITIONS = Concept("ExerciseConditions", ValueType.TEXT,
                              L("Conditions for the exercise of the rights", "新株予約権の行使の条件"),
                              references=(R("236", "1", "6"),), headers=("Conditions of exercise", "行使条件",
                                                                         "Exercise conditions", "行使の条件", "権利行使の条件"))
AGGREGATE_PAID = Concept("AggregateAmountPaidForStockAcquisitionRights", ValueType.MONEY,
                         L("Aggregate amount to be paid for the stock acquisition rights", "新株予約権の払込金額の総額"),
                         balance="credit", headers=("Total issue price of the rights", "Aggregate amount paid",
                                                    "払込金額の総額", "Total amount paid"))
AGGREGATE_EXERCISE = Concept("AggregateExerciseValue", ValueType.MONEY,
                             L("Aggregate amount of property to be contributed upon exercise",
                               "新株予約権の行使に際して出資される財産の価額の総額"), balance="credit",
                             headers=("Aggregate exercise value", "行使価額の総額", "Total exercise value"))
AGGREGATE_ISSUE = Concept("AggregateIssueValue", ValueType.MONEY,
                          L("Aggregate issue value, including amounts contributed upon exercise",
                            "新株予約権の発行価額の総額（行使時出資額を含む）"), balance="credit",
                          headers=("Aggregate issue value", "発行価額の総額", "Total issue value", "新株予約権の発行価額の総額", "払込総額"))

# --- Shares ----------------------------------------------------------------------------------
NUMBER_OF_SHARES = Concept("NumberOfSharesIssuedOrDisposedOf", ValueType.SHARES,
                           L("Number of shares issued or disposed of", "発行又は処分する株式の数"),
                           terse=L("Number of shares", "株式の数"), references=(R("199", "1", "1"),), upper_limit=True,
                           headers=("Shares", "Number of new shares", "Shares to be disposed of", "発行株式数",
                                    "処分株式数", "株式数", "Number of shares to be issued", "発行する株式の数", "処分する株式の数", "募集株式の数"))
PRICE_PER_SHARE = Concept("IssuePricePerShare", ValueType.PER_SHARE,
                          L("Amount to be paid per share (issue or disposal price)", "1株当たりの払込金額（発行価額・処分価額）"),
                          terse=L("Price per share", "1株当たりの払込金額"), references=(R("199", "1", "2"),),
                          headers=("Issue price", "Disposal price", "Payment amount per share", "発行価額", "処分価額",
                                   "Issue price per share", "Paid-in amount per share", "1株当たりの発行価額", "1株当たりの処分価額"))
TOTAL_ISSUE_VALUE = Concept("TotalIssueValue", ValueType.MONEY,
                            L("Total amount to be paid (issue or disposal value)", "払込金額の総額（発行価額・処分価額の総額）"),
                            terse=L("Total amount", "払込金額の総額"), balance="credit", upper_limit=True,
                            headers=("Total issue value", "Total disposal amount", "発行価額の総額", "処分価額の総額"))
CAPITAL_INCREASE = Concept("IncreaseInCapital", ValueType.MONEY, L("Increase in share capital", "増加する資本金の額"),
                           balance="credit", references=(R("445"),),
                           headers=("Capital increase", "資本金増加額"))
CAPITAL_RESERVE_INCREASE = Concept("IncreaseInCapitalReserve", ValueType.MONEY,
                                   L("Increase in capital reserve", "増加する資本準備金の額"), balance="credit",
                                   references=(R("445"),),
                                   headers=("Capital reserve increase", "資本準備金増加額"))

# --- Proceeds and dilution -------------------------------------------------------------------
GROSS_PROCEEDS = Concept("GrossProceeds", ValueType.MONEY, L("Total amount to be paid in (funds raised)", "払込金額の総額（調達資金の額）"),
                         balance="debit", upper_limit=True,
                         headers=("Funds raised", "Gross proceeds", "調達資金の額"))
ISSUE_COSTS = Concept("EstimatedIssueCosts", ValueType.MONEY, L("Estimated issue costs", "発行諸費用の概算額"),
                      balance="credit")
NET_PROCEEDS = Concept("EstimatedNetProceeds", ValueType.MONEY, L("Estimated net proceeds", "差引手取概算額"),
                       balance="debit", upper_limit=True,
                       headers=("Net proceeds", "手取概算額"))
SHARES_OUTSTANDING = Concept("NumberOfSharesIssuedBeforeIssuance", ValueType.SHARES,
                             L("Total number of shares issued before the issuance", "発行済株式総数（本件前）"))
VOTING_RIGHTS_OUTSTANDING = Concept("NumberOfVotingRightsBeforeIssuance", ValueType.COUNT,
                                    L("Total number of voting rights before the issuance", "総議決権数（本件前）"), noun="voting_rights")
VOTING_RIGHTS_ISSUED = Concept("NumberOfVotingRightsOfTheIssuance", ValueType.COUNT,
                               L("Number of voting rights of the shares issued", "本件に係る議決権の数"), noun="voting_rights")
DILUTION = Concept("DilutionRatio", ValueType.PERCENT, L("Dilution ratio (shares)", "希薄化率（株式数ベース）"),
                   headers=("Dilution", "Dilution ratio", "希薄化率"))
DILUTION_VOTING = Concept("DilutionRatioVotingRights", ValueType.PERCENT,
                          L("Dilution ratio (voting rights)", "希薄化率（議決権ベース）"))

# --- Allotment by recipient category ---------------------------------------------------------
RECIPIENT_DESCRIPTION = Concept("RecipientCategoryDescription", ValueType.TEXT,
                                L("Recipient category as described in the notice", "付与対象者の区分（記載のとおり）"),
                                Scope.ALLOTMENT, terse=L("Recipients", "付与対象者"), references=(R("238", "1", "1"),),
                                headers=("Category", "区分", "Recipient category", "Recipient", "Grantees", "付与対象者の区分",
                                         "割当対象者", "対象者"))
ALLOTTEE_NAME = Concept("AllotteeName", ValueType.TEXT, L("Name of the allottee", "割当予定先の名称"), Scope.ALLOTMENT,
                        terse=L("Allottee", "割当予定先"),
                        headers=("Allottees", "Name of allottee", "割当先"))
NUMBER_OF_RECIPIENTS = Concept("NumberOfRecipients", ValueType.COUNT, L("Number of persons allotted", "付与対象者の人数"),
                               Scope.ALLOTMENT, terse=L("Persons", "人数"), noun="persons",
                               headers=("Number of persons", "Number of recipients", "付与人数", "対象人数"))
RIGHTS_ALLOTTED = Concept("NumberOfStockAcquisitionRightsAllotted", ValueType.COUNT,
                          L("Number of stock acquisition rights allotted", "割り当てる新株予約権の数"), Scope.ALLOTMENT,
                          terse=L("Rights", "新株予約権の数"), upper_limit=True, noun="rights",
                          headers=("Number of rights", "Rights allotted", "割当個数", "付与個数", "個数"))
SHARES_ALLOTTED = Concept("NumberOfSharesAllotted", ValueType.SHARES, L("Number of shares allotted", "割り当てる株式の数"),
                          Scope.ALLOTMENT, terse=L("Shares", "株式の数"), upper_limit=True,
                          headers=("Shares allotted", "割当株式数", "付与株式数"))

# --- Sections of text ------------------------------------------------------------------------
PURPOSE = Concept("PurposeAndReasons", ValueType.TEXT_BLOCK, L("Purpose of and reasons for the issuance", "発行の目的及び理由"),
                  Scope.FILING, terse=L("Purpose and reasons", "目的及び理由"))
CONDITIONS = Concept("ConditionsOfIssuance", ValueType.TEXT_BLOCK, L("Conditions of the issuance", "発行の条件"),
                     Scope.FILING, terse=L("Conditions", "条件"))
USE_OF_PROCEEDS = Concept("UseOfProceeds", ValueType.TEXT_BLOCK, L("Use of proceeds", "調達する資金の具体的な使途"),
                          Scope.FILING)
AMENDMENT = Concept("AmendmentDetails", ValueType.TEXT_BLOCK, L("Details of the amendment", "訂正の内容"), Scope.FILING)
OTHER_MATTERS = Concept("OtherMatters", ValueType.TEXT_BLOCK, L("Other matters", "その他"), Scope.FILING)
SECTION_TEXT = Concept("FurtherSection", ValueType.TEXT_BLOCK, L("Further section of the notice", "その他の記載事項"),
                       Scope.SECTION)


@dataclass(frozen=True)
class Section:
    """A group of concepts in the order notices give them (an abstract in the presentation linkbase)."""

    name: str
    label: Labels
    concepts: tuple[Concept, ...]


SECTIONS: tuple[Section, ...] = (
    Section("DocumentAndEntityInformationAbstract", L("Document and entity information", "提出書類及び会社の情報"),
            (DOCUMENT_TITLE, ANNOUNCEMENT_DATE, NOTICE_TYPE, EARLIER_NOTICE_DATE, EARLIER_NOTICE_TITLE, ISSUER_NAME,
             SECURITIES_CODE, LEI, EDINET_CODE, MARKET, REPRESENTATIVE, CONTACT, TELEPHONE, ADDRESS,
             ACKNOWLEDGED_RULES, ACKNOWLEDGEMENT_REASONS)),
    Section("DecisionAbstract", L("Decision and related dates", "決定及び関連する日付"),
            (BOARD_RESOLUTION_DATE, DECISION_BODY, SHAREHOLDERS_MEETING_DATE, SHAREHOLDERS_MEETING_NAME, PLAN_NAME,
             PLAN_INTRODUCTION_DATE, PLAN_ANNOUNCEMENT_DATE, REFERENCE_PRICE_DATE, REFERENCE_PRICE, LEGAL_BASIS,
             COMPANIES_ACT_ARTICLES, PLAN_CAP_SHARES, PLAN_CAP_RIGHTS, PLAN_CAP_AMOUNT, PLAN_CAP_PERIOD)),
    Section("IssuanceAbstract", L("Terms of the issuance", "発行の概要"),
            (ISSUANCE_KIND, SHARE_METHOD, TRANCHE_LABEL, SERIES_NAME, CLASS_OF_SHARES, DETERMINATION_DATE, ALLOTMENT_DATE,
             PAYMENT_DATE, PAYMENT_PERIOD_START, PAYMENT_PERIOD_END, DISPOSAL_DATE, RESTRICTION_START, RESTRICTION_END,
             RESTRICTION_PERIOD)),
    Section("StockAcquisitionRightsAbstract", L("Terms of the stock acquisition rights", "新株予約権の発行要項"),
            (NUMBER_OF_RIGHTS, SHARES_PER_RIGHT, UNDERLYING_SHARES, AMOUNT_PER_RIGHT, AMOUNT_PER_SHARE, NO_PAYMENT,
             PAYMENT_METHOD, EXERCISE_PRICE, INITIAL_EXERCISE_PRICE, LOWER_LIMIT_EXERCISE_PRICE,
             UPPER_LIMIT_EXERCISE_PRICE, NO_UPPER_LIMIT_EXERCISE_PRICE, EXERCISE_PRICE_ADJUSTMENT, SHARES_AT_FLOOR,
             EXERCISE_START, EXERCISE_END, EXERCISE_CONDITIONS, AGGREGATE_PAID, AGGREGATE_EXERCISE, AGGREGATE_ISSUE)),
    Section("SharesAbstract", L("Shares issued or disposed of", "発行又は処分する株式"),
            (NUMBER_OF_SHARES, PRICE_PER_SHARE, TOTAL_ISSUE_VALUE, CAPITAL_INCREASE, CAPITAL_RESERVE_INCREASE)),
    Section("ProceedsAndDilutionAbstract", L("Proceeds and dilution", "調達資金及び希薄化"),
            (GROSS_PROCEEDS, ISSUE_COSTS, NET_PROCEEDS, SHARES_OUTSTANDING, VOTING_RIGHTS_OUTSTANDING,
             VOTING_RIGHTS_ISSUED, DILUTION, DILUTION_VOTING)),
    Section("AllotmentAbstract", L("Allotment by recipient category", "付与対象者の区分別の割当"),
            (RECIPIENT_DESCRIPTION, ALLOTTEE_NAME, NUMBER_OF_RECIPIENTS, RIGHTS_ALLOTTED, SHARES_ALLOTTED)),
    Section("ListingAbstract", L("Listings", "上場市場"), (TRADING_SYMBOL,)),
    Section("TextSectionsAbstract", L("Sections of the notice", "記載事項"),
            (PURPOSE, CONDITIONS, USE_OF_PROCEEDS, AMENDMENT, OTHER_MATTERS, SECTION_TEXT)),
)


def all_concepts() -> tuple[Concept, ...]:
    """Every reportable concept, upper-limit siblings included, in section order."""
    found: list[Concept] = []
    for section in SECTIONS:
        for concept in section.concepts:
            found.append(concept)
            if concept.upper_limit:
                found.append(upper_limit_of(concept))
    return tuple(found)


BY_NAME: dict[str, Concept] = {concept.name: concept for concept in all_concepts()}
