"""`NumberGrammar`: how one language writes figures, as data the quantity finder reads.

Every field is what one language brings to a rule of the finder: its words,
its patterns, or a switch for a rule only some languages need. Each language
module (`claims.text.languages.fr`, `…en`) builds one; a grammar object, not a
language code, travels through `claims.text.quantities`, which compiles what
it needs from it once (`PerGrammar`). Words read in every language (units,
currencies, percent signs) stay in `claims.text.quantities.lexicon`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from claims.text.quantities.hedges import HedgeRule
from claims.text.quantities.model import QuantityKind

if TYPE_CHECKING:
    from claims.text.quantities.shares import Share

FractionReader = Callable[[str, "NumberGrammar"], list["Share"]]
"""Reads the fractions in words of a text: (text, grammar) -> shares."""

T = TypeVar("T")


@dataclass(frozen=True, eq=False)
class NumberGrammar:
    """One language's number words, units, hedges and patterns (hashed by identity)."""

    code: str
    """The code of the language it was written for ("fr"): the language text2num reads
    its number words in, and the name in messages."""
    digit_figures: str
    """A figure in digits, as a regex alternation: the decimal mark, the thousands
    separators and the scientific notation the language writes ("20.000", "20 000",
    "1,5", "1,2e6" in French; "20,000", "1.5" in English)."""
    and_word: str
    """The word that joins a whole number and its fraction ("deux et demi", "two and a
    half"), as a regex."""
    minus_word: re.Pattern[str]
    """ "moins quinze", "minus 5": a negative figure, unless a figure comes before ("huit
    moins quatre" subtracts). "moins de 15" is a hedge, read before.
    """
    year_before: re.Pattern[str]
    """Words after which a figure is a year even with a noun after it ("en 2019 les
    ventes", "in 2020 sales"): without one, "1999 people" is a count.
    """
    year_in_words: re.Pattern[str]
    """A year in words ("mil neuf cent", "nineteen eighty-four"): a date, no count."""
    hedges: dict[str, HedgeRule]
    """Hedge phrases before a figure and the rule that turns each into bounds
    (`claims.text.quantities.hedges`: "about", "near", "low", "high")."""
    elisions: tuple[tuple[str, str], ...]
    """(full, elided) endings of a hedge before a vowel: "près de" is also "près d'"."""
    period_hedges: frozenset[str]
    """Hedges that, before a duration, name a period instead of bounding it ("over two
    years, prices fell"), unless a word of `duration_bound_before` comes first."""
    duration_bound_before: tuple[str, ...]
    """Words that ask "how long" before a hedge of `period_hedges`, making it a bound
    again ("for over two years", "lasted over three years")."""
    hedge_fillers: tuple[str, ...]
    """Words that may stand between a hedge and its figure: "up to an additional 15 per
    cent" is at most 15; "jusqu'à un total de 300" at most 300.
    """
    collectives: dict[str, tuple[float, float, float]]
    """Collectives: phrase -> (value, low, high); approximate by nature."""
    plural_collectives: dict[str, float]
    """Plural collectives: phrase -> base. Value None, bounds [2 x base, 10 x base]."""
    scales: dict[str, float]
    """Scale words written after digits ("4,2 milliards", "1.5 million", "€10bn"). French
    "billion" is 10**12 (long scale); English "billion" is 10**9.
    """
    restored_accents: tuple[tuple[str, str], ...]
    """Endings text2num needs accented: French written without accents is read as if it had
    them ("vingtieme" -> "vingtième", "zero" -> "zéro").
    """
    scales_after_words: frozenset[str]
    """Scale words that text2num does not read after number words: the French long scale
    ("un billion" is 10**12, "un billiard" 10**15) and dozens ("trois douzaines" is 36,
    "two dozen" 24). `tails` reads them after words too.
    """
    stopwords: frozenset[str]
    """Words that are never a counted noun (function words, common verbs)."""
    months: dict[str, int]
    """Month names (and abbreviations) -> month number."""
    factor_words: dict[str, float]
    """Factors: verbs of multiplication and the factor they state."""
    factor_nouns: dict[str, float]
    """Multiples named by a noun: "le double de l'an dernier" is a factor of 2 after
    "le"/"du"/"au", when "de" or a clause end follows ("le double langage" is no
    multiple).
    """
    factor_noun_leads: tuple[str, ...]
    """Words before a factor noun of `factor_nouns` ("le double", "près du triple")."""
    factor_leads: tuple[str, ...]
    """Phrases whose following number is a factor: "multiplié par trois", "by a factor of
    2".
    """
    article_numbers: frozenset[str]
    """Number words that are articles or adjectives unless a unit or a list says otherwise."""
    period_words: dict[str, tuple[float, str]]
    """Periods named by a word: "over the next decade" is a duration of 10 years. The
    determiner list keeps titles and names out ("Decade of Action").
    """
    period_leads: str
    """The words before a period word of `period_words`, as a regex ("the next decade")."""
    leading_decimal: re.Pattern[str]
    """ ",08" / ".08": a decimal with no leading zero, after a space or a bracket."""
    number_word_stems: re.Pattern[str]
    """Number-word stems: text2num is called only when one of them occurs."""
    scales_in_words: dict[str, float]
    """Scale words that end a number in words ("deux millions", "two billion")."""
    ordinal_range_to: re.Pattern[str]
    """The word between two ordinals of a ranked span ("le 3e à 5e", "the 3rd to 5th")."""
    determiners: frozenset[str]
    """Determiners before an ordinal that opens a ranked span ("le", "the")."""
    superlative_after_noun: re.Pattern[str]
    """A superlative after the noun ("le deuxième pays le plus peuplé"); a pattern that
    never matches when the language puts it before the noun."""
    scale_of: re.Pattern[str]
    """A scale noun after a figure with its partitive ("3 millions de", "3 millions of")."""
    of_after_scale: re.Pattern[str]
    """The partitive after a scale word ("2 millions de tonnes", "millions of")."""
    times_after: re.Pattern[str]
    """The word after a figure that makes it a factor ("3 fois", "three times", "3-fold")."""
    and_a_half: re.Pattern[str]
    """The words after a whole number that add a half ("deux et demi", "two and a half")."""
    clock_leads: frozenset[str]
    """Before "14 heures", "8 h 30", "2 o'clock": a time of day, not a duration."""
    clock_hours: frozenset[str]
    """Hour words of a clock time."""
    day_joiners: tuple[str, ...]
    """Between two day numbers of one month: "entre le 3 et le 17 avril", "du 3 au 17
    avril", "les 3, 4 et 5 mai", "between 3 and 17 April", "3-17 April".
    """
    day_articles: tuple[str, ...]
    """Articles before a day number in a span of days ("entre le 3 et le 17")."""
    idioms: tuple[str, ...]
    """Idioms holding a number word that state no figure ("au premier plan", "one more
    minute")."""
    not_names: frozenset[str]
    """Capitalised words before a bare number that are no names: a sentence may start with
    them ("Selon 3 sources …" has a noun anyway; "Environ 300." not). Stopwords and
    hedge words are excluded as well, from their own tables.
    """
    not_nouns: frozenset[str]
    """Words right after a figure that are no counted noun: verbs, adverbs, time words
    ("300 attended", "12 said", "3 hier", "à 20 près").
    """
    openers: tuple[str, ...]
    """Words before the first end that open a range."""
    joiners: tuple[str, ...]
    """Words between the two ends."""
    change_links: tuple[str, ...]
    """Words between the verb and the first figure: "rose by 9 %", "a progressé de 6 %"."""
    rank_nouns: frozenset[str]
    """Nouns that hold a rank by themselves: "le deuxième exportateur", "the third largest
    economy", "au troisième rang", "finished in second place".
    """
    superlative_words: frozenset[str]
    """Superlatives after the ordinal: "le deuxième plus grand", "the second most
    populous", "third-largest" (English: any word in -est after a hyphen or a space is
    read as one, plus these).
    """
    streak_words: tuple[str, ...]
    """An ordinal that counts a streak: "la troisième année consécutive", "for the fifth
    straight year", "a second year in a row".
    """
    scopes: tuple[str, ...]
    """A scope after the noun makes a ranking of a thing that is no event: "la deuxième
    ville du pays", "the third bank in Africa", "le premier port du Royaume".
    """
    event_nouns: frozenset[str]
    """Nouns that name an event or an instance, never a rank, even with a scope after them:
    "le premier forum mondial", "the first global summit".
    """
    possessives: frozenset[str]
    """A possessive before an ordinal with no noun makes it a noun of its own, an instance
    ("mon premier arrive avant mon deuxième", "his second was a flop").
    """
    discourse_ordinals: frozenset[str]
    """Ordinals that open a sentence as a discourse marker: "First, we thank you."."""
    rate_leads: tuple[str, ...]
    """Words that open a rate before its denominator."""
    denominators: dict[str, str]
    """Denominator words -> the name the unit carries after its "/"."""
    rate_words: dict[str, str]
    """One word that is a whole rate: "500 millions de dirhams annuels", "20 deaths daily"."""
    not_a_rate_after: frozenset[str]
    """Words after the denominator that make it a time reference, not a rate: "a week ago",
    "a year earlier", "l'an dernier", "l'an passé".
    """
    share_phrases: dict[str, float]
    """Fixed phrases and the fraction they state."""
    ratio_words: tuple[str, ...]
    """ "N in M", "N out of M", "N sur M": the words between the two figures."""
    set_partitives: tuple[str, ...]
    """Words after a fraction that keep it a share even when a unit follows: a part of a
    set of things, not a fraction of one unit ("la moitié des heures travaillées" is 50
    %, "un quart d'heure" is 0.25 hour).
    """
    partitives: tuple[str, ...]
    """A partitive of any kind ("de", "d'", "of"): what turns an ordinal-looking French
    denominator into a share.
    """
    not_a_share_before: tuple[str, ...]
    """Words right before "a"/"one" that make the fraction a period or an ordinal, not a
    share: "in a quarter", "the first half", "each third".
    """
    year_determiners: frozenset[str]
    """Words before a four-digit year with a noun after it that make the figure a year:
    "the 2024 election", "Morocco's 2030 plan" (English writes a count above a thousand
    with a separator, "1,500 employees"). Empty: no such rule.
    """
    clock_hour_needs_lead: bool
    """An hour word makes a clock time only after a lead word ("à 14 heures" is a time,
    "pendant 14 heures" a duration): French.
    """
    decimal_comma: bool
    """The decimal mark is a comma ("1,5") and a dot groups thousands ("20.000"), as in
    French; otherwise a dot marks decimals and a comma groups thousands.
    """
    token_words: dict[str, str]
    """Signs that stand for a word inside a number in words ("one hundred & two")."""
    first_words: frozenset[str]
    """The ordinal one ("premier", "first"): an ordinal unless a word of
    `first_not_before` follows or a number comes right before ("les cinq cent premiers")."""
    first_not_before: frozenset[str]
    """Titles after `first_words` ("le Premier ministre")."""
    second_words: frozenset[str]
    """The ordinal two that is also a unit of time ("une seconde", "a second")."""
    second_time_before: frozenset[str]
    """Words before `second_words` that make it a unit of time ("une seconde", "per second")."""
    second_not_before: frozenset[str]
    """Words after `second_words` that make an idiom ("second thought", "second hand")."""
    pronoun_one: str | None
    """The number word that is also a pronoun ("one of the", "the one", "no one"): a number
    only away from the words below. None: no such word.
    """
    pronoun_one_not_before: frozenset[str]
    """Words after which `pronoun_one` is a pronoun."""
    pronoun_one_not_after: frozenset[str]
    """Words before which `pronoun_one` is a pronoun."""
    nine_homograph: str | None
    """The number word that is also an adjective ("neuf": nine, or new): a number only in a
    list, after the words of `nine_homograph_before`, before a month, a plural or a unit
    of `nine_homograph_units`. None: no such word.
    """
    nine_homograph_before: frozenset[str]
    """Words that make `nine_homograph` a number ("numéro neuf")."""
    nine_homograph_units: frozenset[str]
    """Units after which `nine_homograph` is a number ("neuf ans")."""
    hundred_articles: tuple[str, ...]
    """Articles read as one before a number word of a hundred or more ("a hundred"), and
    before a unit ("a gallon").
    """
    roman_ordinal_suffix: str | None
    """Suffixes of ordinals written in Roman numerals ("XXe siècle"), as a regex; None: not
    read.
    """
    roman_one_letter_before: frozenset[str]
    """A one-letter Roman ordinal ("Ve", "Xe") is read only before these nouns, never "Le",
    "Ce", "De", "Me" (words) nor "François Ier" (a name).
    """
    superlative_suffix: str | None
    """The ending of a superlative adjective after an ordinal ("the third-longest"); None:
    superlatives are words of `superlative_words` only.
    """
    not_superlatives: frozenset[str]
    """Words with `superlative_suffix` that are no superlatives ("test", "west")."""
    one_unit_words: dict[str, tuple[QuantityKind, str]]
    """Unit nouns that "a"/"an" turns into one unit ("a gallon of beer" -> 1 gal, "a penny"
    -> 1 GBX; "a cent" is `ONE_SUBUNIT_WORDS`). Only nouns with no idiomatic use: not "a
    ton of", "a degree", "a foot", "a mile", "a second".
    """
    one_subunit_words: dict[str, tuple[str, float]]
    """Subunits that "a"/"an" turns into a hundredth of their currency, as "30 cents" is
    0.30 USD: "a cent" -> 0.01 USD.
    """
    half_scale: re.Pattern[str] | None
    """ "half a million": half of a scale word (group 1, a key of `scales`); None: not
    read.
    """
    half_not_before: tuple[str, ...]
    """ "half" before these is no share: "half a dozen" is a collective, "half past" a
    clock time, "half an hour" a duration, "half as many" a factor.
    """
    ratio_span_before_plural: bool
    """ "N sur M" before a plural noun is a span, not a share ("une étude sur 500
    patients").
    """
    ordinal_suffix: re.Pattern[str]
    """An ordinal suffix glued to digits ("3e", "1er"; "3rd")."""
    noun_ends_phrase: bool
    """The counted noun ends its noun phrase ("12 new wind farms": "farms"), as in English;
    otherwise it comes first ("3.000 jeunes formés": "jeunes").
    """
    clitics: tuple[str, ...]
    """Elided pronouns and articles that start no counted noun ("s'", "qu'")."""
    verb_endings: tuple[str, ...]
    """Endings of a lower-case word after a figure that make it a verb ("12 viennent")."""
    months_any_case: bool
    """Month names are read in any case ("Mars 2020", "mars 2020"); otherwise as written in
    `months` ("May", not the verb "may").
    """
    plural_endings: tuple[str, ...]
    """Endings of a plural noun."""
    not_plural_endings: tuple[str, ...]
    """English endings of plural-looking words that are no plurals."""
    irregular_plurals: frozenset[str]
    """English plurals that do not end in -s: a count of more than one takes them."""
    plural_min_length: int
    """Shorter words are never read as plurals ("as", "is")."""
    fraction_numerators: dict[str, int]
    """Numerator words of a fraction in words ("un", "le", "trois"; "a", "two")."""
    fraction_denominators: dict[str, int]
    """Denominator words, singular ("tiers", "cinquième"; "third", "fifth")."""
    fraction_share_leads: frozenset[str]
    """Words before a fraction with no partitive after it that make it a share ("soit un
    cinquième.", "rose by a third").
    """
    fraction_plain_denominators: frozenset[str]
    """Denominators that are never ordinals ("tiers", "quart"): a share wherever they
    follow a numerator. The others ("cinquième") make a share only before a partitive or
    after a lead.
    """
    fraction_invariable: frozenset[str]
    """Denominators alike in singular and plural ("tiers")."""
    read_fractions: FractionReader
    """The reader of fractions in words ("un cinquième", "two-thirds") with its own words:
    `claims.text.quantities.shares.french_fractions` or `english_fractions`.
    """


class PerGrammar(dict["NumberGrammar", T]):
    """A value built once per grammar from its data (a compiled pattern, a folded
    table), looked up like a table: `_PARTITIVE[grammar]`. A dict keyed by the
    grammar itself (hashed by identity), so a lookup after the first costs what a
    dict lookup costs: the finder makes thousands per page."""

    def __init__(self, build: Callable[[NumberGrammar], T]) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, grammar: NumberGrammar) -> T:
        value = self[grammar] = self._build(grammar)
        return value
