"""The controlled vocabulary of the region data: actor groups, relation types, scales.

The groups follow Thunnissen's reading of the Noord-Brabant LLO ecosystem: the
four key actor groups (werkenden, werkgevers, overheid, onderwijs) plus the
public 'intermediairs' the study finds in the centre, and a rest group.
Relation types follow what the study and the Kamerbrief Leven Lang Leren name
as the ways these organisations deal with each other.
"""
from __future__ import annotations

from dataclasses import dataclass

KEY_GROUPS: tuple[str, ...] = ("workers", "employers", "government", "education")
GROUPS: tuple[str, ...] = ("government", "employers", "workers", "education", "intermediaries", "other")

GROUP_ALIASES: dict[str, str] = {
    "government": "government", "overheid": "government", "overheden": "government",
    "employers": "employers", "employer": "employers", "werkgevers": "employers", "werkgever": "employers",
    "workers": "workers", "worker": "workers", "werkenden": "workers", "werkende": "workers",
    "werknemers": "workers", "werknemer": "workers", "employees": "workers",
    "education": "education", "onderwijs": "education",
    "intermediaries": "intermediaries", "intermediary": "intermediaries",
    "intermediairs": "intermediaries", "intermediair": "intermediaries",
    "other": "other", "overig": "other", "overige": "other", "overigen": "other",
}


@dataclass(frozen=True)
class RelationType:
    key: str
    directed: bool


RELATION_TYPES: dict[str, RelationType] = {
    "governance": RelationType("governance", directed=False),
    "funding": RelationType("funding", directed=True),
    "delivery": RelationType("delivery", directed=True),
    "representation": RelationType("representation", directed=True),
    "referral": RelationType("referral", directed=True),
    "collaboration": RelationType("collaboration", directed=False),
    "advice": RelationType("advice", directed=True),
}


def relation_key(source: str, target: str, rtype: str) -> tuple[str, str, str]:
    """What makes two relations the same one: (source, target, type), an undirected pair in id order.

    A governance table or a collaboration is the same relation whichever of its two actors is
    written first (b-a is a-b); a directed type keeps its direction. A type that is not in
    :data:`RELATION_TYPES` (not yet validated) keeps the order as written.
    """
    kind = RELATION_TYPES.get(rtype)
    if kind is not None and not kind.directed and target < source:
        return target, source, rtype
    return source, target, rtype


RELATION_ALIASES: dict[str, str] = {
    "governance": "governance", "bestuur": "governance", "bestuurlijk": "governance",
    "bestuurlijk overleg": "governance", "bestuurlijke tafel": "governance",
    "funding": "funding", "financiering": "funding", "financier": "funding",
    "delivery": "delivery", "levering": "delivery", "leverancier": "delivery",
    "representation": "representation", "vertegenwoordiging": "representation",
    "referral": "referral", "toeleiding": "referral", "verwijzing": "referral",
    "collaboration": "collaboration", "samenwerking": "collaboration",
    "advice": "advice", "advies": "advice",
}

# The SCP's four steering philosophies (SCP 2024), for the optional `steering` column.
STEERING_PHILOSOPHIES: tuple[str, ...] = ("traditional", "npm", "network", "resilience")
# The 'sturing' column: each philosophy's key and its names in Dutch and English (catalogue steering.*).
STEERING_ALIASES: dict[str, str] = {
    "traditional": "traditional", "traditioneel": "traditional", "traditioneel bestuur": "traditional",
    "traditional public administration": "traditional",
    "npm": "npm", "new public management": "npm", "new public management (markt)": "npm",
    "new public management (market)": "npm", "markt": "npm", "market": "npm",
    "network": "network", "netwerk": "network", "netwerksturing": "network", "network governance": "network",
    "resilience": "resilience", "veerkracht": "resilience", "maatschappelijke veerkracht": "resilience",
    "societal resilience": "resilience",
}

SCALES: tuple[str, ...] = ("local", "regional", "provincial", "national")
SCALE_ALIASES: dict[str, str] = {
    "local": "local", "lokaal": "local",
    "regional": "regional", "regionaal": "regional",
    "provincial": "provincial", "provinciaal": "provincial",
    "national": "national", "nationaal": "national", "landelijk": "national",
}

# Formal roles in the regional collaboration, for the optional actor column `role` (Dutch `rol`),
# read by the orchestrator score's mandate part. Keys are English; the Dutch word a coordinator writes
# is the catalogue's label 'role.<key>' (ecosystem.catalogue.labels). Values form an ordinal scale with equal steps
# (docs/methods.md §9): the regierol 1, a lead 2/3, a secretariat 1/3, a member 0.
ROLES: dict[str, float] = {"orchestrator": 1.0, "lead": 2.0 / 3.0, "secretariat": 1.0 / 3.0, "member": 0.0}
ROLE_ALIASES: dict[str, str] = {
    "orchestrator": "orchestrator", "regie": "orchestrator", "regierol": "orchestrator",
    "regisseur": "orchestrator", "regievoerder": "orchestrator", "regiehouder": "orchestrator",
    "orkestrator": "orchestrator", "arrangeur": "orchestrator", "orchestration": "orchestrator",
    # A chair or coordinator leads a table or programme; the regierol must be written as 'regie'.
    "lead": "lead", "trekker": "lead", "kartrekker": "lead", "aanjager": "lead", "aanvoerder": "lead",
    "voorzitter": "lead", "coördinator": "lead", "coordinator": "lead", "projectleider": "lead",
    "programmaleider": "lead", "chair": "lead", "leader": "lead",
    "secretariat": "secretariat", "secretariaat": "secretariat", "secretaris": "secretariat",
    "programmabureau": "secretariat", "secretary": "secretariat",
    "member": "member", "lid": "member", "deelnemer": "member", "participant": "member",
}

# Dutch (and a few English) header names accepted for the contract's columns.
HEADER_ALIASES: dict[str, str] = {
    "naam": "name", "groep": "group", "soort": "type", "schaal": "scale", "regio": "region",
    "bron": "source", "doel": "target", "gewicht": "weight", "sinds": "since", "tot": "until",
    "notitie": "note", "opmerking": "note", "sturing": "steering", "bewijs": "evidence",
    "onderbouwing": "evidence", "rol": "role",
}

ACTOR_REQUIRED = ("id", "name", "group")
ACTOR_KNOWN = ("id", "name", "group", "type", "scale", "region", "role")
RELATION_REQUIRED = ("source", "target", "type")
RELATION_KNOWN = ("source", "target", "type", "weight", "since", "until", "note", "steering")
# What 'ecosystem survey collect' adds to a region folder (ecosystem.intake.survey): two columns of
# relations.csv (who named the relation, whether both sides did) that 'analyse --ties confirmed' uses,
# and a table in region.toml with who was asked and who answered.
SURVEY_COLUMNS = ("reported_by", "confirmed")
SURVEY_TABLE = "survey"


# How alike (difflib's ratio, 0 to 1) a value must be to a known word before "Bedoelt u ...?" names
# that word: a typo ('ondrwijs' 0.94 to 'onderwijs', 'inkopen' 0.77 to 'inkoop') is; a different word
# that shares some letters ('contract' 0.63 to 'consultancy', 'org299' to 'vno') is not, and then no
# word is suggested at all. One threshold for every suggestion: vocabulary words, actor ids, column
# names, region.toml settings and arbeidsmarktregio names.
SUGGEST_CUTOFF = 0.75


def normalise_key(value: str) -> str:
    """Lower-case and collapse whitespace so 'Bestuurlijk  Overleg' matches an alias."""
    return " ".join(value.strip().lower().replace("_", " ").split())


# --- everyday words (issue 11 point 5; docs/methods.md "Everyday words") ---------------------
# What coordinators write in a group or type column: the kind of organisation, not the
# study's group name. Each word maps to exactly one group; a word that could mean two groups
# is in AMBIGUOUS_GROUPS instead and the user is asked to choose.
GROUP_WORDS: dict[str, str] = {
    **{w: "government" for w in (
        "gemeente", "gemeenten", "gemeentes", "centrumgemeente", "provincie", "provincies", "ministerie",
        "ministeries", "rijk", "rijksoverheid", "overheidsorganisatie", "regiogemeente", "municipality",
        "province", "ministry")},
    **{w: "employers" for w in (
        "bedrijf", "bedrijven", "onderneming", "ondernemingen", "ondernemer", "ondernemers",
        "werkgeversorganisatie", "werkgeversorganisaties", "brancheorganisatie", "brancheorganisaties",
        "branchevereniging", "ondernemersvereniging", "mkb", "company", "companies", "business",
        "employer organisation", "industry association")},
    **{w: "workers" for w in (
        "vakbond", "vakbonden", "vakcentrale", "werknemersorganisatie", "werknemersorganisaties",
        "trade union", "union", "unions")},
    **{w: "education" for w in (
        "school", "scholen", "mbo", "hbo", "wo", "roc", "aoc", "universiteit", "universiteiten", "hogeschool",
        "hogescholen", "opleider", "opleiders", "private opleider", "opleidingsinstituut", "onderwijsinstelling",
        "onderwijsinstellingen", "vakschool", "university", "college", "training provider")},
    **{w: "intermediaries" for w in (
        "uwv", "leerwerkloket", "werkgeversservicepunt", "werkservicepunt", "wsp", "mobiliteitsteam",
        "regionaal mobiliteitsteam", "regionaal werkbedrijf", "werkbedrijf", "ontwikkelingsmaatschappij",
        "netwerkorganisatie", "loopbaanadviseur", "intermediary organisation")},
    **{w: "other" for w in ("o&o-fonds", "o&o fonds", "opleidingsfonds", "adviesraad", "kennisinstituut",
                            "stichting")},
}

# Words that name two groups: never guessed, the user chooses (the message lists the options).
AMBIGUOUS_GROUPS: dict[str, tuple[str, ...]] = {
    "sociale partner": ("employers", "workers"),
    "sociale partners": ("employers", "workers"),
    "social partner": ("employers", "workers"),
}

RELATION_WORDS: dict[str, str] = {
    **{w: "governance" for w in ("stuurgroep", "bestuurlijke overleg", "regiegroep", "board")},
    **{w: "funding" for w in ("subsidie", "subsidies", "subsidiering", "subsidieert", "financiert",
                              "bekostiging", "grant", "subsidy", "funds")},
    **{w: "delivery" for w in ("inkoop", "opdracht", "levert", "dienstverlening", "scholing", "training",
                               "supplies")},
    **{w: "representation" for w in ("belangenbehartiging", "lidmaatschap", "vertegenwoordigt", "represents",
                                     "membership")},
    **{w: "referral" for w in ("doorverwijzing", "verwijst", "verwijst door", "toeleiden", "refers")},
    **{w: "collaboration" for w in ("samenwerkingsverband", "samenwerken", "werkt samen", "cooperation",
                                    "partnership project")},
    **{w: "advice" for w in ("adviseert", "advisering", "consultancy", "advises")},
}

# Everyday relation words whose natural subject is the type's target, not its source: 'gem;roc;inkoop'
# and 'gem;roc;opdracht' say that gem buys from or commissions roc, so roc delivers to gem;
# 'bedrijf;vno;lidmaatschap' says that the company is a member of vno, so vno represents it. They are
# read with source and target swapped, and a warning says so (io.validate.validate_relations).
REVERSED_RELATION_WORDS: frozenset[str] = frozenset({"inkoop", "opdracht", "lidmaatschap", "membership"})

# Relation words that could be a governance table or collaboration. A wrong guess moves a tie
# into or out of the governance layer (the 'seat at the table' of docs/methods.md), so the
# user chooses: 'bestuur' when decisions are taken there, else 'samenwerking'.
AMBIGUOUS_RELATIONS: tuple[str, ...] = ("overleg", "netwerk", "partnerschap", "partner", "partnership", "network")

# Columns that carry information for the reader (shown in the map) and are expected in
# region data: no 'column not recognised' warning for them.
INFO_COLUMNS: tuple[str, ...] = ("description", "evidence", "website", "contact", "email", "tags")
# Columns of free text, where a cell of digits may be meant as text: in a comma-separated file, digits
# there right after a whole weight may be a decimal comma's split number ('1,5' read as 1 and '5').
TEXT_COLUMNS: tuple[str, ...] = ("note", "description", "evidence")


def _lookup(value: str, *tables: dict[str, str]) -> str | None:
    key = normalise_key(value)
    return next((table[key] for table in tables if key in table), None)


def group_of(value: str, extra: dict[str, str] | None = None) -> str | None:
    """The canonical group for ``value``: a region's own mapping, a group name, or an everyday word."""
    return _lookup(value, extra or {}, GROUP_ALIASES, GROUP_WORDS)


def relation_of(value: str, extra: dict[str, str] | None = None) -> str | None:
    """The canonical relation type for ``value``: a region's mapping, a type name (Dutch too), or an everyday word."""
    return _lookup(value, extra or {}, RELATION_ALIASES, RELATION_WORDS)
