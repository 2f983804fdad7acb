"""Sharing without names: a region whose organisations are known only by group and number.

``anonymise_region(region, loc, seed)`` returns the same network with every organisation's
id and name replaced by its group and a number ("Onderwijs 3", id ``onderwijs-3``), and
the text that can identify one dropped: the actor's ``type`` (a Leerwerkloket is often
one organisation) and ``scale`` (with the arbeidsmarktregio it singles out the one regional
government of a region), every free-text column (``extra`` on actors and relations), every
relation's ``note``, and region.toml's ``source`` in every language (it names who supplied the
data). Every other region.toml text (``name``, ``period``, ``note``, in each language) is kept
unless it names an organisation (:func:`naming_words`) or the region folder: then a name becomes the
neutral "Regio (geanonimiseerd)" and a period or note is left out. The region folder's name
('enschede') is shown nowhere: the outputs folder, summary.json's ``folder`` and the key's name say
"anoniem" (:func:`anonymous_folder`), and a name that region.toml does not give (so the folder's) is
the neutral name. :attr:`AnonymousRegion.withheld` lists what was replaced, for the key file
(:func:`key_rows`) and the terminal (:func:`withheld_lines`). The data warnings name each organisation
by its anonymous name, and a warning about an id written in another spelling says so without
either spelling (:func:`_renamed`).

The declared ``role`` is dropped too, before the analysis, so that the orchestrator score's mandate
part does not count it: a role such as 'regie' tells who the centrumgemeente is, and a mandate part
that counted it would give it back (the part is the mean of its signals, and the tables and funding
signals can be recomputed from the outputs). Where roles are declared, the anonymous run's mandate
parts and orchestrator scores are therefore those of the named data without its role column, and the
outputs' line on the anonymisation says so (docs/methods.md §18).

The arbeidsmarktregio stays (the per-region analysis needs it), so an organisation that is the
only one of its group with its arbeidsmarktregio('s) is recognisable whatever its number: the
anonymous region's ``meta.recognisable`` lists them, and the terminal and the report say so.

Because the transformation is applied to the validated region *before* the analysis,
every output (map, report, slides, PNGs, tables, summary.json, GraphML, GEXF, Kumu) is
anonymous by construction. The numbers within a group are a seeded permutation
(:func:`numbered`), not the order of the original ids, and the anonymous region is in the order
of its own numbers, so neither the numbering nor the order of any output (or the layout drawn from it)
follows the original ids. The analysis is the same network (less the roles) with its vertices in another
order: every deterministic number is the same per organisation as in the named run without roles; what the order decides (random streams of
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

__all__ = ["AnonymousRegion", "anonymise_region", "anonymised_line", "anonymous_folder", "check_other_region", "distinctive_words", "key_path",
           "mentions",
           "key_rows", "naming_words", "numbered", "recognisable", "recognisable_sentence",
           "withheld_lines"]

FOLDER = "anoniem"                  # outputs/anoniem/: never the region folder's name, language-independent like
                                    # the folder names (anonymous_folder)
REGION_TEXTS = ("name", "period", "note")     # region.toml's texts that an anonymous run keeps when they name no one
MIN_WORD = 4                        # a name's word this long or longer can name it ('Enschede'; not 'van', 'de')
# Words of organisations' names that name no one organisation: the kinds of organisation, places in general,
# legal forms and the small words of Dutch and English names (also the short ones: 'De' or 'VAN' written with a
# capital is still no abbreviation). Every other word of a name of MIN_WORD letters or more, or of 2 or more
# letters written with a capital, is distinctive (naming_words). The one list of them: extend it here.
GENERIC_WORDS = frozenset("""
    gemeente gemeenten stichting stichtingen vereniging college regionaal regionale regio provincie provinciaal
    provinciale landelijk landelijke nationaal nationale centrum netwerk platform school scholen hogeschool
    universiteit onderwijs werkgevers werkgever werkenden bedrijf bedrijven kamer bureau dienst diensten
    sociale sociaal werk werken leren loket fonds groep holding instituut academie opleidingen opleiding
    noord oost zuid west midden noordoost noordwest zuidoost zuidwest nederland
    zorg welzijn techniek logistiek transport industrie cultuur onderzoek private privaat publiek zaken raad
    opleider opleiders ministerie ict bv nv vof llo
    voor door naar over onder tussen samen alle onze illustratief illustratieve voorbeeld
    de het een van en in op te ter ten tot met uit om aan bij of als ons hun der den des
    the and of for at on to by an
    municipality council foundation association regional province provincial national university education
    employers employer workers company group institute academy fund office services north east south west
    centre center network with from care data science sciences applied research illustrative example
""".split())


@dataclass(frozen=True)
class AnonymousRegion:
    region: Region
    # (new id, new name, original id, original name), in numbering order
    key: tuple[tuple[str, str, str, str], ...]
    # what is not shown (the folder's name, region.toml's texts naming someone): (where, shown instead or '', original)
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


def _tokens(text: str) -> list[str]:
    """The words of ``text`` as written (letters only: 'VNO-NCW' gives 'VNO' and 'NCW')."""
    return re.findall(r"[^\W\d_]+", text)


def _words(text: str) -> list[str]:
    return [w.lower() for w in _tokens(text)]


def distinctive_words(name: str, shown=frozenset()) -> list[str]:
    """The words of ``name`` that can name who it is (lower case), in their order.

    A word is distinctive when it is not in :data:`GENERIC_WORDS` nor in ``shown`` (words shown anyway) and
    either has :data:`MIN_WORD` letters or more ('Enschede', 'Graafschap') or has 2 or more letters and is
    written with a capital: an abbreviation or a short proper name ('ROC', 'UWV', 'FNV', 'NCW', 'HvA', 'Oss').
    Short words written in lower case ('van', 'de') are not, nor the short small words that a name writes
    with a capital ('De', 'Het', 'VAN' in a name in capitals), which :data:`GENERIC_WORDS` lists.
    """
    return [w.lower() for w in _tokens(name)
            if (len(w) >= MIN_WORD or (len(w) >= 2 and w[0].isupper()))
            and w.lower() not in GENERIC_WORDS and w.lower() not in shown]


def naming_words(actors, arbeidsmarktregios=()) -> list[str]:
    """What names an organisation in a text: each actor's name and id, and each distinctive word of a name.

    The distinctive words are those of :func:`distinctive_words`, less the words of an arbeidsmarktregio's name
    ('Twente' in 'ROC van Twente': the arbeidsmarktregio is shown anyway). 'Gemeente Enschede' gives
    'enschede'; 'Graafschap College' gives 'graafschap'; 'ROC van Twente' gives 'roc' and 'VNO-NCW Midden'
    'vno' and 'ncw', so that a note saying 'met ROC, UWV en FNV' names them even where their ids are
    others. A whole name or id of any length counts ('SBB', id 'gem'). :func:`mentions` compares whole words
    without regard to case, so 'roc' and 'Roc' count too; a text that uses such a word in another sense (the
    English 'has' for an organisation 'HAS') is withheld all the same, and listed: the rule errs towards
    leaving a text out.
    """
    shown = {w for name in arbeidsmarktregios for w in _words(name)}
    words = {w for a in actors for w in distinctive_words(a.name, shown)}
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
    actors = tuple(replace(a, id=new[a.id][0], name=new[a.id][1], type="", scale="", role="", extra={})
                   for a in order)
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


# Where a withheld text was (AnonymousRegion.withheld, meta.withheld) when not one of region.toml's texts:
WHOLE_NAME = "name (data set)"      # the whole data set's name (analyse --region), never shown
FOLDER_NAME = "name (folder)"       # the name region.toml does not give, which is the region folder's name
FOLDER_WHERE = "folder"             # the region folder's name itself: the outputs folder's and summary.json's


def anonymous_folder(meta) -> str:
    """The region folder's name as an anonymous run shows it (:data:`FOLDER`, 'anoniem'), whatever the folder is
    called: the outputs folder ``OUT/anoniem/`` (``anoniem-2016`` with ``--year``), summary.json's ``folder``
    and the key's name. With ``--region`` the region's part of the name stays ('anoniem-twente'): the
    arbeidsmarktregio is shown in every output anyway (``sub_region`` appends it to the folder's name)."""
    whole = meta.whole
    if whole is not None and meta.folder.startswith(whole.folder):
        return FOLDER + meta.folder[len(whole.folder):]
    return FOLDER


def _region_texts(region: Region, loc: Locale):
    """region.toml's metadata without its source, without the texts that name an organisation or the region
    folder, and without the folder's name, and what was withheld as (where, shown instead, original)."""
    meta = region.meta
    folder = meta.folder if meta.whole is None else meta.whole.folder
    shown = {w for name in meta.arbeidsmarktregios for w in _words(name)}
    # The folder's name ('enschede', 'oss') tells where the data comes from as a name of an organisation does;
    # folder names are mostly written in lower case, so each word of 3 letters or more that is not general counts
    # (none when all are an arbeidsmarktregio's: 'twente' is shown anyway).
    own = [w for w in _words(folder) if len(w) >= 3 and w not in GENERIC_WORDS and w not in shown]
    words = naming_words(region.actors, meta.arbeidsmarktregios) + ([folder, *own] if own else [])
    neutral = {"name": loc.t("anonymise_region_name"), "period": "", "note": ""}
    withheld = [(FOLDER_WHERE, anonymous_folder(meta), folder)]

    def kept(where: str, field: str, text: str) -> str:
        if where == "name" and text == meta.folder:        # no name in region.toml: the folder's is never shown
            withheld.append((FOLDER_NAME, neutral[field], text))
            return neutral[field]
        if text and mentions(text, words):
            withheld.append((where, neutral[field], text))
            return neutral[field]
        return text
    main = {field: kept(field, field, getattr(meta, field)) for field in REGION_TEXTS}
    translations = {lang: {k: kept(f"[{lang}] {k}", k, v) if k in REGION_TEXTS else v
                           for k, v in texts.items() if k != "source"}
                    for lang, texts in meta.translations.items()}
    whole = meta.whole
    if whole is not None:
        # --region: the data set the arbeidsmarktregio was taken from, whose organisations outside the region
        # this run does not see, so its name cannot be checked against theirs: it is never shown
        withheld.append((WHOLE_NAME, neutral["name"], whole.name))
        whole = replace(whole, name=neutral["name"], folder=FOLDER, period="", source="", note="", translations={})
    return (replace(meta, source="", translations=translations, whole=whole, folder=anonymous_folder(meta), **main),
            tuple(withheld))


def key_rows(anonymous: AnonymousRegion) -> tuple[tuple[str, str, str, str], ...]:
    """The key file's rows (id, name, original_id, original_name): the actors in the order of their numbers, then
    what else was withheld, where it was as id and what is shown instead ('' when left out) as name, the
    original as original_name: the region folder's name (id ``folder``), a name taken from it
    (``folder: name``), region.toml's texts (``region.toml: [en] note``, ``region.toml: name (data set)``)."""
    def where(label: str) -> str:
        return {FOLDER_WHERE: "folder", FOLDER_NAME: "folder: name"}.get(label, f"region.toml: {label}")
    return anonymous.key + tuple((where(w), shown, "", original) for w, shown, original in anonymous.withheld)


def recognisable(actors) -> list[Actor]:
    """The ``actors`` that are the only one of their group with their arbeidsmarktregio('s) (in their order).

    What the anonymous outputs still show of an organisation is its group and arbeidsmarktregio('s); when
    no other organisation shares both, anyone who knows the region knows who it is. Actors without an
    arbeidsmarktregio are not listed (the group alone: see docs/methods.md §18). The role is dropped
    (:func:`anonymise_region`), so it does not count here.
    """
    def shown(actor: Actor) -> tuple:
        return actor.group, tuple(sorted(set(actor.regions)))
    counts: dict[tuple, int] = {}
    for actor in actors:
        counts[shown(actor)] = counts.get(shown(actor), 0) + 1
    return [a for a in actors if a.regions and counts[shown(a)] == 1]


def recognisable_sentence(names: tuple[str, ...], loc: Locale) -> str:
    """The organisations ``names`` (``meta.recognisable``) said to be recognisable despite their number, or ''."""
    return loc.counted("anonymise_recognisable", len(names), names=loc.join(list(names))) if names else ""


def withheld_lines(meta, loc: Locale) -> list[str]:
    """What the terminal says of what the anonymous outputs do not show (``meta.withheld``): one line each, the
    region folder's name ('de naam van de regiomap wordt zonder namen niet getoond: ...'), a name taken from
    it, and region.toml's texts that named an organisation ('region.toml, note: ... is weggelaten; ...')."""
    def line(where: str, shown: str) -> str:
        if where == FOLDER_WHERE:
            return loc.t("anonymise_folder", text=shown, key_file=key_path(Path(shown), loc).name)
        if where == FOLDER_NAME:
            return loc.t("anonymise_folder_name", text=shown)
        if where == WHOLE_NAME:
            return loc.t("anonymise_whole", region=meta.arbeidsmarktregios[0], text=shown)
        return loc.t("anonymise_replaced", where=where, text=shown) if shown else loc.t("anonymise_dropped", where=where)
    return [line(where, shown) for where, shown in meta.withheld]


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


def check_other_region(target: Path, anonymous: AnonymousRegion) -> None:
    """Refuse to replace another region folder's anonymous outputs: every anonymous run writes to ``OUT/anoniem/``
    whatever its folder, so a second region analysed anonymously into the same ``--out`` would replace the first's
    outputs and key without a word. The key beside ``target`` (in either language) says whose they are (its
    ``folder`` row, :func:`key_rows`); an :class:`~ecosystem.errors.OutputError` names it when it is another
    folder's. Called before the analysis, as the other checks of the output folder."""
    import csv

    from .catalogue import LANGS
    from .errors import OutputError

    original = next(original for where, _, original in anonymous.withheld if where == FOLDER_WHERE)
    for lang in LANGS:
        path = key_path(target, Locale(lang))
        if not path.is_file():
            continue
        with open(path, newline="", encoding="utf-8-sig") as fh:
            other = next((row.get("original_name", "") for row in csv.DictReader(fh) if row.get("id") == "folder"), "")
        if other and other != original:
            raise OutputError("anonymise_other_region", path=str(target), key_file=str(path), other=other, folder=original)


def key_path(target: Path, loc: Locale) -> Path:
    """Where the key goes: beside the outputs folder ``target``, never in it (``OUT/anoniem-sleutel.csv``,
    ``OUT/anoniem-key.csv`` in English)."""
    return target.parent / f"{target.name}-{loc.t('anonymise_key_suffix')}.csv"
