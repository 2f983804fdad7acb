"""Sharing without names: a region whose organisations are known only by group and number.

``anonymise_region(region, loc, seed)`` returns the same network with every organisation's
id and name replaced by its group and a number ("Onderwijs 3", id ``onderwijs-3``), and
the text that can identify one dropped: the actor's ``type`` (a Leerwerkloket is often
one organisation) and ``scale`` (with the arbeidsmarktregio it singles out the one regional
government of a region), every free-text column (``extra`` on actors and relations), every
relation's ``note``, and region.toml's ``source`` in every language (it names who supplied the
data). Every other region.toml text (``name``, ``period``, ``note``, in each language) is kept
unless it names an organisation (:func:`naming_words`): then a name becomes the neutral
"Regio (geanonimiseerd)" and a period or note is left out; :attr:`AnonymousRegion.withheld`
lists what was replaced, for the key file and the terminal. The data warnings name each organisation
by its anonymous name, and a warning about an id written in another spelling says so without
either spelling (:func:`_renamed`).

The declared ``role`` stays on the anonymous region, because the orchestrator score's mandate
part counts it (the numbers must be those of the named region), but no output shows it:
:func:`shown_analysis` takes it, and the reasons that name it, off the analysis before rendering.
A role such as 'regie' tells who the centrumgemeente is.

The arbeidsmarktregio stays (the per-region analysis needs it), so an organisation that is the
only one of its group with its arbeidsmarktregio('s) is recognisable whatever its number: the
anonymous region's ``meta.recognisable`` lists them, and the terminal and the report say so.

Because the transformation is applied to the validated region *before* the analysis,
every output (map, report, slides, PNGs, tables, summary.json, GraphML, GEXF, Kumu) is
anonymous by construction. The numbers within a group are a seeded permutation
(:func:`numbered`), not the order of the original ids, and the anonymous region is in the order
of its own numbers, so neither the numbering nor the order of any output (or the layout drawn from it)
follows the original ids. The analysis is the same network with its vertices in another order:
every deterministic number is the same per organisation; what the order decides (random streams of
the resamples and null models, exact ties) may differ as between two seeds (docs/methods.md §18).

The key (number -> original id and name) is returned as rows for the coordinator to keep;
:func:`key_path` says where it goes: beside the outputs folder, never inside it.

References
----------
Thunnissen's Noord-Brabant LLO ecosystem study (the study itself reports organisations by
group where interviewees asked for it).
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import Problem
from .io.validate import id_key
from .locale import Locale
from .model import Actor, Region, canonical_order
from .vocab import GROUPS

if TYPE_CHECKING:
    from .analysis.pipeline import Analysis

__all__ = ["AnonymousRegion", "anonymise_region", "anonymised_line", "anonymous_folder", "key_path", "mentions",
           "naming_words", "numbered", "recognisable", "recognisable_sentence", "shown_analysis",
           "withheld_lines"]

FOLDER_SUFFIX = "anoniem"           # outputs/<folder>-anoniem/, language-independent like the folder names
REGION_TEXTS = ("name", "period", "note")     # region.toml's texts that an anonymous run keeps when they name no one
MIN_WORD = 4                        # a name's word this long or longer can name it ('Enschede'; not 'van', 'de')
# Words of organisations' names that name no one organisation: the kinds of organisation, places in general
# and the small words of Dutch and English names. Every other word of MIN_WORD letters or more in a name is
# distinctive (naming_words). The one list of them: extend it here.
GENERIC_WORDS = frozenset("""
    gemeente gemeenten stichting stichtingen vereniging college regionaal regionale regio provincie provinciaal
    provinciale landelijk landelijke nationaal nationale centrum netwerk platform school scholen hogeschool
    universiteit onderwijs werkgevers werkgever werkenden bedrijf bedrijven kamer bureau dienst diensten
    sociale sociaal werk werken leren loket fonds groep holding instituut academie opleidingen opleiding
    noord oost zuid west midden noordoost noordwest zuidoost zuidwest nederland
    zorg welzijn techniek logistiek transport industrie cultuur onderzoek private privaat publiek zaken raad
    opleider opleiders ministerie
    voor door naar over onder tussen samen alle onze illustratief illustratieve voorbeeld
    municipality council foundation association regional province provincial national university education
    employers employer workers company group institute academy fund office services north east south west
    centre center network with from care data science sciences applied research illustrative example
""".split())


@dataclass(frozen=True)
class AnonymousRegion:
    region: Region
    # (new id, new name, original id, original name), in numbering order
    key: tuple[tuple[str, str, str, str], ...]
    # region.toml's texts that named an organisation: (where, shown instead or '', original), e.g. ('[en] note', ...)
    withheld: tuple[tuple[str, str, str], ...] = ()

    def mapping(self) -> dict[str, str]:
        """Original id -> anonymous id."""
        return {old: new for new, _, old, _ in self.key}


def _slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-") or "actor"


def mentions(text: str, words) -> bool:
    """Whether ``text`` contains any of ``words`` as a whole token (case-insensitive).

    Whole tokens: a short id such as ``gem`` does not match inside ``Gemeente``.
    """
    low = text.lower()
    for word in words:
        word = word.strip().lower()
        if word and re.search(r"(?<![\w])" + re.escape(word) + r"(?![\w])", low):
            return True
    return False


def _words(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[^\W\d_]+", text)]


def naming_words(actors, arbeidsmarktregios=()) -> list[str]:
    """What names an organisation in a text: each actor's name and id, and each distinctive word of a name.

    A word is distinctive when it has :data:`MIN_WORD` letters or more, is not in :data:`GENERIC_WORDS`
    and is not a word of an arbeidsmarktregio's name ('Twente' in 'ROC van Twente': the arbeidsmarktregio
    is shown anyway). 'Gemeente Enschede' gives 'enschede'; 'Graafschap College' gives 'graafschap'.
    """
    shown = {w for name in arbeidsmarktregios for w in _words(name)}
    words = {w for a in actors for w in _words(a.name)
             if len(w) >= MIN_WORD and w not in GENERIC_WORDS and w not in shown}
    return [a.name for a in actors] + [a.id for a in actors] + sorted(words)


def numbered(actors, seed: int = 0) -> list[Actor]:
    """``actors`` in numbering order: per group in the order of :data:`ecosystem.vocab.GROUPS`, and within a
    group by a seeded permutation.

    The permutation sorts by SHA-256 of the actor's id salted with the SHA-256 of the seed and every
    actor's (id, name, group) in id order: the same data and seed give the same numbers whatever the row
    order, and the numbers do not follow the ids' alphabetical order. The salt holds the whole data, so
    someone who guesses an id cannot compute its number without knowing every other id and name.
    """
    content = json.dumps([seed, sorted((a.id, a.name, a.group) for a in actors)], ensure_ascii=False)
    salt = hashlib.sha256(content.encode("utf-8")).hexdigest()
    order = {g: i for i, g in enumerate(GROUPS)}

    def draw(actor: Actor) -> str:
        return hashlib.sha256(f"{salt}:{actor.id}".encode("utf-8")).hexdigest()
    return sorted(actors, key=lambda a: (order.get(a.group, len(order)), a.group, draw(a), a.id))


def anonymise_region(region: Region, loc: Locale = Locale(), seed: int = 0) -> AnonymousRegion:
    """The region with organisations known by group and number, and the key back to them.

    Parameters
    ----------
    region : Region
        A validated region (as :func:`ecosystem.io.region.load_region` gives).
    loc : Locale
        The reader's language: that of the group words in the new names and ids, and of the neutral name.
    seed : int
        The run's seed: the numbering's permutation (:func:`numbered`).

    Returns
    -------
    AnonymousRegion
        The anonymous region, its actors in the order of their numbers, its relations in canonical order
        of those (:func:`ecosystem.model.canonical_order`), the key and the withheld region.toml texts.
    """
    order = numbered(region.actors, seed)
    counts: dict[str, int] = {}
    new: dict[str, tuple[str, str]] = {}
    for actor in order:
        counts[actor.group] = counts.get(actor.group, 0) + 1
        label = loc.group(actor.group)
        new[actor.id] = (f"{_slug(label)}-{counts[actor.group]}", f"{label} {counts[actor.group]}")
    actors = tuple(replace(a, id=new[a.id][0], name=new[a.id][1], type="", scale="", extra={}) for a in order)
    # The relations in canonical order of the actors' numbers (not of the new ids' text, which depends on
    # the language: 'overheid-2' and 'government-2'): positions as ids, sorted, then the new ids.
    position = {a.id: f"{i:09d}" for i, a in enumerate(order)}
    back = {position[a.id]: new[a.id][0] for a in order}
    _, relations = canonical_order((), (replace(r, source=position[r.source], target=position[r.target], note="",
                                                extra={}) for r in region.relations))
    relations = tuple(replace(r, source=back[r.source], target=back[r.target]) for r in relations)
    meta, withheld = _region_texts(region, loc)
    meta = replace(meta, anonymised=True, recognisable=tuple(new[a.id][1] for a in recognisable(order)),
                   withheld=tuple((where, shown) for where, shown, _ in withheld))
    names = {id_key(a.id): new[a.id][1] for a in region.actors}
    warnings = tuple(_renamed(w, names) for w in region.warnings)
    key = tuple((*new[a.id], a.id, a.name) for a in order)
    return AnonymousRegion(replace(region, meta=meta, actors=actors, relations=relations, warnings=warnings), key,
                           withheld)


WHOLE_NAME = "name (data set)"      # the key file's 'where' of the whole data set's name (analyse --region)


def _region_texts(region: Region, loc: Locale):
    """region.toml's metadata without its source and without the texts that name an organisation, and
    those texts as (where, shown instead, original)."""
    words = naming_words(region.actors, region.meta.arbeidsmarktregios)
    neutral = {"name": loc.t("anonymise_region_name"), "period": "", "note": ""}
    withheld = []

    def kept(where: str, field: str, text: str) -> str:
        if text and mentions(text, words):
            withheld.append((where, neutral[field], text))
            return neutral[field]
        return text
    meta = region.meta
    main = {field: kept(field, field, getattr(meta, field)) for field in REGION_TEXTS}
    translations = {lang: {k: kept(f"[{lang}] {k}", k, v) if k in REGION_TEXTS else v
                           for k, v in texts.items() if k != "source"}
                    for lang, texts in meta.translations.items()}
    whole = meta.whole
    if whole is not None:
        # --region: the data set the arbeidsmarktregio was taken from, whose organisations outside the region
        # this run does not see, so its name cannot be checked against theirs: it is never shown
        withheld.append((WHOLE_NAME, neutral["name"], whole.name))
        whole = replace(whole, name=neutral["name"], period="", source="", note="", translations={})
    return replace(meta, source="", translations=translations, whole=whole, **main), tuple(withheld)


def recognisable(actors) -> list[Actor]:
    """The ``actors`` that are the only one of their group with their arbeidsmarktregio('s) (in their order).

    What the anonymous outputs still show of an organisation is its group and arbeidsmarktregio('s); when
    no other organisation shares both, anyone who knows the region knows who it is. Actors without an
    arbeidsmarktregio are not listed (the group alone: see docs/methods.md §18). The role is not shown
    (:func:`shown_analysis`), so it does not count here.
    """
    def shown(actor: Actor) -> tuple:
        return actor.group, tuple(sorted(set(actor.regions)))
    counts: dict[tuple, int] = {}
    for actor in actors:
        counts[shown(actor)] = counts.get(shown(actor), 0) + 1
    return [a for a in actors if a.regions and counts[shown(a)] == 1]


def shown_analysis(analysis: "Analysis") -> "Analysis":
    """``analysis`` as the outputs of an anonymous region show it: without the actors' declared roles.

    The analysis counted the roles (the mandate part of the orchestrator score, docs/methods.md §7), and
    every number stays as it counted them; what goes is the role itself (the map's attributes, GraphML/GEXF,
    summary.json's mandate facts and role signal) and the reasons that say it ('heeft de regierol').
    A named region's analysis is returned as it is.
    """
    from .analysis.reasons import ROLES_NAMED

    if not analysis.region.meta.anonymised:
        return analysis
    region = analysis.region
    region = replace(region, actors=tuple(replace(a, role="") for a in region.actors))
    orch = analysis.orchestrators
    if orch.mandate is not None:
        m = orch.mandate
        orch = replace(orch, mandate=replace(m, roles=("",) * len(m.roles),
                                             signals={k: v for k, v in m.signals.items() if k != "role"}))
    codes = {f"role_{r}" for r in ROLES_NAMED}
    reasons = None if analysis.reasons is None else {
        v: tuple(r for r in why if r.code not in codes) for v, why in analysis.reasons.items()}
    return replace(analysis, region=region, orchestrators=orch, reasons=reasons)


def recognisable_sentence(names: tuple[str, ...], loc: Locale) -> str:
    """The organisations ``names`` (``meta.recognisable``) said to be recognisable despite their number, or ''."""
    return loc.counted("anonymise_recognisable", len(names), names=loc.join(list(names))) if names else ""


def withheld_lines(meta, loc: Locale) -> list[str]:
    """What the terminal says of region.toml's texts that named an organisation (``meta.withheld``): one line each,
    'region.toml, note: noemt een organisatie en is weggelaten; ...'."""
    return [loc.t("anonymise_whole", region=meta.arbeidsmarktregios[0], text=shown) if where == WHOLE_NAME else
            loc.t("anonymise_replaced", where=where, text=shown) if shown else loc.t("anonymise_dropped", where=where)
            for where, shown in meta.withheld]


def anonymised_line(meta, loc: Locale) -> str:
    """The line that says an output is anonymous ('Zonder namen: elke organisatie heet hier ...'), or '' for a
    named region: the report's note, borrowed by the map, the title slide and the PNGs."""
    if not meta.anonymised:
        return ""
    return f"{loc.t('report.anonymised_label')}: {loc.t('report.anonymised')}"


# Warnings about a value that is an actor's id written otherwise: both spellings would become the same
# anonymous name ("'Overheid 2' gelezen als id 'Overheid 2'"); the catalogue's '<key>_anonymous' says it
# without either spelling (the row and column say where).
SPELLING_WARNINGS = ("id_case_match", "id_space_match")


def _renamed(warning: Problem, names: dict[str, str]) -> Problem:
    """``warning`` with every value that is an actor's id (as ids are compared: :func:`id_key`) replaced by the
    actor's anonymous name: 'actor 'actiz' heeft geen relaties' becomes 'actor 'Werkgevers 1' ...'. A warning
    about an id's spelling (:data:`SPELLING_WARNINGS`) keeps its row and column and loses both spellings."""
    if warning.key in SPELLING_WARNINGS:
        params = {k: v for k, v in warning.params.items() if k not in ("value", "id")}
        return replace(warning, key=f"{warning.key}_anonymous", params=params)
    params = {k: names.get(id_key(v), v) if isinstance(v, str) else v for k, v in warning.params.items()}
    return replace(warning, params=params) if params != warning.params else warning


def anonymous_folder(folder: str) -> str:
    """The outputs folder of an anonymous run: ``brabant-anoniem`` beside ``brabant``."""
    return f"{folder}-{FOLDER_SUFFIX}"


def key_path(target: Path, loc: Locale) -> Path:
    """Where the key goes: beside the outputs folder ``target`` (``OUT/brabant-anoniem-sleutel.csv``)."""
    return target.parent / f"{target.name}-{loc.t('anonymise_key_suffix')}.csv"
