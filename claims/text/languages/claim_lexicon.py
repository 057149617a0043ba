"""The claim word lists' shape: what one language gives segmentation, attribution,
subject finding and check-worthiness scoring.

Each language's module (`claims.text.languages.fr`, `.en`) fills one `Lexicon`.
Lists are written the way the words appear in text; matching folds case and
accents where the consumer says so (see `claims.text.extraction.textfold`).
Check-worthiness cue groups (`Lexicon.cues`) are the scoring features whose
weights live in `claims.text.extraction.lexicon`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final


@dataclass(frozen=True, eq=False)
class Lexicon:
    """The word lists for one language (hashed by identity, so caches can key on it)."""

    # Abbreviations (without their final dot) after which a sentence never ends:
    # titles always precede a name, the others are almost never sentence-final.
    # Matched case-sensitively for titles, case-insensitively for the others.
    titles: frozenset[str]
    abbreviations: frozenset[str]
    # Abbreviations that may end a sentence: a break happens only when the next
    # word is one of `sentence_starters` ("... made in the U.S. The firm ...").
    ambiguous_abbreviations: frozenset[str]
    sentence_starters: frozenset[str]
    # Honorifics that precede a surname ("Mme Elmoussali", "Mr Smith").
    honorifics: frozenset[str]
    determiners: frozenset[str]
    pronouns: frozenset[str]
    # Small words allowed inside a person's name ("Charles de Gaulle").
    name_particles: frozenset[str]
    # Capitalised words that never start a person's name.
    not_names: frozenset[str]
    # Heads of roles and titles that introduce a person ("la Secrétaire d'Etat
    # chargée de ..., Jamila Elmoussali"), longest first when they overlap.
    roles: tuple[str, ...]
    # Reporting verbs: past participles after an auxiliary, forms that need none
    # (present, and French imperfect: "relevait"), reflexive forms (French "s'est
    # félicité"), attribution prepositions.
    speech_participles: tuple[str, ...]
    speech_present: tuple[str, ...]
    speech_auxiliaries: tuple[str, ...]
    speech_reflexive: tuple[str, ...]
    attribution_prepositions: tuple[str, ...]
    # Words that end a speaker's noun phrase after an inverted verb
    # ("a déclaré Mme Elmoussali à la MAP").
    speaker_stops: tuple[str, ...]
    # Nouns whose noun phrase is what a figure is about ("le nombre des ...").
    metric_nouns: tuple[str, ...]
    # Finite verbs that close a subject noun phrase.
    subject_verbs: tuple[str, ...]
    # How a metric noun's phrase opens and what complement it takes ("le nombre des
    # coopératives", "the number of cooperatives"): regular expressions on folded text.
    metric_determiner: str
    metric_complement: str
    cues: MappingProxyType[str, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    # What is not a claim (claims.text.extraction.detection): line openings by
    # class (dateline, byline, photo-credit, furniture, method), the words a
    # dateline is made of, how a numbered instruction starts (its verb's
    # endings, or the word after its verb), first-person pronouns, and a
    # pattern for the future tense (folded text) where cue words cannot list it.
    openings: MappingProxyType[str, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    date_words: frozenset[str] = frozenset()
    instruction_endings: tuple[str, ...] = ()
    instruction_exceptions: frozenset[str] = frozenset()
    instruction_objects: frozenset[str] = frozenset()
    first_person: frozenset[str] = frozenset()
    future_tense: str = ""
    # Phrases where a superlative cue word is a name, a period or an idiom, not
    # a first or a record: "Premier ministre", "premier trimestre", "last year".
    not_superlative: tuple[str, ...] = ()
    # Documents that speak for their author ("selon le rapport annuel de X"):
    # the claimant is the author named after `author_markers` (or before "'s").
    document_nouns: frozenset[str] = frozenset()
    author_markers: tuple[str, ...] = ()
    # Words (folded) that open a relative clause: "which the board says" reports
    # the relative clause only, not the figure of the main clause.
    relative_words: frozenset[str] = frozenset()
    # Folded words that tell a person's or a pronoun's gender ("Mme", "elle",
    # "directrice"); pronoun speakers go to the last person of that gender.
    feminine_cues: frozenset[str] = frozenset()
    masculine_cues: frozenset[str] = frozenset()
    # Nouns that designate a person already named ("l'élu", "la responsable
    # coréenne"), besides `roles`: with a definite determiner they point back.
    person_nouns: frozenset[str] = frozenset()
    # Capitalised words (folded) that make a name an organisation's, not a person's
    # ("Greenfield Foods", "Banque Populaire"): a pronoun never points at it.
    organisation_words: frozenset[str] = frozenset()
    # Attribution in wire copy ("..., a indiqué lundi à Casablanca le président de
    # la fédération, Karim Alaoui"); all folded. Words of time that may sit between
    # a reporting verb and its speaker, months included ("le 12 mars"), and sentence
    # adverbs ("a ajouté encore").
    speech_adverbs: frozenset[str] = frozenset()
    # Prepositions opening an adverbial of place, audience or occasion there
    # ("à Casablanca", "devant les députés", "lors d'une conférence", "in Tangier").
    speech_adverbial_prepositions: frozenset[str] = frozenset()
    # Passive reports name their speaker as the agent ("ces chiffres ont été annoncés
    # mardi par le ministre", "figures released by the ONS"): the auxiliaries, the
    # participles used only in the passive, and the word before the agent.
    passive_auxiliaries: tuple[str, ...] = ()
    passive_participles: tuple[str, ...] = ()
    passive_agent_markers: frozenset[str] = frozenset()
    # Words joining a noun to its complement ("conférence de presse", "head of state").
    complement_links: frozenset[str] = frozenset()
    # French participles report only after their auxiliary ("a affirmé"; "et affirmé"
    # inside a quotation is no report), and agree in the passive ("annoncés").
    participles_need_auxiliary: bool = False
    participle_agreements: tuple[str, ...] = ()
    # "comme l'a souligné le ministre": after "comme", the speaker follows the verb.
    speaker_follows_as_clause: bool = False
    # Subject pronouns a French verb carries after it ("a-t-elle dit", "estiment-ils").
    inverted_pronouns: tuple[str, ...] = ()
    # Author markers that hold the author's determiner ("les chiffres du ministère"), and
    # small words inside an institution's name ("le Haut-Commissariat au Plan").
    fused_author_markers: frozenset[str] = frozenset()
    name_joiners: frozenset[str] = frozenset()
    # Endings of plural nouns ("syndicats", "journaux", "unions").
    plural_endings: tuple[str, ...] = ()
    # Words that introduce what was said ("a indiqué que", "said that"), folded.
    complementizers: frozenset[str] = frozenset()
    # "comme l'a souligné le ministre", "as the minister said": the word that opens such
    # a clause; the speaker is after the verb in French, between in English.
    speech_as_markers: tuple[str, ...] = ()
    # What after a reporting verb makes it describe, not report ("said to be the largest").
    speech_raising: tuple[str, ...] = ()
    # Reporting verbs whose object is the listener, not the message ("told reporters").
    speech_listener_verbs: frozenset[str] = frozenset()
    # Reporting verbs that are ordinary verbs or adjectives too ("claimed 40 lives",
    # "found 300 kg"): they report only before "que"/"that", a quotation, a colon, a
    # subject and its verb, or at the end of the clause.
    speech_clause_only: frozenset[str] = frozenset()
    # "selon"/"according to" naming no source: the head noun after it ("selon l'âge",
    # "according to plan") or a verb before it ("varient selon").
    attribution_non_sources: frozenset[str] = frozenset()
    attribution_blockers: frozenset[str] = frozenset()
    # Finite verbs and auxiliaries, as written in lower case: a candidate claimant
    # holding one is a clause ("Le Maroc compte ..."), not a speaker.
    clause_verbs: frozenset[str] = frozenset()
    # Pronouns that speak for a group ("ils", "they"), for an organisation ("it"),
    # or for nobody ("on" in "a-t-on appris").
    plural_pronouns: frozenset[str] = frozenset()
    neuter_pronouns: frozenset[str] = frozenset()
    impersonal_pronouns: frozenset[str] = frozenset()
    # Words that make a noun phrase plural: plural determiners, number words and
    # collective nouns ("les", "two", "police").
    plural_words: frozenset[str] = frozenset()
    # Words that open a clause or a prepositional phrase: a phrase starting with one
    # is no speaker ("as reported", "mais le ministre", "despite officials").
    clause_openers: frozenset[str] = frozenset()
    # Conjunctions that may open a sentence before its subject ("But the minister said").
    coordinators: frozenset[str] = frozenset()
    prepositions: frozenset[str] = frozenset()
    # Endings of past participles: one that ends a speaker's noun phrase belongs to what
    # follows ("une note du Haut-Commissariat au Plan publiée mardi").
    participle_endings: tuple[str, ...] = ()
    # Where a noun phrase's head noun sits: first in French ("syndicats de dockers"),
    # last before its complement in English ("the statistics office").
    head_last: bool = False


# Particles inside personal names in both languages ("Ibn Battuta", "van Gogh").
NAME_PARTICLES: Final = frozenset("al ben bin da de der di el ibn la le van von".split())
