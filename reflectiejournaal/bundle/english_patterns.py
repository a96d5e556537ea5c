"""What no library knows in English-speaking practice: addresses, schools, wards and hospitals,
car plates and case references as the UK, Ireland, the US, Canada and Australia write them.

The numbers and postcodes are in :mod:`english_numbers`; the Dutch and Flemish forms in
:mod:`patterns`. Streets without a house number in Dutch ("aan de Dorpsstraat") are here too:
they are written like an English street, a name and the word for a street.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .letters import CAPITAL
from .matches import PatternMatch

_CAP = r"[A-Z][\w'’.-]*"
_STREET_WORDS = (r"Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Drive|Dr|Court|Ct|Close|Crescent|Cres|"
                 r"Grove|Way|Place|Pl|Terrace|Tce|Gardens|Gdns|Square|Sq|Parade|Boulevard|Blvd|"
                 r"Highway|Hwy|Row|Walk|Mews|Rise|Green|Park|View|Hill|Heights|Circle|Cir|Trail|"
                 r"Pde|Parkway|Pkwy|Circuit|Cct|Esplanade|Esp|Quay|Wharf|Crt")
# "23 Wattle Grove", "1427 W Addison St, Apt 3", "Flat 2, 14 Clement Road", a unit before
# the number ("7/43 Railway Pde", "204-1180 Davie St")
_ADDRESS = re.compile(
    r"(?<![\w/-])(?:(?:Flat|Apt|Apartment|Unit) \w+,? )?(?:\d{1,4}[/-])?\d{1,5}[A-Za-z]?,? (?:[NSEW]\.? )?"
    r"(?:(?:" + _CAP + r"|\d{1,3}(?:st|nd|rd|th)) ){1,3}(?:" + _STREET_WORDS + r")\.?"
    r"(?: (?:North|South|East|West|[NSEW]|NE|NW|SE|SW)\b)?(?![\w-])"
    r"(?:,? (?:Apt|Apartment|Unit|Flat|Suite|#) ?\w+)?")
# Dutch and Flemish streets named without a number: "aan de Dorpsstraat", "op de Frankrijklei".
_STREET_NL = re.compile(
    r"\b(?:aan|in|op|bij|naar|via|over|langs) (?:de|het) (?P<street>[A-Z][\w-]*(?:straat|straatweg|weg|laan|"
    r"plein|gracht|kade|singel|dreef|steeg|dijk|markt|lei|vest|baan|wal))(?![\w-])")
# A street named without a number: "Scotland Road", "Hope Street" (not "the Road", "Wall").
_STREET_EN = re.compile(r"(?<![\w'’.-])(?:[NSEW] )?(?:(?:[A-Z][\w'’-]+|\d{1,3}(?:st|nd|rd|th)) ){1,2}"
                        r"(?:Street|Road|Lane|Avenue|Crescent|Terrace|Boulevard|Parade|Close|Drive|Quay|"
                        r"Wharf|Esplanade|(?<=\w )(?:St(?![\w.]*\s+[A-Z])|Rd|Ave|Blvd|Hwy))"
                        r"(?: (?:North|South|East|West))?(?![\w-])"
                        # "the Berry Street Education Model": an organisation's name
                        r"(?! (?:Education|Model|Program|Programme|Project|Foundation|Trust)\b)")
# "the Aylesbury Estate", "Jane and Finch" is no pattern: estates and housing schemes by name.
# A flat and the building or street after it: "Apt 14, Clarion Quay", "Flat 3, Kestrel House".
# "Apt 12, Block C, Clarion Quay", "Flat 2/1, 47 Maryhill Road" (a Glasgow tenement's floor/door)
_APARTMENT = re.compile(r"(?<![\w-])(?:Flat|Apt\.?|Apartment|Unit|Suite) \d+(?:/\d+)?[A-Za-z]?,"
                        r"(?: Block [A-Z0-9]{1,2},)? (?:\d+[A-Za-z]? )?(?:[A-Z][\w'’-]+ ){0,2}[A-Z][\w'’-]+")
# A case file, a health index or a claim by its number: "CAS file 18-20391", "NHI ZAC5361"
# (four digits or more, and a letter, a joint or five digits: "file 2" is a page, "case 2024"
# a year).
_CASE_FILE = re.compile(r"\b(?:file|case|case no\.?|case number|MRN|NHI|CHI|hospital (?:no\.?|number)|"
                        r"claim(?: no\.?| number)?|ref(?:erence)?(?: no\.?)?)\s*(?::|#|no\.?)?\s*"
                        r"(?P<code>(?=(?:[A-Z./-]*\d){4})(?=[A-Z0-9./-]*(?:[A-Z./-]|\d{5}))"
                        r"[A-Z0-9][A-Z0-9./-]*\d[A-Z0-9]*)(?![\w/-])",
                        re.IGNORECASE)
_ESTATE = re.compile(r"(?<![\w'’.-])(?!(?:Real|Council|Housing|The|Old|New|Our|Her|His|Their) )(?:[A-Z][\w'’-]+ ){1,3}(?:Estate|Flats|Towers|Court Flats|estate)(?![\w-])")
_SCHOOL_WORDS = (r"Primary|Secondary|High School|High|Elementary|Middle School|Academy|"
                 r"Grammar|Comprehensive|Community School|National School|Public School|"
                 r"Catholic School|Junior School|Infant School|School|College|CBS|NS|ETNS|"
                 r"Collegiate(?: Institute)?|Junior High|Senior High")
# "St. Mary's Primary", "Riverside Heights Secondary"; not "Royal College of Nursing".


def _named(words: str) -> str:
    """Up to three capitalised words (a saint's name first, perhaps), then one of ``words``."""
    return (r"(?<![\w'’.-])(?:(?:St\.?|Saint) )?(?:" + _CAP + r" ){1,3}(?:" + words
            + r")(?![\w-])")


_SCHOOL = re.compile(_named(_SCHOOL_WORDS) + r"(?! of\b)")
# Schools named in Irish, Welsh, te reo Māori or French, with the small words inside their names:
# "Scoil Mhuire gan Smál", "Te Kura Kaupapa Māori o Hoani Waititi", "École secondaire Jeanne-Mance".
_SCHOOL_IRISH = re.compile(
    r"(?<![\w-])(?:Scoil|Gaelscoil|Coláiste|Colaiste|Ysgol|Gaelcholáiste|Te Kura(?: Kaupapa Māori)?|"
    r"Kura Kaupapa Māori|Te Kura Tuarua|École(?: primaire| secondaire)?|Collège|Lycée|Cégep) "
    r"(?:o )?" + CAPITAL + r"[\w'’-]+(?: (?:(?:gan|na|an|ag|ar|i|ó|o|y|de|du|des|la|le) )?" + CAPITAL
    + r"[\w'’-]+){0,3}")
_CARE_WORDS = (r"Hospital|Infirmary|Medical Centre|Medical Center|Health Centre|Health Center|"
               r"Adolescent Unit|Psychiatric Unit|Inpatient Unit|Mother and Baby Unit|Lodge|"
               r"Nursing Home|Care Centre|Magistrates['’] Court|Crown Court|Family Court|Youth Court|"
               r"Medical Practice|Family Practice|Surgery|Clinic|Hospice|Care Home|Nursing Home|Prison|"
               r"Jail|Correctional Centre|Correctional Center|Correctional Facility|Detention Centre|"
               r"Youth Justice Centre|Remand Centre|Young Offender Institution|Local Court|"
               r"District Court|Circuit Court|County Court|Sheriff Court|Children['’]s Court|"
               r"JJC|YDC|YOI|STC|YJC|PICU")
_CARE = re.compile(_named(_CARE_WORDS))
# A hostel, a refuge or a project where someone stays, right after a word for where ("out of
# Seaton House", "at Dolphin House", "sleeping at Main Street Project"; not "an Open House").
_SHELTER = re.compile(r"\b(?:at|in|into|out of|to|from|leaving|left)\s+(?P<name>(?:[A-Z][\w'’-]+ ){1,3}"
                      r"(?:House|Project|Refuge|Shelter|Hostel))(?![\w-])")
# "St James's", "St. Vincent's", "Royal Melbourne": hospitals (and churches and schools) by name.
_SAINT = re.compile(r"(?<![\w-])(?:St\.?|Saint) [A-Z][a-z]+(?:['’]s)?(?: (?!Day\b)[A-Z][a-z]+)?"
                    r"(?![\w-])(?!(?:['’]s)? Day\b)")
_ROYAL = re.compile(r"(?<![\w-])Royal (?!(?:Commission|College|Society|Navy|Air|Mail|Family|Marines|"
                    r"Mint|Academy|Assent|Charter|Courts)\b)[A-Z][a-z]+(?: [A-Z][a-z]+)?(?![\w-])(?! of\b)")
# "the clinic at Vancouver General", "admitted to Toronto General Hospital"
_GENERAL = re.compile(r"\b(?:at|to|in|from|the) (?P<name>(?!Attorney|Surgeon|Secretary|Consul)[A-Z][a-z]+ "
                      r"General(?: Hospital)?)(?![\w-])")
# Where someone works, named after a word of work: "works nights at Tyson Foods", "got the job
# at Greggs", "a traineeship at Bunnings", "hired at Maple Leaf Foods", "the Fonterra plant".
# Not the writer's own work ("I work at…"), not an acronym of a public body ("at the NHS").
_EMPLOYER = re.compile(
    r"(?<!\bI )(?<!\bwe )\b(?:works?|working|worked|job|jobs|hired|employed|traineeship|"
    r"apprenticeship|shifts?|nights|nightshift|stacking shelves)\b(?: [a-z]+){0,2}? at (?:the )?"
    r"(?P<name>(?![A-Z]+\b|(?:Christmas|Xmas|Easter|New Year|Halloween|Thanksgiving|Diwali|Eid|"
    r"Ramadan|Weekends?|Night|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][\w'’&-]+(?: (?:&|and) [A-Z][\w'’-]+| [A-Z][\w'’-]+){0,3})")
# Where someone was admitted: "taken to Harbor-UCLA", "admitted to Royal Brisbane and Women's".
_ADMITTED = re.compile(
    r"\b(?:admitted|taken|transferred|sectioned|rushed|discharged)(?: \w+)?? (?:to|at|into|from) (?:the )?"
    r"(?P<name>(?![A-Z]+\b|A&E\b|(?:Ward|Unit|Hospital|Emergency|Court|Custody|Casualty|Theatre|"
    r"Resus|Jail|Prison|Police|Care|Respite|Foster)\b)[A-Z][\w'’-]+"
    r"(?: (?:and|&) [A-Z][\w'’-]+| [A-Z][\w'’-]+){0,3})")
# Streets of Wales and Ireland in their own language: "Heol y Nant", "14 Ard na Gréine".
_STREET_CELTIC = re.compile(
    r"(?<![\w-])(?:\d{1,4}[A-Za-z]? )?(?:Heol|Ffordd|Stryd|Lôn|Rhodfa|Bóthar|Sráid|Ascaill|Ard|Cnoc|"
    r"Páirc|Radharc|Cluain|Gort|Lios)(?: (?:na|an|y|yr|'r|ar|na h-|an t-))? [A-ZÁÉÍÓÚÂÊÎÔÛŴŶ][\w'’-]+")
# A prison by the Crown's name for it: "HMP Barlinnie", "HMYOI Polmont".
_HM_PRISON = re.compile(r"(?<![\w-])(?P<name>(?:HMP|HMYOI|HMP ?& ?YOI|HMP/YOI) [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)")
_WARD = re.compile(r"(?<![\w-])(?:[Ww]ard|[Aa]fdeling|[Uu]nit) \d{1,2}[A-Z]?(?: [A-Z][a-z]+)?(?![\w-])")
# UK plates since 2001 ("LK19 XRV"); Irish plates ("152-G-4471", "09-D-12345").
_PLATE_UK = re.compile(r"(?<![\w-])[A-Z]{2}\d{2} ?[A-Z]{3}(?![\w-])")
# US, Canadian, NZ and Australian plates are letters and digits in two or three groups: counted
# after a state or province ("Texas NKH-4728"; after "plate" or "rego" the Dutch patterns count
# them), or in brackets soon after such a word ("the rego of his mate's car (LKM482)").
_PLATE = (r"(?P<plate>(?=[A-Z0-9 -]{0,8}\d)(?=[0-9 -]{0,8}[A-Z])[A-Z0-9]{2,4}[- ]?[A-Z0-9]{2,4}"
          r"(?:[- ][A-Z]{2})?)")
_STATE = r"(?:\bTexas|\bCalifornia|\bOntario|\bQuebec|\bAlberta|\bFlorida|\bIllinois|\bNew York)"
_PLATE_AFTER = re.compile(_STATE + r"\s*:?\s*" + _PLATE + r"(?![\w-])")
_PLATE_BRACKETED = re.compile(r"(?:\b[Pp]lates?|\b[Rr]ego|\b[Rr]egistration)\b[^.!?\n()]{0,40}\("
                              + _PLATE + r"\)")
# Right after the vehicle it is on, or before the plates it is on: "Ex's car MKT482", "the
# truck, 8KJR214, CA plates".
_PLATE_VEHICLE = re.compile(r"\b(?:[Cc]ar|[Tt]ruck|[Uu]te|[Vv]an|[Vv]ehicle|[Mm]otorbike|SUV|[Ss]edan|[Pp]ickup)"
                            r"(?:['’]s)?,?\s+" + _PLATE + r"(?![\w-])")
_PLATE_BEFORE = re.compile(r"(?<![\w-])" + _PLATE + r",?\s+(?:[A-Z]{2,3}|[A-Z][a-z]+) plates\b")
_PLATE_IE = re.compile(r"(?<![\w-])\d{2,3}-(?:C|CE|CN|CW|D|DL|G|KE|KK|KY|L|LD|LH|LK|LM|LS|MH|MN|"
                       r"MO|OY|RN|SO|T|W|WH|WX|WW)-\d{1,6}(?![\w-])")
# Case references: letters and digits joined ("TCM-0448127", "2024-CW-118734",
# "AN.12.JR.4471/23"), with five digits in a row, or two joints and five digits (a plate
# such as "XK-482-B" has fewer); norms and codes of the field ("ISO-27001", "ICD-10") and a
# number after its name ("BSN-111222333") are no case.
_REFERENCE = re.compile(r"(?<![\w./-])(?=[A-Z0-9./-]*[A-Z])(?=[A-Z0-9./-]*\d{2})"
                        r"[A-Z0-9]+(?:[./-][A-Z0-9]+){1,4}(?![\w-]|[./]\w)")
_NORMS = re.compile(r"(?:ISO|NEN|EN|IEC|ICD|DSM|NHS|COVID|SARS|BSN|SSN|SIN|PPSN|IBAN|RRN|NI)\b")


# "The School rang", "Our GP Surgery": a word like these opens no name.
_NO_NAME = frozenset("the a an my our his her their this that your its de het een mijn onze".split())


def find(text: str) -> Iterator[PatternMatch]:
    """Every match of the English patterns (and Dutch streets without a number) in ``text``."""
    for m in _STREET_NL.finditer(text):
        yield PatternMatch("address", m.start("street"), m.end("street"), m.group("street"), "medium")
    for m in [*_PLATE_AFTER.finditer(text), *_PLATE_BRACKETED.finditer(text),
              *_PLATE_VEHICLE.finditer(text), *_PLATE_BEFORE.finditer(text)]:
        yield PatternMatch("license_plate", m.start("plate"), m.end("plate"), m.group("plate"), "medium")
    for m in [*_GENERAL.finditer(text), *_EMPLOYER.finditer(text), *_ADMITTED.finditer(text),
              *_HM_PRISON.finditer(text), *_SHELTER.finditer(text)]:
        yield PatternMatch("institution", m.start("name"), m.end("name"), m.group("name"), "medium")
    for pattern, kind, confidence in ((_ADDRESS, "address", "high"), (_STREET_EN, "address", "medium"),
                                      (_STREET_CELTIC, "address", "medium"), (_APARTMENT, "address", "medium"),
                                      (_ESTATE, "place", "medium"),
                                      (_SCHOOL, "school", "medium"), (_SCHOOL_IRISH, "school", "high"),
                                      (_CARE, "institution", "medium"), (_SAINT, "institution", "medium"),
                                      (_ROYAL, "institution", "medium"), (_WARD, "institution", "medium"),
                                      (_PLATE_UK, "license_plate", "medium"),
                                      (_PLATE_IE, "license_plate", "medium")):
        for m in pattern.finditer(text):
            words = m.group().split()
            while len(words) > 2 and words[0].lower() in _NO_NAME:
                words = words[1:]
            if words[0].lower() in _NO_NAME or (
                    kind in ("school", "institution") and all(w.isupper() for w in words[:-1])):
                continue  # "The School", "GP Surgery": no name in it
            start = m.end() - len(" ".join(words)) if len(words) < len(m.group().split()) else m.start()
            yield PatternMatch(kind, start, m.end(), text[start:m.end()], confidence)
    for m in _CASE_FILE.finditer(text):
        yield PatternMatch("dossier", m.start("code"), m.end("code"), m.group("code"), "medium")
    for m in _REFERENCE.finditer(text):
        code = m.group()
        joints = len(re.findall(r"[./-]", code))
        digits = sum(c.isdigit() for c in code)
        if _NORMS.match(code) or _PLATE_IE.fullmatch(code) or not (re.search(r"\d{5}", code) or (joints >= 2 and digits >= 5)):
            continue
        yield PatternMatch("dossier", m.start(), m.end(), code, "medium")
