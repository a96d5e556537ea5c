"""Every user-facing string, in one Dutch catalogue (an English one can sit beside it later).

Use :func:`t` with a key and named values. Domain errors carry their own key (see
``errors.py``), so the command line and the app show the same words for the same problem.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from typing import TYPE_CHECKING

from .errors import JournalError

if TYPE_CHECKING:
    from .prompts import PromptSetProblem
    from .balance import Balance
    from .due import DueItem

NL: dict[str, str] = {
    # -- entry kinds ---------------------------------------------------------------------
    "kind.case": "casusinbreng",
    "kind.reflection": "reflectie",
    "kind.learning_goals": "leervragen",
    "kind.evaluation": "evaluatie",
    "kind.note": "notitie",
    "kind.short.case": "Casus",
    "kind.short.reflection": "Reflectie",
    "kind.short.learning_goals": "Leervragen",
    "kind.short.evaluation": "Evaluatie",
    "kind.short.note": "Notitie",
    "weekday.0": "ma",
    "weekday.1": "di",
    "weekday.2": "wo",
    "weekday.3": "do",
    "weekday.4": "vr",
    "weekday.5": "za",
    "weekday.6": "zo",
    "link.meeting": "bijeenkomst {number}",
    "link.none": "Los, bij geen traject",
    # -- command line: help --------------------------------------------------------------
    "cli.description": "reflectiejournaal — een versleuteld reflectiejournaal voor supervisie, "
    "intervisie en werkbegeleiding. Zonder commando start de app.",
    "cli.epilog": "Uitvoer met --json is stabiel; zie README.md voor velden en exitcodes.",
    "argparse.usage": "gebruik: ",
    "argparse.positionals": "argumenten",
    "argparse.options": "opties",
    "argparse.help": "toon deze hulp en stop",
    "argparse.version": "toon het versienummer en stop",
    "argparse.error": "%(prog)s: fout: %(message)s\n",
    "argparse.argument": "%(argument_name)s: %(message)s",
    "argparse.unrecognized": "onbekende argumenten: %s",
    "argparse.required": "dit is verplicht: %s",
    "argparse.one_required": "een van deze is verplicht: %s",
    "argparse.not_allowed_with": "gaat niet samen met %s",
    "argparse.expected_one": "hier hoort een waarde bij",
    "argparse.expected_at_most_one": "hier hoort hoogstens één waarde bij",
    "argparse.expected_at_least_one": "hier hoort minstens één waarde bij",
    "argparse.expected_n": "hier horen %s waarden bij",
    "argparse.ambiguous": "%(option)s kan meerdere opties zijn: %(matches)s",
    "argparse.invalid_value": "ongeldige waarde: %(value)r",
    "argparse.invalid_choice": "onbekende keuze: %(value)r (kies uit %(choices)s)",
    "argparse.ignored_explicit": "deze optie neemt geen waarde: %r",
    "argparse.cannot_open": "kan '%(filename)s' niet openen: %(error)s",
    "cli.opt.vault": "de kluismap (standaard: $REFLECTIEJOURNAAL_VAULT of {default})",
    "cli.opt.passphrase_file": "lees de wachtwoordzin uit de eerste regel van dit bestand",
    "cli.opt.passphrase_fd": "lees de wachtwoordzin uit deze bestandsdescriptor",
    "cli.opt.new_passphrase_file": "lees de nieuwe wachtwoordzin uit dit bestand",
    "cli.opt.json": "uitvoer als JSON",
    "cli.opt.kind": "soort: casus, reflectie, leervragen, evaluatie of notitie (ook in het "
    "Engels: case, reflection, learning_goals, evaluation, note)",
    "cli.opt.tag": "label (herhaalbaar); bij edit vervangen deze labels de oude",
    "cli.opt.tags_all": "alleen teksten met dit label (herhaalbaar: met al deze labels)",
    "cli.opt.on": "alleen teksten van deze dag (2026-01-07, 7-1-2026, vandaag, gisteren)",
    "cli.opt.limit": "alleen de N nieuwste",
    "cli.opt.prompt_set": "de vragenset waarmee de tekst is geschreven (id, bv. reflectieverslag)",
    "cli.opt.title": "titel — of - om het te typen (niet zichtbaar in ps of je shellgeschiedenis)",
    "cli.opt.trajectory": "id van het traject",
    "cli.opt.meeting": "nummer van de bijeenkomst",
    "cli.opt.yes": "niet vragen om bevestiging",
    "cli.opt.out": "doelmap",
    "cli.opt.keep": "welke versie blijft: current (huidige), copy (de kopie) of both (beide)",
    "cli.cmd.init": "maak een nieuwe kluis; toont de herstelcode één keer",
    "cli.cmd.new": "nieuwe tekst (Markdown) vanaf standaardinvoer, of in een terminal in de "
    "schrijfomgeving van de app; toont het nieuwe id",
    "cli.cmd.list": "toon alle teksten, nieuwste eerst",
    "cli.cmd.show": "toon één tekst: kopgegevens en inhoud",
    "cli.cmd.edit": "wijzig een tekst: nieuwe inhoud vanaf standaardinvoer, of in een terminal "
    "in de schrijfomgeving van de app; met alleen --title of --tag blijft de inhoud",
    "cli.cmd.delete": "verwijder een tekst (vraagt om bevestiging)",
    "cli.cmd.search": "zoek in alle teksten (hoofdletters en accenten tellen niet)",
    "cli.cmd.passwd": "wijzig de wachtwoordzin",
    "cli.cmd.recover": "nieuwe wachtwoordzin instellen met de herstelcode",
    "cli.cmd.rekey": "vervang de sleutel van de kluis (met nieuwe herstelcode): een oude "
    "kopie van de kluis, je oude wachtwoordzin en je oude herstelcode openen daarna niets "
    "nieuws meer; maakt ook een onderbroken sleutelwissel af",
    "cli.cmd.recovery-code": "maak een nieuwe herstelcode; de oude werkt niet meer op deze "
    "kluis (wel op oude kopieën ervan: daarvoor is 'rekey')",
    "cli.cmd.check": "controleer elk bestand in de kluis",
    "cli.cmd.conflicts": "toon conflictkopieën van synchronisatieprogramma's",
    "cli.cmd.resolve": "los een conflictkopie op",
    "cli.cmd.export": "schrijf alles leesbaar weg (onversleuteld!): teksten als Markdown, "
    "trajecten, concepten en instellingen als JSON",
    "cli.cmd.import": "lees een export (of een map met Markdown-bestanden) in; ids blijven "
    "behouden, dus twee keer inlezen voegt niets toe",
    "cli.opt.export_out": "een nieuwe of lege map; - schrijft alle teksten als Markdown naar "
    "de standaarduitvoer",
    "cli.opt.with_clients": "ook je cliëntenlijst (echte namen!) meeschrijven",
    "cli.cmd.tags": "alle labels met het aantal teksten, meest gebruikt eerst",
    "cli.no_tags": "Nog geen labels.",
    "cli.cmd.unlock": "ontgrendel één keer per zitting: opdrachten vragen je wachtwoordzin niet "
    "meer tot je 'reflectiejournaal lock' typt of de kluis een tijd niet gebruikt",
    "cli.cmd.lock": "vergrendel: de sleutel van 'reflectiejournaal unlock' gaat uit het geheugen",
    "cli.opt.minutes": "na zoveel minuten zonder gebruik vergrendelt hij vanzelf (standaard 30)",
    "cli.agent_started": "Ontgrendeld. Opdrachten vragen je wachtwoordzin niet meer, tot "
    "{minutes} {minutes:minuut|minuten} zonder gebruik of 'reflectiejournaal lock'. De sleutel "
    "staat alleen in het geheugen, nergens op schijf.",
    "cli.agent_stopped": "Vergrendeld: de sleutel is uit het geheugen.",
    "cli.agent_none": "Er was niets ontgrendeld.",
    "cli.agent_failed": "Ontgrendelen voor deze zitting lukte niet: de map voor de sleutel is "
    "niet veilig (niet van jou, of open voor anderen), of de kluis veranderde intussen. "
    "Opdrachten vragen je wachtwoordzin dan gewoon elke keer.",
    "cli.agent_too_long": "Hoogstens {most} minuten (een dag): daarna vraagt hij je "
    "wachtwoordzin weer.",
    "cli.cmd.backup": "maak een back-up: de versleutelde kluis als één gecontroleerd bestand",
    "cli.cmd.restore": "zet een back-up terug in een nieuwe map (of met --replace over je "
    "kluis, die dan opzij wordt gezet); alles wordt eerst gecontroleerd",
    "cli.opt.backup_out": "het back-upbestand, bijvoorbeeld kluis-2026-11-23.rjbackup",
    "cli.arg.backup_file": "het back-upbestand",
    "cli.opt.replace": "een bestaande kluis vervangen (hij wordt hernoemd, niet verwijderd)",
    "cli.backup_written": "Back-up geschreven en gecontroleerd: {path} ({files} bestanden, "
    "{size}). Hij is versleuteld zoals je kluis; zonder wachtwoordzin of herstelcode is hij "
    "voor niemand te lezen.",
    "cli.backup_unreadable": "Let op: {name} was al niet te lezen; het staat zoals het is in de "
    "back-up.",
    "cli.restore_checked": "Back-up van {created} gecontroleerd: {files} bestanden, alles "
    "ongeschonden.",
    "cli.restore_target_taken": "In {path} staat al iets. Zet de back-up in een nieuwe map "
    "met --vault; staat daar een kluis, dan kun je die vervangen met --replace (hij wordt "
    "opzij gezet, niet verwijderd).",
    "error.restore_interrupted": "Geen kluis in {path}: een terugzetten is daar onderbroken. "
    "Je vorige kluis staat ongeschonden in {aside}. Hernoem die map terug naar {path}, of "
    "draai 'reflectiejournaal restore' opnieuw.",
    "cli.restore_moved_aside": "Je vorige kluis staat nu in {path}; verwijder die map pas als "
    "je zeker weet dat je hem niet meer nodig hebt.",
    "cli.restored": "Teruggezet in {path}: {files} bestanden. Je wachtwoordzin en herstelcode "
    "zijn die van het moment van de back-up.",
    "cli.cmd.traject": "trajecten: supervisie, intervisie, werkbegeleiding, coaching",
    "cli.traject.new": "nieuw traject met een voorgesteld schema; toont het id",
    "cli.traject.list": "toon de open trajecten (--all: ook gesloten en gearchiveerde)",
    "cli.traject.show": "toon een traject met zijn bijeenkomsten",
    "cli.traject.edit": "wijzig titel, begeleider, groepsgrootte of status",
    "cli.traject.meeting": "verplaats of markeer een bijeenkomst",
    "cli.traject.add_meeting": "voeg een bijeenkomst toe aan het eind; toont het nummer",
    "cli.cmd.due": "wat er te schrijven is voor je trajecten",
    "cli.cmd.intentions": "alle voornemens en gedragsexperimenten, open en besproken",
    "cli.cmd.hours": "contacturen voor (her)registratie",
    "cli.cmd.stats": "statistiek: teksten en woorden per maand, reeksen, balans van reflectie",
    "stats.summary": "{entries} {entries:tekst|teksten}, {words} {words:woord|woorden}; langste reeks {longest} "
    "{longest:week|weken} op rij, "
    "nu {current}.",
    "stats.entries": "teksten",
    "stats.words": "woorden",
    "stats.meetings": "{title}: {held} van {planned} {planned:bijeenkomst|bijeenkomsten} geweest",
    "stats.framework.nip": "Supervisie — vier aspecten (NIP), in {entries} {entries:tekst|teksten} met die vragenset:",
    "stats.framework.skj": "SKJ — drie reflectiedimensies, in {entries} {entries:tekst|teksten} met die vragenset:",
    "stats.untouched": "{aspect} kwam in {count:de laatste tekst|de laatste {count} teksten} niet aan bod.",
    "cli.opt.form": "vorm: supervisie, intervisie, werkbegeleiding, coaching, anders",
    "cli.opt.supervisor": "naam van de supervisor of de groep — of - om het te typen (niet zichtbaar in ps of je shellgeschiedenis)",
    "cli.opt.group_size": "aantal deelnemers",
    "cli.opt.start": "datum van de eerste bijeenkomst (2026-01-07 of 7-1-2026)",
    "cli.opt.meetings": "aantal bijeenkomsten (standaard per vorm)",
    "cli.opt.interval": "weken tussen bijeenkomsten (standaard per vorm)",
    "cli.opt.duration": "duur in minuten",
    "cli.opt.time": "tijd, bijvoorbeeld 19:30",
    "cli.opt.meeting_date": "datum van de bijeenkomst (2026-01-07 of 7-1-2026)",
    "cli.opt.role": "rol: kennismaking, klik, tussenevaluatie, eindevaluatie of regulier",
    "cli.opt.all": "ook gesloten en gearchiveerde trajecten",
    "cli.opt.status": "open, closed (afgesloten) of archived (gearchiveerd)",
    "cli.opt.meeting_status": "planned (gepland), attended (geweest) of cancelled (afgezegd)",
    "cli.opt.today": "rekenen alsof het vandaag deze datum is",
    "cli.opt.open": "alleen wat nog niet besproken is",
    "cli.opt.from": "vanaf deze datum",
    "cli.opt.to": "tot en met deze datum",
    "cli.opt.csv": "schrijf een CSV-bestand (voor een spreadsheet)",
    "cli.opt.markdown": "schrijf een Markdown-tabel (voor een portfolio)",
    "cli.arg.trajectory": "id van het traject (of een uniek begin ervan)",
    "cli.bad_date": "geen geldige datum: {value} (gebruik 2026-01-07, 7-1-2026, 7/1/2026, "
    "vandaag of gisteren)",
    "cli.bad_time": "geen geldige tijd: {value} (gebruik 19:30)",
    "cli.no_trajectories": "Nog geen trajecten. Maak er een met 'reflectiejournaal traject new'.",
    "cli.next_meeting": "  volgende: bijeenkomst {number} op {date}",
    "cli.nothing_due": "Er staat niets open.",
    "cli.no_intentions": "Nog geen voornemens.",
    "cli.hours_written": "{count} {count:bijeenkomst|bijeenkomsten} geschreven naar {path}.",
    "meeting.status.planned": "gepland",
    "meeting.status.attended": "geweest",
    "meeting.status.cancelled": "afgezegd",
    "meeting.status.past": "voorbij",
    "due.before": "{kind} voor bijeenkomst {meeting} van {title}: {when}",
    "due.after": "{kind} op bijeenkomst {meeting} van {title}: {when}",
    "due.today": "vandaag",
    "due.before_days": "{days:morgen|over {days} dagen}",
    "due.after_days": "{days:gisteren|{days} dagen geleden}",
    "due.started": " (begonnen)",
    "intention.open": "open",
    "intention.reviewed": "besproken",
    "hours.title": "Contacturen",
    "hours.total": "totaal",
    "hours.per": "per vorm, traject en jaar",
    "hours.from": "vanaf (bijv. 1-1-2026)",
    "hours.to": "tot en met",
    "hours.path": "bestand (zonder extensie)",
    "hours.csv": "Als CSV bewaren",
    "hours.markdown": "Als Markdown bewaren",
    "hours.note": "Alleen bijeenkomsten die plaatsvonden tellen: afgezegde nooit, geplande pas "
    "als hun datum voorbij is. Welke uren een register meetelt, verschilt per register en per "
    "regeling (NIP, SKJ, LVSC, NVO, BIG …): vaak tellen alleen bijeenkomsten met een "
    "geregistreerde supervisor, en intervisie telt meestal voor herregistratie. Controleer "
    "altijd de regeling van je eigen register; deze app belooft niet wat een register accepteert.",
    "intentions.title": "Voornemens",
    "intentions.count": "{count} {count:voornemen|voornemens}, waarvan {open} nog open",
    "intentions.col.date": "Datum",
    "intentions.col.trajectory": "Traject",
    "intentions.col.state": "Stand",
    "intentions.col.text": "Voornemen",
    "intentions.col.review": "Hoe het ging",
    "cli.cmd.bundle": "maak een bundel voor je supervisor, met cliëntgegevens vervangen",
    "cli.cmd.clients": "je eigen lijst van cliëntnamen, roepnamen en schuilnamen (blijft in de "
    "kluis)",
    "cli.clients.list": "toon de lijst",
    "cli.clients.add": "voeg een naam toe (of wijzig schuilnaam en roepnamen)",
    "cli.opt.pseudonym": "de schuilnaam in bundels (leeg: Cliënt A, Cliënt B … per bundel)",
    "cli.opt.nickname": "een roepnaam of koosnaam, bijvoorbeeld Mo voor Mohammed (herhaalbaar) — of - om het te typen (niet zichtbaar in ps of je shellgeschiedenis)",
    "cli.arg.client_name": "de naam van de cliënt — of - om het te typen (niet zichtbaar in ps of je shellgeschiedenis)",
    "cli.clients.remove": "haal een naam van de lijst",
    "cli.opt.entry": "id van een tekst (herhaalbaar)",
    "cli.opt.meetings_range": "alleen deze bijeenkomsten, bijvoorbeeld 1-4",
    "cli.opt.bundle_out": "het bestand om te schrijven",
    "cli.opt.bundle_format": "html-encrypted (standaard: een verzegelde pagina die je supervisor "
    "met de bundelcode in de browser opent), html of md (leesbaar: alleen voor een veilig "
    "kanaal)",
    "cli.opt.check": "toon alleen de vondsten; exitcode 9 als er vondsten zijn",
    "cli.opt.replace_all": "vervang elke open vondst door de schuilnaam of een aanduiding als "
    "[naam] (de naam van jou en je supervisor blijft staan)",
    "cli.opt.keep_findings": "schrijf de bundel met de open vondsten zoals ze zijn (bewuste keuze)",
    "cli.opt.supervisant": "jouw naam op de bundel — of - om het te typen (niet zichtbaar in ps of je shellgeschiedenis)",
    "cli.opt.note": "een korte begeleidende notitie — of - om het te typen (niet zichtbaar in ps of je shellgeschiedenis)",
    "cli.bad_range": "geen geldige reeks: {value} (gebruik bijvoorbeeld 1-4)",
    "cli.entity": "{label} → {replacement}  ({kind}, zekerheid {confidence}, {count}×)",
    "cli.entity_finding": "    {where}: {context}",
    "cli.findings_count": "{count} {count:vondst|vondsten} over {entities} "
    "{entities:persoon of gegeven|personen of gegevens}.",
    "cli.preparing": "De woordenlijsten voor namen, plaatsen en instellingen worden eenmalig "
    "klaargezet (ongeveer een minuut)…",
    "cli.preparing_progress": "\r  {percent:3d}%",
    "cli.prepared": "De woordenlijsten staan klaar.",
    "cli.findings_open": "{count} {count:vondst die|vondsten die} naar een cliënt {count:kan|kunnen} leiden. Kies "
    "--replace-all om ze te vervangen, of --keep-findings om ze bewust te laten staan. Er is "
    "niets geschreven.",
    "cli.bundle_empty": "Er zijn geen teksten die bij deze keuze passen; er is niets geschreven.",
    "cli.bundle_written": "Bundel met {count} {count:tekst|teksten} geschreven naar {path}.",
    "cli.bundle_sha256": "SHA-256: {digest}",
    "cli.bundle_code": "Bundelcode: {code}",
    "cli.bundle_code_hint": "Geef de bundelcode langs een andere weg dan het bestand (telefoon, "
    "persoonlijk). Hij wordt maar één keer getoond.",
    "finding.name": "naam van je lijst",
    "finding.person": "persoon",
    "finding.place": "plaats",
    "finding.address": "adres",
    "finding.postcode": "postcode",
    "finding.institution": "instelling",
    "finding.school": "school",
    "finding.phone": "telefoonnummer",
    "finding.email": "e-mailadres",
    "finding.url": "link",
    "finding.handle": "account op sociale media",
    "finding.bsn": "BSN",
    "finding.rrn": "rijksregisternummer",
    "finding.iban": "IBAN",
    "finding.birth_date": "geboortedatum",
    "finding.dossier": "dossiernummer",
    "finding.license_plate": "kenteken",
    "confidence.high": "hoog",
    "confidence.medium": "middel",
    "confidence.low": "laag",
    "part.title": "titel van ‘{title}’",
    "part.body": "tekst van ‘{title}’",
    "part.tags": "labels van ‘{title}’",
    "part.trajectory_title": "titel van het traject",
    "part.supervisant": "jouw naam",
    "part.supervisor": "naam van je supervisor",
    "part.note": "begeleidende notitie",
    "cli.arg.id": "id van de tekst (of een uniek begin ervan, minstens 4 tekens)",
    "cli.arg.query": "zoekwoorden; een woordgroep tussen aanhalingstekens binnen "
    "aanhalingstekens: '\"van grenzen stellen\"'  — of - om het te typen (niet zichtbaar in ps of je shellgeschiedenis)",
    "cli.prompt.asked": "{what}: ",
    "cli.arg.dir": "de exportmap, of een map met Markdown-bestanden",
    "cli.arg.copy": "bestandsnaam van de conflictkopie",
    # -- command line: prompts and reports -------------------------------------------------
    "cli.app_needs_terminal": "De app heeft een terminal nodig. Voor scripts zijn er de "
    "commando's: zie 'reflectiejournaal --help'.",
    "cli.app_no_passphrase_options": "De app vraagt de wachtwoordzin zelf; "
    "--passphrase-file en --passphrase-fd zijn voor de commando's.",
    "cli.prompt.passphrase": "Wachtwoordzin: ",
    "cli.prompt.new_passphrase": "Nieuwe wachtwoordzin: ",
    "cli.prompt.repeat_passphrase": "Herhaal de wachtwoordzin: ",
    "cli.prompt.recovery_code": "Herstelcode: ",
    "cli.prompt.retype_recovery": "Typ de herstelcode over ter controle: ",
    "cli.prompt.confirm_remove_client": "‘{name}’ van je namenlijst halen? Hij wordt dan niet "
    "meer herkend in bundels. [j/N] ",
    "cli.not_removed": "Niets van de namenlijst gehaald.",
    "cli.prompt.confirm_delete": "‘{title}’ ({id}) definitief verwijderen? [j/N] ",
    "cli.prompt.body": "Typ of plak de tekst (Markdown); sluit af met Ctrl-D.",
    "cli.passphrase_mismatch": "De wachtwoordzinnen zijn niet gelijk. Probeer het opnieuw.",
    "cli.passphrase_too_weak": "Deze wachtwoordzin is te makkelijk te raden. Kies een zin van "
    "een paar woorden die niet bij elkaar horen: sterk en goed te onthouden.",
    "cli.recovery_retype_mismatch": "Dat is niet dezelfde herstelcode. Kijk nog eens goed.",
    "cli.calibrating": "Sleutelafleiding afstemmen op deze computer…",
    "cli.unlocking": "Kluis openen…",
    "cli.created": "Kluis gemaakt in {path}.",
    "cli.recovery_cleared": "De herstelcode staat niet meer op je scherm; bewaar je papiertje goed.",
    "cli.recovery_intro": "Dit is je herstelcode. Hij wordt maar één keer getoond.\n"
    "Schrijf hem op papier en bewaar hem veilig: zonder wachtwoordzin én zonder "
    "herstelcode is je journaal voor niemand meer te lezen.",
    "cli.deleted": "Verwijderd: {id}",
    "cli.not_deleted": "Niets verwijderd.",
    "cli.passphrase_changed": "De wachtwoordzin is gewijzigd. De teksten zelf zijn niet "
    "opnieuw versleuteld en bleven ongewijzigd.\nDenk je dat iemand je oude wachtwoordzin kent "
    "en een oude kopie van de kluis heeft (een back-up, de geschiedenis van je "
    "synchronisatiedienst)? Voer dan ook 'reflectiejournaal rekey' uit.",
    "cli.rekey_intro": "De kluis krijgt een nieuwe sleutel en je krijgt een nieuwe herstelcode. "
    "Je wachtwoordzin blijft dezelfde.",
    "cli.rekey_resuming": "Een onderbroken sleutelwissel wordt afgemaakt (de nieuwe herstelcode "
    "heb je al gekregen).",
    "cli.rekey_busy": "Alle bestanden opnieuw versleutelen… (onderbreken mag: 'rekey' gaat "
    "later verder waar hij was)",
    "cli.rekeyed": "Sleutel vervangen; {count} {count:bestand|bestanden} opnieuw versleuteld. Je oude "
    "herstelcode en oude kopieën van de kluis openen niets meer van wat je vanaf nu schrijft.",
    "cli.rekey_unreadable": "Niet opnieuw versleuteld (onleesbaar): {name}",
    "cli.rekey_left_old": "Niet opnieuw versleuteld, want geschreven met een oudere sleutel: "
    "{name}. Kijk het na met 'reflectiejournaal check'.",
    "cli.rekey_old_key_first": "Eerst nakijken: er staan teksten in je kluis die met een oude "
    "sleutel geschreven zijn ('reflectiejournaal check'). Houd of verwijder ze; opnieuw "
    "versleutelen zou ze op jouw eigen teksten laten lijken.",
    "rekey.old_key_first": "Bekijk eerst wat onder ‘Let op’ met een oude sleutel geschreven "
    "staat: houd of verwijder het. Opnieuw versleutelen zou het op je eigen teksten laten "
    "lijken.",
    "cli.recovery_replaced": "Nieuwe herstelcode ingesteld; de oude opent deze kluis niet meer. "
    "Een oude kopie van de kluis opent hij nog wel: wil je ook dat uitsluiten, gebruik dan "
    "'reflectiejournaal rekey'.",
    "cli.recovered": "Nieuwe wachtwoordzin ingesteld met de herstelcode. De herstelcode "
    "blijft geldig; 'reflectiejournaal recovery-code' geeft je een nieuwe.",
    "cli.no_entries": "Nog geen teksten.",
    "cli.no_matching_entries": "Geen teksten die hierbij passen.",
    "cli.from_after_to": "--from ({start}) ligt na --to ({end}): zo past er niets tussen.",
    "cli.not_saved_kept_as_draft": "Niet als tekst opgeslagen. Wat je schreef staat als "
    "concept klaar in de app (reflectiejournaal).",
    "cli.not_saved": "Niet opgeslagen; er is niets bewaard.",
    "write.saved_as_new": "‘{title}’ was intussen ergens anders verwijderd. Jouw versie is "
    "bewaard als nieuwe tekst.",
    "cli.restored_same_id": "Let op: dit is een kopie van je kluis, met hetzelfde kluis-id. "
    "Gebruik hem in plaats van het origineel, niet ernaast op dit apparaat: anders meldt "
    "'check' teksten als verdwenen of teruggezet. Wilde je alleen iets terugzien, verwijder de "
    "kopie daarna.",
    "reason.meeting_date": "{value} valt buiten de jaren {low}–{high}",
    "cli.did_you_mean": "Bedoel je ‘{name}’?",
    "cli.out_is_folder": "{path} is een map: geef een bestandsnaam.",
    "cli.out_exists": "{path} bestaat al en is niet overschreven. Kies een andere naam, of "
    "geef --overwrite.",
    "cli.prompt.overwrite": "{path} bestaat al. Overschrijven? [j/N] ",
    "cli.opt.overwrite": "een bestaand bestand overschrijven zonder te vragen",
    "cli.bad_positive": "{value} kan niet: geef een getal van 1 of meer",
    "cli.no_results": "Niets gevonden voor ‘{query}’.",
    "cli.search_needs_something": "Geef zoekwoorden, een filter, of beide.",
    "cli.check_ok": "{count:Het ene bestand is|Alle {count} bestanden zijn} in orde.",
    "cli.check_damaged": "Beschadigd of niet van deze kluis: {name} ({reason})",
    "cli.check_damaged_hint": "Wat je kunt doen: haal het bestand terug uit een back-up "
    "('reflectiejournaal restore') of uit de vorige versies van je sync-dienst. Lukt dat niet, "
    "verwijder het dan met 'reflectiejournaal delete <naam>'; de rest van je kluis blijft "
    "gewoon te lezen.",
    "cli.prompt.confirm_delete_damaged": "{name} is niet te lezen. Definitief verwijderen? [j/N] ",
    "cli.deleted_damaged": "Beschadigd bestand {name} verwijderd.",
    "cli.check_summary": "{damaged} van {count} bestanden {damaged:is|zijn} niet te lezen; de overige "
    "zijn in orde.",
    "cli.conflict_line": "Conflictkopie {name} van {id}: huidige versie {current}, kopie {theirs}",
    "cli.conflict_hint": "Kies per kopie met 'reflectiejournaal resolve NAAM --keep "
    "current|copy|both'. Er wordt niets weggegooid zonder dat je kiest.",
    "cli.no_conflicts": "Geen conflictkopieën.",
    "cli.resolved": "Conflict opgelost: {name}",
    "cli.warn_damaged": "Let op: {count} {count:bestand kon|bestanden konden} niet worden gelezen; "
    "'reflectiejournaal check' noemt {count:het|ze}.",
    "cli.warn_conflicts": "Let op: {count} {count:conflictkopie|conflictkopieën} gevonden; zie "
    "'reflectiejournaal conflicts'.",
    "cli.warn_anomalies": "Let op: in je kluis is {count} keer iets teruggezet, teruggekomen, "
    "verdwenen of met een oude sleutel geschreven; 'reflectiejournaal check' noemt het.",
    "cli.warn_seen": "Let op: wat dit apparaat van je kluis zag, kon niet worden bewaard (map "
    "{path}); een teruggezet bestand wordt dan niet opgemerkt.",
    "cli.anomaly_rollback": "Teruggezet naar een oudere versie: {what} ({id}): nu versie "
    "{version}, op dit apparaat al versie {seen} gezien.",
    "cli.anomaly_resurrected": "Teruggekomen na verwijderen: {what} ({id}).",
    "cli.anomaly_vanished": "Verdwenen zonder dat het verwijderd werd: {id} (versie {seen} "
    "gezien op dit apparaat).",
    "cli.anomaly_old_key": "Met een oude sleutel geschreven na de sleutelwissel: {what} ({id}): "
    "door een apparaat dat de wissel nog niet kende, of door iemand die de oude sleutel kent.",
    "cli.anomaly_key_rollback": "De kop van je kluis is teruggezet naar die van vóór een "
    "sleutelwissel: je oude wachtwoordzin en herstelcode openen hem weer. Vervang de sleutel "
    "opnieuw ('reflectiejournaal rekey'), of houd het zo als je zelf een oude back-up "
    "terugzette ('reflectiejournaal check --accept sleutel').",
    "cli.check_anomaly_hint": "Dit kan een teruggezette back-up zijn, een synchronisatiedienst "
    "die oude bestanden terugzet, of iemand die aan je kluismap komt. Er is niets aan "
    "veranderd; een nieuwere versie die niet meer in je kluis staat, zit misschien nog in je "
    "back-up of in de geschiedenis van je synchronisatiedienst. Houd wat er nu staat met "
    "'reflectiejournaal check --accept ID'; verwijder een teruggekomen of met een oude sleutel "
    "geschreven tekst met 'reflectiejournaal delete ID'.",
    "cli.check_accepted": "Bewaard zoals het nu is: {id}",
    "cli.check_no_anomaly": "Niets teruggezet, teruggekomen of verdwenen met id {id}.",
    "cli.check_rekey_pending": "Een sleutelwissel is onderbroken; 'reflectiejournaal rekey' "
    "maakt hem af.",
    "cli.opt.replace_unfinished": "vervang een onafgemaakte sleutelwissel die je "
    "wachtwoordzin niet opent (wat daaronder versleuteld werd, blijft onleesbaar)",
    "cli.opt.accept": "houd een teruggezet, teruggekomen of verdwenen bestand zoals het nu is "
    "(id of begin ervan; mag vaker)",
    "app.header_changed": "Je kluis is op een ander apparaat gewijzigd (wachtwoordzin, "
    "herstelcode of sleutel) en daarom vergrendeld. Open hem opnieuw; wat je schreef, staat "
    "bij je concepten.",
    "dashboard.attention": "Let op",
    "dashboard.seen_unsaved": "Wat dit apparaat van je kluis zag, kon niet worden bewaard "
    "({path}); een teruggezet bestand wordt zo niet opgemerkt.",
    "dashboard.attention_found": "Er is iets in je kluismap veranderd dat je zelf moet bekijken: "
    "zie ‘Let op’.",
    "attention.rollback": "Teruggezet naar een oudere versie: {what}",
    "attention.resurrected": "Teruggekomen na verwijderen: {what}",
    "attention.vanished": "Verdwenen zonder dat je het verwijderde: {what}",
    "attention.old_key": "Met een oude sleutel geschreven: {what}",
    "attention.key_rollback": "Je kluis staat weer op een sleutel van vóór je sleutelwissel",
    "attention.unopened_rekey": "Een onafgemaakte sleutelwissel die je wachtwoordzin niet opent",
    "attention.unopened_rekey_help": "In je kluis staat een onafgemaakte sleutelwissel die je "
    "wachtwoordzin niet opent: van een ander apparaat met een andere wachtwoordzin, of van "
    "iemand die aan je kluismap komt. Er is niets veranderd, en wat je schrijft gaat niet "
    "onder die sleutel. Heb je de nieuwe herstelcode van die wissel, open de kluis dan "
    "daarmee. Anders: 'reflectiejournaal rekey --replace-unfinished'.",
    "attention.rekey": "Een sleutelwissel werd onderbroken: kies dit om hem af te maken",
    "attention.damaged": "{count} {count:bestand in je kluis kon|bestanden in je kluis konden} niet worden gelezen",
    "attention.conflicts": "{count} {count:conflictkopie|conflictkopieën}: twee versies van een tekst",
    "attention.damaged_help": "Deze bestanden zijn beschadigd, onvolledig gesynchroniseerd of "
    "niet van deze kluis. Er is niets aan veranderd. 'reflectiejournaal check' noemt ze; zet "
    "ze zo nodig terug uit een back-up.",
    "attention.conflicts_help": "Van dezelfde tekst zijn twee versies bewaard: je "
    "synchronisatiedienst maakte een kopie, of de tekst werd op twee plekken tegelijk gewijzigd "
    "(de app en de opdrachtregel). 'reflectiejournaal conflicts' toont beide en "
    "'reflectiejournaal resolve BESTAND --keep current|copy|both' laat je kiezen; er wordt "
    "niets weggegooid zonder dat jij kiest.",
    "anomaly.title.rollback": "Teruggezet naar een oudere versie",
    "anomaly.title.resurrected": "Teruggekomen na verwijderen",
    "anomaly.title.vanished": "Verdwenen",
    "anomaly.delete": "Verwijderen",
    "anomaly.rollback": "{what} staat nu op versie {version}; op dit apparaat zag je al versie "
    "{seen}. Dat gebeurt als een back-up of je synchronisatiedienst een oud bestand terugzet, "
    "of als iemand aan je kluismap komt. De nieuwere versie staat niet meer in je kluis; "
    "misschien nog in je back-up of in de geschiedenis van je synchronisatiedienst (zet dat "
    "bestand terug in de map ‘items’ van je kluis). Of houd deze versie.",
    "anomaly.title.old_key": "Met een oude sleutel geschreven",
    "anomaly.old_key": "{what} is na je sleutelwissel geschreven met de oude sleutel. Dat doet "
    "een apparaat dat nog openstond tijdens de wissel, of iemand die de oude sleutel kent "
    "(met je oude wachtwoordzin of herstelcode en een oude kopie van je kluis). Herken je het "
    "als het jouwe, houd het dan: het wordt opnieuw versleuteld. Anders: verwijderen.",
    "anomaly.title.key_rollback": "Een oude sleutel is terug",
    "anomaly.key_rollback": "Je kluis staat weer op een sleutel van vóór je laatste "
    "sleutelwissel: je oude wachtwoordzin en herstelcode openen hem weer, en wat je nu "
    "schrijft ook. Dat gebeurt als een oude back-up of je synchronisatiedienst de hele kluis "
    "terugzet, of als iemand dat doet. Vervang de sleutel opnieuw (Instellingen → Sleutel "
    "vervangen). Zette je zelf een oude back-up terug, dan kun je het zo houden.",
    "anomaly.accept_key_rollback": "Ik zette zelf een back-up terug",
    "anomaly.view": "Bekijken",
    "anomaly.kept": "Bewaard zoals het nu is.",
    "anomaly.discarded": "Verwijderd.",
    "anomaly.resurrected": "Je had {what} verwijderd, maar het oude bestand staat weer in je "
    "kluis (een back-up, je synchronisatiedienst, of iemand anders). Houden of opnieuw "
    "verwijderen?",
    "anomaly.vanished": "Een {what} ({id}) dat op dit apparaat bekend was (versie {seen}), staat niet "
    "meer in je kluis, en je hebt het niet verwijderd. Zet het zo nodig terug uit een back-up; "
    "of neem het verlies voor lief.",
    "anomaly.accept": "Houden zoals het is",
    "anomaly.accept_vanished": "Het is goed zo",
    "anomaly.discard": "Opnieuw verwijderen",
    "anomaly.later": "Later",
    "item.unknown": "bestand",
    "item.entry": "tekst",
    "item.draft": "concept",
    "item.clients": "je cliëntenlijst",
    "item.settings": "je instellingen",
    "item.trajectory": "een traject",
    "item.deleted": "een verwijdering",
    "cli.warn_cache": "Let op: de zoekcache kon niet worden bewaard; de volgende keer wordt "
    "hij opnieuw opgebouwd.",
    "cli.exported": "{count} {count:tekst|teksten}, {trajectories} "
    "{trajectories:traject|trajecten}, {drafts} {drafts:concept|concepten} en je instellingen "
    "geschreven naar {path}.",
    "cli.exported_clients": "Ook je cliëntenlijst: {count} {count:naam|namen} in clienten.json.",
    "cli.export_clients_warning": "Je vraagt om je cliëntenlijst: de echte namen van je "
    "cliënten komen onversleuteld in de export. Doe dit alleen op een versleutelde schijf.",
    "cli.export_skipped_damaged": "Niet geëxporteerd: {name} is niet te lezen ('reflectiejournaal "
    "check' zegt wat je kunt doen).",
    "cli.export_needs_out": "Kies met --out een nieuwe of lege map voor de export (of - voor "
    "de standaarduitvoer).",
    "error.damaged_backup": "{path} is geen bruikbare back-up van reflectiejournaal ({reason}). "
    "Er is niets veranderd.",
    "error.changed_elsewhere": "Dit is intussen ook ergens anders gewijzigd (op de "
    "opdrachtregel of op een ander apparaat). Er is niets overschreven: jouw versie staat "
    "ernaast als conflictkopie ({copy}). 'reflectiejournaal conflicts' toont beide versies; "
    "met 'reflectiejournaal resolve' kies je welke blijft, of houd je beide.",
    "error.changed_elsewhere_not_deleted": "Dit is intussen ergens anders gewijzigd (op de "
    "opdrachtregel of op een ander apparaat) en daarom niet verwijderd. Bekijk het en probeer "
    "het opnieuw.",
    "error.target_not_empty": "In {path} staat al iets: dit komt in een nieuwe of lege map, "
    "zodat er niets door elkaar raakt of overschreven wordt.",
    "error.source_missing": "{path} bestaat niet of is niet wat hier hoort (een map voor import, "
    "een bestand voor restore): er is niets om in te lezen.",
    "cli.export_warning": "Let op: deze bestanden zijn NIET versleuteld. Bewaar of verwijder "
    "ze zorgvuldig.",
    "cli.imported": "Ingelezen: {new} nieuw, {updated} bijgewerkt, {same} ongewijzigd, "
    "{older} overgeslagen (kluis had een nieuwere versie).",
    "cli.import_failed": "Niet ingelezen: {name}: {reason}",
    "cli.import_older": "Niet ingelezen: {name}: je kluis heeft een nieuwere versie van deze tekst.",
    "cli.import_new_id": "{name}: had geen bruikbaar id of botste met een andere tekst; "
    "ingelezen met een eigen id.",
    "cli.import_kept_ours": "Niet overgenomen: {name} verschilt van wat in je kluis staat; "
    "je kluis houdt zijn eigen versie.",
    "cli.imported_more": "Verder: {trajectories} {trajectories:traject|trajecten}, {drafts} "
    "{drafts:concept|concepten}, {clients} {clients:naam|namen} voor je cliëntenlijst"
    "{settings}.",
    "cli.imported_settings": " en je instellingen",
    "cli.empty_input": "Lege invoer: er is niets opgeslagen.",
    "cli.unreadable_version": "onleesbaar",
    "cli.missing_version": "ontbreekt",
    "cli.interrupted": "Afgebroken; er is niets gewijzigd dat niet al was opgeslagen.",
    "cli.no_terminal": "Geen terminal om de wachtwoordzin te vragen. Gebruik "
    "--passphrase-file of --passphrase-fd.",
    "cli.needs_yes": "Bevestiging nodig: voeg --yes toe om zonder vraag te verwijderen.",
    "cli.bad_passphrase_source": "Kan de wachtwoordzin niet lezen uit {source}: {reason}",
    "cli.bad_export_dir": "Kan niet schrijven in {path}: {reason}",
    "cli.unexpected": "Er ging iets onverwachts mis ({kind}). Er is niets gewijzigd dat niet "
    "al was opgeslagen. Meld dit graag, zonder inhoud van je journaal.",
    # -- the app: general -----------------------------------------------------------------------
    "app.title": "reflectiejournaal",
    "app.unexpected": "reflectiejournaal stopte door een onverwachte fout ({kind}). Wat je nog "
    "niet had opgeslagen, staat als concept in je kluis. Meld dit graag, zonder inhoud van je "
    "journaal.",
    "app.binding.help": "Help",
    "app.binding.lock": "Vergrendel",
    "app.binding.quit": "Afsluiten",
    "app.binding.back": "Terug",
    "app.locked": "De kluis is vergrendeld na {minutes} {minutes:minuut|minuten} zonder activiteit. "
    "Wat je aan het schrijven was, is als concept bewaard.",
    "app.prompt_problem": "Een vragenset is overgeslagen: {problem}",
    "app.keymap_problem": "Het toetsenbestand {path} is niet gebruikt: {problem}",
    "app.cmd.case": "Casus voor de volgende bijeenkomst",
    "app.cmd.case.help": "Een casus schrijven voor de volgende bijeenkomst",
    "app.cmd.reflection": "Reflectie op de laatste bijeenkomst",
    "app.cmd.reflection.help": "Reflecteren op de laatste bijeenkomst",
    "app.cmd.new": "Andere tekst",
    "app.cmd.new.help": "Kies soort en vragenset",
    "app.cmd.entries": "Alle teksten",
    "app.cmd.entries.help": "Lijst met filter op soort en label",
    "app.cmd.dashboard": "Overzicht",
    "app.cmd.dashboard.help": "Terug naar het overzicht",
    "app.cmd.settings": "Instellingen",
    "app.cmd.settings.help": "Wachtwoordzin, automatisch vergrendelen, thema",
    "app.cmd.lock": "Vergrendelen",
    "app.cmd.lock.help": "Sleutels uit het geheugen; concept bewaard",
    "app.cmd.trajectory": "Nieuw traject",
    "app.cmd.trajectory.help": "Supervisie, intervisie, werkbegeleiding of coaching",
    "app.cmd.intentions": "Voornemens",
    "app.cmd.intentions.help": "Alle voornemens en gedragsexperimenten",
    "app.cmd.hours": "Contacturen",
    "app.cmd.hours.help": "Uren voor (her)registratie, als CSV of Markdown",
    "app.cmd.bundle": "Bundel voor je supervisor",
    "app.cmd.bundle.help": "Kiezen, cliëntgegevens controleren, versleuteld of als Markdown",
    "app.cmd.clients": "Namenlijst",
    "app.cmd.clients.help": "Cliëntnamen en hun schuilnamen, voor de controle van bundels",
    "app.cmd.search": "Zoeken",
    "app.cmd.search.help": "In alle teksten, met filters",
    "app.cmd.timeline": "Tijdlijn",
    "app.cmd.timeline.help": "Alle teksten per jaar en maand, of per traject",
    "app.cmd.review": "Terugkijken",
    "app.cmd.review.help": "Statistiek, balans van reflectie en thema's door de jaren",
    "app.binding.palette": "opdrachten",
    "palette.placeholder": "Zoek een opdracht…",
    "palette.no_matches": "Niets gevonden",
    "theme.textual-dark": "Donker",
    "theme.textual-light": "Licht",
    "theme.ansi-dark": "Donker, de kleuren van je terminal",
    "theme.ansi-light": "Licht, de kleuren van je terminal",
    "theme.solarized-dark": "Zacht donker (Solarized)",
    "theme.solarized-light": "Zacht licht (Solarized)",
    "theme.nord": "Koel blauwgrijs (Nord)",
    "theme.gruvbox": "Warm bruin (Gruvbox)",
    "theme.flexoki": "Papier (Flexoki)",
    "theme.catppuccin-latte": "Pastel licht (Catppuccin)",
    "theme.catppuccin-mocha": "Pastel donker (Catppuccin)",
    "theme.rose-pine-dawn": "Roze licht (Rosé Pine)",
    "theme.tokyo-night": "Nachtblauw (Tokyo Night)",
    "theme.dracula": "Paars donker (Dracula)",
    "app.cmd.theme": "Thema (kleuren)",
    "app.cmd.theme.help": "Kies donker, licht of een ander kleurenschema in de instellingen",
    "app.cmd.quit": "Afsluiten",
    "app.cmd.quit.help": "Sluit de app; wat je aan het schrijven was, blijft als concept",
    "app.cmd.help": "Help",
    "app.cmd.help.help": "Toetsen en het ritme van supervisie",
    "app.cmd.key": "toets {key}",
    # -- unlock and create -----------------------------------------------------------------------
    "unlock.title": "Kluis openen",
    "unlock.intro": "Typ je wachtwoordzin om je journaal te openen.",
    "unlock.placeholder": "wachtwoordzin",
    "unlock.button": "Openen",
    "unlock.busy": "Sleutel afleiden… (dit duurt bewust even)",
    "unlock.recover_hint": "Wachtwoordzin kwijt? Gebruik je herstelcode: "
    "reflectiejournaal recover",
    "create.title": "Nieuwe kluis",
    "create.intro": "Welkom. Je journaal wordt versleuteld bewaard in {path}.\n"
    "Kies een wachtwoordzin: een zin van een paar woorden is sterk en goed te onthouden. "
    "Zonder wachtwoordzin of herstelcode kan niemand je journaal lezen — ook wij niet.",
    "create.passphrase": "wachtwoordzin",
    "create.repeat": "herhaal de wachtwoordzin",
    "create.button": "Verder",
    "create.strength": "Sterkte: {label}",
    "create.strength.0": "zeer zwak",
    "create.strength.1": "zwak",
    "create.strength.2": "redelijk",
    "create.strength.3": "sterk",
    "create.strength.4": "zeer sterk",
    "create.too_weak": "Deze wachtwoordzin is te makkelijk te raden. Maak hem langer, "
    "bijvoorbeeld met een paar extra woorden.",
    "create.mismatch": "De twee wachtwoordzinnen zijn niet gelijk.",
    "create.busy": "Kluis maken en sleutelafleiding afstemmen…",
    "recovery.title": "Je herstelcode",
    "recovery.intro": "Schrijf deze code op papier en bewaar hem op een veilige plek. Hij wordt "
    "maar één keer getoond. Ben je je wachtwoordzin kwijt, dan is dit de enige weg terug.",
    "recovery.retype": "Typ de herstelcode over ter controle",
    "recovery.button": "Ik heb hem opgeschreven",
    "recovery.mismatch": "Dat is niet dezelfde code. Kijk nog eens goed naar elk groepje.",
    # -- dashboard -------------------------------------------------------------------------------
    "dashboard.title": "Overzicht",
    "dashboard.binding.case": "Casus",
    "dashboard.binding.reflection": "Reflectie",
    "dashboard.binding.new": "Andere tekst",
    "dashboard.binding.entries": "Alle teksten",
    "dashboard.binding.settings": "Instellingen",
    "dashboard.binding.trajectory": "Traject",
    "dashboard.binding.intentions": "Voornemens",
    "dashboard.binding.hours": "Uren",
    "dashboard.binding.bundle": "Bundel",
    "dashboard.binding.search": "Zoeken",
    "dashboard.binding.timeline": "Tijdlijn",
    "dashboard.binding.review": "Terugkijken",
    "search.title": "Zoeken",
    "search.placeholder": "zoek in alles (hoofdletters en accenten tellen niet; \"woordgroep\")",
    "search.all_trajectories": "Alle trajecten",
    "search.all_sets": "Alle vragensets",
    "search.count": "{count} gevonden",
    "search.col.date": "Datum",
    "search.col.kind": "Soort",
    "search.col.title": "Titel",
    "search.col.snippet": "Fragment",
    "timeline.title": "Tijdlijn",
    "timeline.root": "Alle teksten",
    "timeline.year": "{year} ({count})",
    "timeline.meeting": ", bijeenkomst {number}",
    "timeline.no_trajectory": "Zonder traject",
    "timeline.binding.grouping": "Per jaar / per traject",
    "review.title": "Terugkijken",
    "terugblik.intentions": "Voornemens in deze periode",
    "terugblik.learning_questions": "Leervragen",
    "terugblik.passages": "Kernpassages",
    "terugblik.none": "*(geen)*",
    "terugblik.looked_back": "Teruggekeken op",
    "terugblik.period": "Periode: {start} tot en met {end}.",
    "terugblik.start": "Periode (voor statistiek en balans) — en een terugblik erover",
    "review.label.trajectory": "Teksten uit",
    "review.label.period": "Periode",
    "review.all_trajectories": "alle teksten",
    "period.all": "alles",
    "period.this_year": "dit jaar",
    "period.last_year": "vorig jaar",
    "period.last_12_months": "de laatste 12 maanden",
    "period.custom": "zelf kiezen",
    "period.everything": "Alles wat je schreef.",
    "period.range": "Van {start} tot en met {end}.",
    "period.since": "Vanaf {start}.",
    "period.until": "Tot en met {end}.",
    "period.bad_date": "‘{text}’ is geen datum: schrijf bijv. 7-1-2026 (dag-maand-jaar).",
    "period.bad_year": "‘{text}’: dat jaartal lijkt een tikfout.",
    "period.backwards": "‘Vanaf’ ligt na ‘Tot en met’: draai ze om.",
    "review.activity.month": "Teksten per maand, {first} – {last}",
    "review.activity.quarter": "Teksten per kwartaal, {first} – {last}",
    "review.activity.year": "Teksten per jaar, {first} – {last}",
    "review.activity.none": "Geen teksten in deze periode.",
    "review.quarter": "K{quarter} ’{year}",
    "review.balance": "Balans: welke aspecten kwamen aan bod",
    "review.balance.nip": "Vier aspecten (NIP): beantwoord in {entries} {entries:tekst|teksten}",
    "review.balance.skj": "Drie reflectiedimensies (SKJ): beantwoord in {entries} "
    "{entries:tekst|teksten}",
    "review.balance.none": "Nog geen teksten met de vragenset ‘{set}’ in deze periode. Kies die "
    "vragenset bij een reflectie, dan zie je hier welke aspecten aan bod komen.",
    "month.short.1": "jan", "month.short.2": "feb", "month.short.3": "mrt", "month.short.4": "apr",
    "month.short.5": "mei", "month.short.6": "jun", "month.short.7": "jul", "month.short.8": "aug",
    "month.short.9": "sep", "month.short.10": "okt", "month.short.11": "nov",
    "month.short.12": "dec",
    "month.long.1": "januari", "month.long.2": "februari", "month.long.3": "maart",
    "month.long.4": "april", "month.long.5": "mei", "month.long.6": "juni", "month.long.7": "juli",
    "month.long.8": "augustus", "month.long.9": "september", "month.long.10": "oktober",
    "month.long.11": "november", "month.long.12": "december",
    "terugblik.button": "Terugblik schrijven",
    "terugblik.gathered": "Uit deze periode",
    "review.themes": "Thema's: je leervragen (?), labels (#), of typ je eigen thema",
    "select.dismiss": "Sluiten",
    "palette.close": "Sluiten",
    "review.themes.none": "Nog geen leervragen of labels. Schrijf je leervragen vanuit een "
    "traject, geef teksten labels (#grenzen), of typ hierboven een eigen thema.",
    "review.own_theme": "eigen thema, bijv. grenzen stellen (Enter)",
    "dashboard.due": "Klaar om te schrijven",
    "dashboard.trajectories": "Trajecten",
    "dashboard.actions": "Schrijven",
    "dashboard.case": "Casus voor de volgende bijeenkomst",
    "dashboard.reflection": "Reflectie op de laatste bijeenkomst",
    "dashboard.new": "Andere tekst…",
    "dashboard.entries": "Alle teksten",
    "dashboard.drafts": "Concepten — verder schrijven",
    "dashboard.draft_found": "Er staat nog een concept klaar. Je vindt het bovenaan het overzicht.",
    "dashboard.recent": "Recent",
    "dashboard.empty": "Nog geen teksten. Begin met een casus voor je volgende bijeenkomst.",
    "dashboard.col.date": "Datum",
    "dashboard.col.kind": "Soort",
    "dashboard.col.title": "Titel",
    "dashboard.col.tags": "Labels",
    "dashboard.col.words": "Woorden",
    "dashboard.untitled": "(zonder titel)",
    "dashboard.draft_line": "{kind} · {title} · {words} {words:woord|woorden} · {when}",
    # -- choosing what to write ------------------------------------------------------------------
    "choose.title": "Wat ga je schrijven?",
    "choose.kind": "Soort",
    "choose.set": "Vragenset",
    "choose.free": "Vrij schrijven (geen vragen)",
    "choose.start": "Beginnen",
    "choose.cancel": "Annuleren",
    "choose.for": "Voor: {link}",
    "pick.title.case": "Voor welke bijeenkomst is deze casus?",
    "pick.title.reflection": "Op welke bijeenkomst reflecteer je?",
    "pick.cancel": "Annuleren",
    "write.no_meeting.case": "Geen open traject met een komende bijeenkomst: deze casus hoort "
    "bij geen bijeenkomst. Plan er een in het traject, of koppel hem later (Ctrl+T).",
    "write.no_meeting.reflection": "Geen bijeenkomst gehouden in een open traject: deze reflectie "
    "hoort bij geen bijeenkomst. Koppel hem later als je wilt (Ctrl+T).",
    "write.past_case": "Bijeenkomst {number} was op {date}. Toch een casus ervoor schrijven?",
    "write.past_case.yes": "Ja, schrijven",
    "write.past_case.no": "Nee",
    "write.binding.link": "Koppelen",
    "write.not_optional": "Deze vraag sla je niet over: ‘{set}’ rekent op een antwoord, want de "
    "andere vragen bouwen erop voort. Een paar woorden is genoeg; met Ctrl+N ga je toch verder.",
    "write.linked": "Gekoppeld: {link}",
    "write.unlinked": "Niet meer gekoppeld aan een bijeenkomst.",
    "link.title": "Bij welk traject en welke bijeenkomst hoort deze tekst?",
    "link.trajectory": "Traject",
    "link.meeting_label": "Bijeenkomst",
    "link.ok": "Koppelen",
    "link.cancel": "Annuleren",
    # -- guided writing --------------------------------------------------------------------------
    "write.title": "{kind} schrijven",
    "write.progress": "Vraag {number} van {total}",
    "write.optional": "(mag je overslaan)",
    "write.source": "Bron: {source}",
    "write.next": "Volgende",
    "write.previous": "Vorige",
    "write.skip": "Overslaan",
    "write.review": "Alles bekijken",
    "write.save": "Opslaan",
    "write.words": "{count} {count:woord|woorden}",
    "write.saved_draft": "concept bewaard {time}",
    "write.entry_title": "titel",
    "write.tags": "labels, gescheiden door komma's",
    "write.preview": "Voorbeeld",
    "write.answered": "✓",
    "write.unanswered": "·",
    "write.skipped": "–",
    "write.saved": "Opgeslagen: {title}",
    "write.empty": "Er is nog niets geschreven om op te slaan.",
    "write.intention": "Je voornemen van bijeenkomst {meeting}: {text}",
    "write.intention_question": "Hoe ging het met je voornemen van de vorige keer?",
    "write.kept_as_draft": "Je tekst staat als concept klaar in het overzicht.",
    "write.discard": "Concept weggooien",
    "write.confirm_discard": "Dit concept weggooien? Wat je schreef is dan weg.",
    "write.binding.next": "Volgende",
    "write.binding.previous": "Vorige",
    "write.binding.skip": "Overslaan",
    "write.binding.review": "Alles bekijken",
    "write.binding.save": "Opslaan",
    "write.back_to_questions": "Terug naar de vragen",
    "write.confirm_back": "Terug naar de vragen? Wat je in de hele tekst veranderde, gaat "
    "dan verloren; je antwoorden blijven.",
    "write.confirm_back.yes": "Terug naar de vragen",
    "write.discard_changes": "Wijzigingen weggooien",
    "write.confirm_discard_changes": "Je wijzigingen weggooien? De opgeslagen tekst blijft "
    "zoals hij was.",
    "leave.question.text": "Deze tekst is nog niet opgeslagen. Wat wil je ermee?",
    "leave.question.changes": "Je wijzigingen zijn nog niet opgeslagen. Wat wil je ermee?",
    "leave.stay": "Verder schrijven",
    "leave.discard.text": "Weggooien",
    "leave.discard.changes": "Wijzigingen weggooien",
    "leave.save": "Opslaan",
    "leave.keep": "Als concept bewaren",
    "write.changes_discarded": "Je wijzigingen zijn weggegooid.",
    # -- reading -----------------------------------------------------------------------------------
    "entry.meta": "{kind} · {created} · {words} {words:woord|woorden}",
    "entry.meeting": " · bijeenkomst {meeting}",
    "entry.edit": "Bewerken",
    "entry.delete": "Verwijderen",
    "entry.confirm_delete": "‘{title}’ definitief verwijderen? Dit kan niet ongedaan worden.",
    "entry.deleted": "Verwijderd: {title}",
    "entries.title": "Alle teksten",
    "entries.all_kinds": "Alle soorten",
    "entries.tag": "filter op label",
    "entries.count": "{count} {count:tekst|teksten}",
    "entries.marked": "{count} gekozen voor een bundel",
    "entries.binding.mark": "Kiezen",
    "entries.binding.bundle": "Bundel",
    "confirm.yes": "Ja",
    "confirm.no": "Nee",
    # -- trajectories ------------------------------------------------------------------------
    "form.supervisie": "Supervisie",
    "form.intervisie": "Intervisie",
    "form.werkbegeleiding": "Werkbegeleiding",
    "form.coaching": "Coaching",
    "form.anders": "Anders",
    "role.kennismaking": "kennismaking",
    "role.klik": "klikbijeenkomst",
    "role.tussenevaluatie": "tussenevaluatie",
    "role.eindevaluatie": "eindevaluatie",
    "role.regulier": "",
    "trajectory.new": "Nieuw traject",
    "trajectory.edit": "Traject bewerken",
    "trajectory.form": "Vorm",
    "trajectory.label.title": "Titel",
    "trajectory.label.supervisor": "Supervisor of groep",
    "trajectory.label.group_size": "Deelnemers",
    "trajectory.label.start": "Eerste bijeenkomst",
    "trajectory.label.time": "Tijd",
    "trajectory.label.meetings": "Bijeenkomsten",
    "trajectory.label.interval": "Weken ertussen",
    "trajectory.label.duration": "Duur (minuten)",
    "trajectory.label.status": "Status",
    "trajectory.title": "titel, bijvoorbeeld ‘Supervisie bij Anna’",
    "trajectory.supervisor": "supervisor of naam van de groep",
    "trajectory.group_size": "aantal deelnemers",
    "trajectory.start": "datum (bijv. 7-1-2026)",
    "trajectory.time": "tijd (bijv. 19:30)",
    "trajectory.meetings": "aantal bijeenkomsten",
    "trajectory.interval": "weken ertussen",
    "trajectory.duration": "duur (minuten)",
    "trajectory.schedule_hint": "De app stelt een schema voor met de gebruikelijke rollen "
    "(kennismaking, klikbijeenkomst, tussen- en eindevaluatie). Data en rollen kun je later "
    "per bijeenkomst aanpassen.",
    "trajectory.save": "Bewaren",
    "trajectory.need_title": "Geef het traject een titel.",
    "trajectory.bad_numbers": "Controleer datum, tijd en aantallen.",
    "trajectory.bad_date": "Geen geldige datum of tijd (bijv. 7-1-2026 en 19:30).",
    "trajectory.status.open": "open",
    "trajectory.status.closed": "afgesloten",
    "trajectory.status.archived": "gearchiveerd",
    "trajectory.meta": "{form} · {supervisor} · {status} · {count} {count:bijeenkomst|bijeenkomsten}",
    "trajectory.learning_goals": "Leervragen",
    "trajectory.no_learning_goals": "*Nog geen leervragen geschreven.*",
    "trajectory.meetings_title": "Bijeenkomsten",
    "trajectory.col.number": "Nr",
    "trajectory.col.date": "Datum",
    "trajectory.col.time": "Tijd",
    "trajectory.col.role": "Rol",
    "trajectory.col.status": "Status",
    "trajectory.col.case": "Casus",
    "trajectory.col.reflection": "Reflectie",
    "trajectory.col.evaluation": "Evaluatie",
    "trajectory.written": "✓ geschreven",
    "trajectory.draft": "✎ concept",
    "trajectory.missing": "·",
    "trajectory.move_question": "Nieuwe datum en tijd voor bijeenkomst {number}:",
    "trajectory.binding.case": "Casus",
    "trajectory.binding.reflection": "Reflectie",
    "trajectory.binding.evaluation": "Evaluatie",
    "trajectory.binding.learning_goals": "Leervragen",
    "trajectory.binding.attended": "Geweest",
    "trajectory.binding.cancelled": "Afgezegd",
    "trajectory.binding.planned": "Gepland",
    "trajectory.binding.move": "Verplaatsen",
    "trajectory.binding.edit": "Traject bewerken",
    "trajectory.binding.role": "Rol",
    "trajectory.binding.add": "Bijeenkomst erbij",
    "trajectory.add_question": "Datum en tijd van de extra bijeenkomst:",
    "trajectory.role_question": "Welke rol heeft bijeenkomst {number}?",
    "role.none": "gewone bijeenkomst",
    # -- bundles ------------------------------------------------------------------------------
    "bundle.title": "Bundel",
    "bundle.contents": "Inhoud",
    "bundle.meeting": "Bijeenkomst {number}",
    "bundle.other": "Overige teksten",
    "bundle.image": "afbeelding",
    "bundle.review_note": "Deze bundel is vóór het versturen gecontroleerd op gegevens die naar "
    "een cliënt kunnen leiden: {total} {total:vondst|vondsten}, waarvan {replaced} vervangen.",
    "bundle.page.title": "Bundel voor supervisie",
    "bundle.page.intro": "Deze bundel is versleuteld. Typ de bundelcode die je apart hebt "
    "gekregen (telefonisch of persoonlijk). Er wordt niets opgeslagen of verstuurd.",
    "bundle.page.label": "Bundelcode",
    "bundle.page.open": "Openen",
    "bundle.page.busy": "Bezig met openen…",
    "bundle.page.mistyped": "Deze code klopt niet: er zit een tikfout in. Controleer elk "
    "groepje van vier tekens.",
    "bundle.page.wrong": "Deze code hoort niet bij dit bestand, of het bestand is beschadigd.",
    "bundle.page.damaged": "Dit bestand is beschadigd en kan niet worden geopend. Vraag om een "
    "nieuwe bundel.",
    "bundle.page.unsupported": "Deze browser kan de bundel niet openen. Gebruik een recente "
    "versie van Firefox, Chrome, Edge of Safari.",
    "bundle.screen_title": "Bundel voor je supervisor",
    "bundle.step.choose": "1. Wat gaat erin?",
    "bundle.step.write": "3. Schrijven",
    "bundle.all": "Alle teksten",
    "bundle.picked": "{count} zelf gekozen {count:tekst|teksten}.",
    "bundle.meetings": "bijeenkomsten, bijv. 1-4",
    "bundle.supervisant": "jouw naam",
    "bundle.supervisor": "naam van je supervisor",
    "bundle.label.trajectory": "Uit",
    "bundle.label.meetings": "Bijeenkomsten",
    "bundle.label.supervisant": "Jouw naam",
    "bundle.label.supervisor": "Supervisor",
    "bundle.label.note": "Notitie",
    "bundle.label.format": "Vorm",
    "bundle.label.path": "Opslaan als",
    "label.from": "Vanaf",
    "label.to": "Tot en met",
    "bundle.note": "korte begeleidende notitie (mag leeg)",
    "bundle.scan": "Zoeken naar cliëntgegevens",
    "bundle.clients.missing": "Je hebt nog geen cliëntenlijst: je cliënten worden alleen gevonden "
    "als de app hun naam als naam herkent. Voeg ze toe onder Cliënten (of met "
    "‘reflectiejournaal clients add -’).",
    "bundle.clients.damaged": "Je cliëntenlijst is niet te lezen (beschadigd of ontbrekend na "
    "een synchronisatie): de namen van je cliënten worden nu niet als zodanig herkend. Kijk met "
    "‘reflectiejournaal check’ en voeg ze zo nodig opnieuw toe.",
    "bundle.scanning": "Bezig met zoeken…",
    "bundle.preview_cut": "*(Het voorbeeld toont het begin; de bundel bevat alles.)*",
    "bundle.bad_choice": "Controleer de bijeenkomsten (bijv. 1-4) en de data (bijv. 1-1-2026).",
    "bundle.review_title": "2. Controle: {total} {total:vondst|vondsten} over {entities} "
    "{entities:persoon of gegeven|personen of gegevens} "
    "— {open} open, {replaced} vervangen",
    "bundle.review_help": "Alle vormen van één persoon staan bij elkaar (Enter klapt open). "
    "v vervangt, l laat staan, w kiest een andere vervanging — op een persoon voor alle "
    "vormen, op één vondst voor die ene; V en L voor alles van die soort. Je kluis verandert "
    "niet. De app vindt veel, niet alles: lees het voorbeeld zelf na.",
    "bundle.preparing": "De woordenlijsten voor namen, plaatsen en instellingen worden eenmalig "
    "klaargezet (ongeveer een minuut). Je kunt intussen kiezen wat erin gaat.",
    "bundle.prepare_failed": "De woordenlijsten konden niet worden klaargezet ({reason}). Zonder "
    "die controle schrijft de app geen bundel.",
    "bundle.changed": "Je hebt na het zoeken iets veranderd. Zoek opnieuw, zodat alles wat in "
    "de bundel komt gecontroleerd is.",
    "bundle.entity_detail": "  {kind} · zekerheid {confidence} · {count}×",
    "bundle.found_as": "  (ook: {forms})",
    "bundle.replace_all": "Alle open vervangen",
    "bundle.keep_all": "Alle open laten staan",
    "bundle.preview": "Voorbeeld van de bundel",
    "bundle.write": "Bundel schrijven",
    "bundle.format.html-encrypted": "Versleutelde webpagina (aanbevolen)",
    "bundle.format.html": "Webpagina (niet versleuteld)",
    "bundle.format.md": "Markdown (niet versleuteld)",
    "bundle.col.kind": "Soort",
    "bundle.col.context": "Waar",
    "bundle.col.replacement": "Wordt",
    "bundle.col.decision": "Keuze",
    "bundle.decision.open": "open",
    "bundle.decision.replaced": "vervangen",
    "bundle.decision.kept": "laten staan",
    "bundle.decision.mixed": "deels",
    "bundle.confirm_open": "Er {count:staat|staan} nog {count} {count:vondst|vondsten} open die naar een cliënt "
    "{count:kan|kunnen} leiden. Toch schrijven?",
    "bundle.written_title": "Bundel geschreven",
    "notice.close": "Ik heb het genoteerd",
    "bundle.binding.scan": "Controleren",
    "bundle.binding.write": "Schrijven",
    "bundle.binding.replace": "Vervangen",
    "bundle.binding.keep": "Laten staan",
    "bundle.binding.replace_kind": "Soort vervangen",
    "bundle.binding.other": "Andere vervanging",
    "bundle.binding.keep_kind": "Soort laten staan",
    "bundle.binding.clients": "Namenlijst",
    "clients.title": "Namenlijst",
    "clients.intro": "Namen van cliënten die nooit in een bundel mogen staan, met hun roep- of "
    "koosnamen (Mo, Lotje) en de schuilnaam die ervoor in de plaats komt. Zonder schuilnaam "
    "wordt het Cliënt A, Cliënt B … Hoofdletters en accenten maken niet uit. Deze lijst blijft "
    "versleuteld in je kluis.",
    "clients.name": "naam",
    "clients.nicknames": "roepnamen, met komma's",
    "clients.pseudonym": "schuilnaam (leeg: Cliënt A …)",
    "clients.generated": "Cliënt A, B …",
    "clients.replacement": "wordt",
    "clients.add": "Toevoegen",
    "clients.remove": "Verwijderen",
    "clients.confirm_remove": "‘{name}’ van je namenlijst halen? Deze naam (en de roepnamen) "
    "wordt dan niet meer als cliëntnaam herkend als je een bundel maakt.",
    # -- settings ----------------------------------------------------------------------------------
    "settings.title": "Instellingen",
    "settings.passphrase": "Wachtwoordzin wijzigen",
    "settings.current": "huidige wachtwoordzin",
    "settings.new": "nieuwe wachtwoordzin",
    "settings.repeat": "herhaal de nieuwe wachtwoordzin",
    "settings.change": "Wijzigen",
    "settings.changed": "De wachtwoordzin is gewijzigd. Je teksten zelf bleven ongewijzigd.",
    "settings.busy": "Bezig met wijzigen…",
    "settings.keys": "Sleutel en herstelcode",
    "settings.keys_intro": "Een nieuwe wachtwoordzin of herstelcode geldt voor de kluis zoals "
    "hij nu is. Een oude kopie (een back-up, de geschiedenis van je synchronisatiedienst) opent "
    "nog met de oude. Vervang de sleutel als je denkt dat iemand je oude wachtwoordzin of "
    "herstelcode kent: wat je daarna schrijft, opent die kopie niet meer.",
    "settings.rekey": "Sleutel vervangen",
    "settings.no_rekey": "Nee, niet nodig",
    "settings.recovery_code": "Nieuwe herstelcode",
    "settings.offer_rekey": "Je wachtwoordzin is gewijzigd. Heeft iemand een kopie van je kluis "
    "(een back-up, de geschiedenis van je synchronisatiedienst) én je oude wachtwoordzin? Dan "
    "kan hij daarmee ook lezen wat je vanaf nu schrijft. Vervang de sleutel om dat te "
    "voorkomen; je krijgt dan ook een nieuwe herstelcode.",
    "rekey.title.rekey": "Sleutel vervangen",
    "rekey.title.code": "Nieuwe herstelcode",
    "rekey.intro.rekey": "Je kluis krijgt een nieuwe sleutel en je krijgt een nieuwe herstelcode; "
    "je wachtwoordzin blijft dezelfde. Oude kopieën van je kluis, je oude wachtwoordzin en je "
    "oude herstelcode openen daarna niets van wat je vanaf nu schrijft. Wat iemand al eerder "
    "kopieerde, blijft voor hem leesbaar. Typ eerst je wachtwoordzin.",
    "rekey.intro.code": "Je krijgt een nieuwe herstelcode; de oude opent deze kluis daarna niet "
    "meer (een oude kopie van de kluis wel: vervang daarvoor de sleutel). Typ eerst je "
    "wachtwoordzin.",
    "rekey.intro.resume": "Een sleutelwissel werd onderbroken. Alles is leesbaar; maak hem af "
    "om je oude wachtwoordzin en herstelcode ook voor nieuwe teksten uit te sluiten. Je nieuwe "
    "herstelcode kreeg je al.",
    "rekey.passphrase": "je wachtwoordzin (net gewijzigd? dan de nieuwe)",
    "rekey.wrong_passphrase": "Dat is niet je wachtwoordzin. Heb je hem net gewijzigd, typ dan "
    "de nieuwe.",
    "rekey.checking": "Wachtwoordzin controleren…",
    "rekey.next": "Verder",
    "rekey.finish": "Sleutelwissel afmaken",
    "rekey.close": "Klaar",
    "rekey.busy.rekey": "Alle bestanden opnieuw versleutelen… Onderbreken kan geen kwaad: je "
    "kunt later verder waar het was.",
    "rekey.busy.code": "De nieuwe herstelcode instellen…",
    "rekey.done.rekey": "De sleutel is vervangen: {count} {count:versleuteld bestand|versleutelde bestanden} (je teksten, "
    "concepten, trajecten en instellingen) zijn opnieuw versleuteld. Je oude herstelcode werkt "
    "niet meer; bewaar de nieuwe goed.",
    "rekey.done.code": "De nieuwe herstelcode is ingesteld; de oude werkt niet meer op deze "
    "kluis.",
    "settings.idle": "Automatisch vergrendelen na (minuten, 0 = nooit)",
    "settings.idle_invalid": "Geef een aantal minuten van 0 tot 1440.",
    "settings.theme": "Thema",
    "settings.saved": "Instellingen bewaard.",
    "settings.save": "Bewaren",
    "help.text": """# Help

*Sluiten met Esc of F1. Pijltjes en Page Up/Down scrollen.*

## Toetsen

| toets | wat |
|---|---|
| F1 | deze hulp |
| Ctrl+P | alle opdrachten (zoek op naam) |
| Ctrl+L | vergrendelen: sleutels uit het geheugen, concept bewaard |
| Ctrl+Q | afsluiten (concept bewaard) |
| Esc | terug; bij nieuwe tekst vraagt de app wat ermee moet |

**In het overzicht**

| toets | wat |
|---|---|
| c | casus voor de volgende bijeenkomst |
| r | reflectie op de laatste bijeenkomst |
| n | andere tekst (soort en vragenset kiezen) |
| a | alle teksten |
| / | zoeken |
| l | tijdlijn |
| o | terugkijken |
| b | bundel voor je supervisor |
| t | nieuw traject |
| v | voornemens |
| u | contacturen |
| s | instellingen |

**In een traject** (voor de gekozen bijeenkomst)

| toets | wat |
|---|---|
| k | casus |
| r | reflectie |
| v | evaluatie |
| l | leervragen |
| g | geweest |
| x | afgezegd |
| p | gepland |
| d | verplaatsen |
| o | rol |
| n | bijeenkomst erbij |
| e | traject bewerken |

**Bij het schrijven**

| toets | wat |
|---|---|
| Ctrl+N | volgende vraag |
| Ctrl+B | vorige vraag; vanuit het geheel terug naar de vragen |
| Ctrl+O | een optionele vraag overslaan |
| Ctrl+E | alles bekijken en bewerken |
| Ctrl+S | opslaan (vanuit elke stap) |
| Ctrl+T | koppelen aan een traject en bijeenkomst |
| Tab | naar het volgende veld |

**Bij het lezen**

| toets | wat |
|---|---|
| e | bewerken |
| d | verwijderen |

**Bij het terugkijken**

| toets | wat |
|---|---|
| Tab | naar traject, periode, de datums, terugblik, grafieken en thema's |
| Enter | in een datum: meteen tonen; op een thema: de draad door de jaren |
| ↑ ↓ | de grafieken omhoog en omlaag (als het overzicht de focus heeft) |

Toetsen aanpassen kan in `toetsen.toml` in je configuratiemap, bijvoorbeeld
`"write.next" = "ctrl+j"`. De namen staan in de documentatie (README).

## Het ritme van supervisie

Een supervisietraject telt meestal **10 tot 12 bijeenkomsten**, elke twee tot vier weken.
De eerste is een **kennismaking** (schrijf je *leervragen*), de derde een
**klikbijeenkomst** (ga je samen verder, en hoe?), rond de zesde of zevende volgt een
**tussenevaluatie** en de laatste is een **eindevaluatie**.

Vóór elke bijeenkomst schrijf je een **casusinbreng**: een concrete situatie uit je werk,
met een vraag over jezelf. Ná elke bijeenkomst schrijf je een **reflectie**: wat deden we,
wat deed het met mij, wat ga ik ermee doen (je *voornemen*).

## Intervisie

Intervisie is een reeks van meestal **3 tot 6 bijeenkomsten** met gelijken. Elke bijeenkomst
begint met een reflectie op het **gedragsexperiment** dat je je de vorige keer voornam.
Gebruik de vragenset *Intervisie — gedragsexperiment* om terug te kijken en een nieuw
experiment op te zetten, en *Incidentmethode* voor je inbreng.

## Trajecten en wat er klaarstaat

Maak een **traject** (`t`) voor elke supervisie, intervisiegroep, werkbegeleiding of coaching.
De app stelt een schema voor met de gebruikelijke rollen; data en rollen pas je per
bijeenkomst aan. Het overzicht toont dan per traject wat er te schrijven is: je leervragen
vóór de kennismaking, een casus vóór elke bijeenkomst (met de tijd die je nog hebt), een
evaluatie vóór de klik-, tussen- en eindevaluatie, en een reflectie na elke bijeenkomst.
Een **voornemen** uit je reflectie komt in je volgende tekst van dat traject terug, met de
vraag hoe het ging.

## Contacturen

Onder **Contacturen** (`u`) staan de uren per vorm, traject en jaar, als CSV of Markdown te
bewaren voor je portfolio. Alleen bijeenkomsten die plaatsvonden tellen. Welke uren een
register meetelt verschilt per register en regeling (NIP, SKJ, LVSC, NVO, BIG …): vaak tellen
alleen bijeenkomsten met een geregistreerde supervisor, en intervisie telt meestal voor
herregistratie. Controleer altijd de regeling van je eigen register.

## Privacy

Alles wat je schrijft staat versleuteld in je kluis. Schrijf toch over cliënten met initialen
of een schuilnaam: wat je later deelt met je supervisor moet onherleidbaar zijn.
""",
    # -- prompt sets -------------------------------------------------------------------------
    "prompts.problem": "Vragenset {path} is niet geladen{where}: {problem}",
    "prompts.where.line": "regel {line}",
    "prompts.where.field": "veld {field}",
    "prompts.problem.unreadable": "het bestand is niet te lezen ({detail})",
    "prompts.problem.toml": "geen geldige TOML ({detail})",
    "prompts.problem.bad_id": "een id bestaat uit kleine letters, cijfers en streepjes",
    "prompts.problem.no_prompts": "er is minstens één [[prompts]] nodig",
    "prompts.problem.not_table": "elke vraag moet een tabel [[prompts]] zijn",
    "prompts.problem.duplicate_id": "het id ‘{detail}’ komt twee keer voor",
    "prompts.problem.missing": "dit veld ontbreekt",
    "prompts.problem.not_text": "dit veld moet tekst zijn",
    "prompts.problem.not_bool": "dit veld moet true of false zijn",
    "prompts.problem.not_list": "dit veld moet een lijst van namen zijn",
    "prompts.problem.unknown_names": "onbekende naam ({detail})",
    "prompts.problem.unknown_prompt": "er is geen vraag met id ‘{detail}’",
    # -- domain errors ---------------------------------------------------------------------
    "error.generic": "Er ging iets mis.",
    "error.decryption": "Ontsleutelen mislukt: de gegevens zijn beschadigd of horen niet "
    "bij deze sleutel.",
    "error.hostile_kdf": "De kop van de kluis vraagt onredelijke sleutelparameters "
    "({field} = {value}). Het bestand is beschadigd of gemanipuleerd; er is niets geprobeerd.",
    "error.vault_not_found": "Geen kluis gevonden in {path}. Maak er een met "
    "'reflectiejournaal init' of kies een andere map met --vault.",
    "error.vault_exists": "Hier kan geen nieuwe kluis komen: {path} {reason}. Kies een lege "
    "of nieuwe map (met --vault).",
    "error.not_a_vault": "{path} is geen kluis van reflectiejournaal ({reason}).",
    "error.wrong_passphrase": "Onjuiste wachtwoordzin (of de kop van de kluis is gewijzigd). "
    "Je teksten zijn niet aangeraakt.",
    "error.wrong_recovery_code": "Deze herstelcode hoort niet bij deze kluis.",
    "error.mistyped_recovery_code": "De herstelcode klopt niet: er zit een tikfout in. "
    "Controleer elk groepje van vier tekens.",
    "error.vault_changed_elsewhere": "Je kluis is intussen op een ander apparaat gewijzigd "
    "(wachtwoordzin, herstelcode of sleutel). Er is niets veranderd; vergrendel, open hem "
    "opnieuw en probeer het dan nog eens.",
    "error.unfinished_rekey": "In je kluis staat een onafgemaakte sleutelwissel die je "
    "wachtwoordzin niet opent: van een ander apparaat met een andere wachtwoordzin, of van "
    "iemand die aan je kluismap komt. Heb je de nieuwe herstelcode van die wissel, open de "
    "kluis dan daarmee ('reflectiejournaal recover'). Anders vervangt 'reflectiejournaal rekey "
    "--replace-unfinished' hem; wat onder die sleutel werd versleuteld, blijft dan onleesbaar "
    "('reflectiejournaal check' noemt het).",
    "error.vault_locked": "De kluis is bezet door een ander programma ({holder}): de app "
    "(die maar één keer tegelijk open kan) of een opdracht die de wachtwoordzin of sleutel "
    "wijzigt. Sluit dat eerst, of probeer het zo opnieuw.",
    "error.item_not_found": "Geen tekst met id ‘{item_id}’.",
    "error.trajectory_not_found": "Geen traject met id ‘{item_id}’. Zie 'reflectiejournaal "
    "traject list --all' voor de ids.",
    "error.ambiguous_id": "‘{prefix}’ past bij meerdere teksten: {matches}. Typ meer tekens.",
    "error.damaged_item": "Bestand {name} is beschadigd of hoort niet bij deze kluis "
    "({reason}). De andere teksten zijn in orde.",
    "error.detector_unavailable": "De woordenlijsten voor het herkennen van namen, plaatsen en "
    "instellingen konden niet worden klaargezet ({reason}). Er is niets geschreven.",
    "error.write_failed": "Opslaan in {path} is mislukt ({reason}). De vorige versie is "
    "onaangetast.",
    "error.invalid_entry": "Ongeldige invoer: {reason}.",
    "error.detail.field": "veld {field}",
    "field.meetings": "aantal bijeenkomsten",
    "field.interval_weeks": "weken tussen bijeenkomsten",
    "field.duration_minutes": "duur in minuten",
    "field.group_size": "groepsgrootte",
    "field.title": "titel",
    "field.kind": "soort (--kind)",
    "field.meeting": "bijeenkomst",
    "field.prompt_set": "vragenset (--prompt-set)",
    "field.date": "datum",
    "error.detail.line": "regel {line}",
    # -- reasons ---------------------------------------------------------------------------
    "reason.disk_full": "de schijf is vol",
    "reason.no_such_path": "die map of dat bestand bestaat niet",
    "reason.is_a_folder": "dat is een map, geen bestand",
    "reason.name_too_long": "de naam is te lang",
    "reason.file_limit": "het bestand zou groter worden dan het systeem toestaat",
    "reason.exists": "dat bestaat al",
    "reason.symlink": "een snelkoppeling (symlink) wordt niet gevolgd",
    "reason.empty": "leeg",
    "reason.incomplete": "er ontbreken bestanden, of er zijn er bij gekomen",
    "reason.changed": "een bestand is veranderd sinds de back-up werd gemaakt",
    "reason.manifest": "de inhoudslijst is onleesbaar",
    "reason.file_too_large": "te groot om een tekst te zijn",
    "reason.permission": "geen toestemming",
    "reason.authentication": "echtheidscontrole mislukt",
    "reason.header": "geen geldig kluisbestand",
    "reason.swapped": "verwisseld met een ander bestand",
    "reason.content": "inhoud onleesbaar",
    "reason.layout": "onverwachte opbouw",
    "reason.foreign": "bestand van een ander programma",
    "reason.version": "onbekende versie",
    "reason.malformed": "kop onleesbaar",
    "reason.too_large": "kop te groot",
    "reason.no_header": "het kopbestand ontbreekt",
    "reason.no_items": "de map items ontbreekt",
    "reason.not_empty": "bevat al iets",
    "reason.not_a_folder": "is een bestand, geen map",
    "reason.vault_id": "ongeldig kluis-id",
    "reason.kdf": "onbekende sleutelafleiding",
    "reason.kind": "onbekende soort; kies casus, reflectie, leervragen, evaluatie of notitie",
    "reason.meeting": "bijeenkomst moet een positief getal zijn",
    "reason.timezone": "tijd zonder tijdzone",
    "reason.tags": "labels moeten een lijst zijn",
    "reason.yaml": "de kopgegevens (YAML) zijn onleesbaar",
    "reason.time": "ongeldige datum of tijd",
    "reason.missing": "verplicht veld ontbreekt",
    "reason.no_front_matter": "geen kopgegevens (---) gevonden",
    "reason.not_utf8": "geen UTF-8-tekst",
    "reason.id_taken": "dit id hoort bij iets anders in je kluis (zoals je cliëntenlijst of je "
    "instellingen)",
    "reason.keep_both": "instellingen en je cliëntenlijst bestaan maar één keer: kies current "
    "of copy",
    "reason.unreadable": "bestand niet te lezen",
    "reason.form": "onbekende vorm van begeleiding",
    "reason.status": "onbekende status",
    "reason.role": "onbekende rol van de bijeenkomst",
    "reason.prompt_set": "onbekende vragenset",
    "reason.out": "kies met --out waar de bundel heen moet",
    "reason.empty_name": "de naam is leeg",
    "reason.unreadable_tables": "de lijsten zijn onleesbaar",
    "reason.no_meeting": "die bijeenkomst bestaat niet in dit traject",
    "reason.range": "{value} kan niet: kies van {low} tot en met {high}",
    "reason.empty_title": "de titel is leeg",
}

_catalogue = NL


# Terminal control characters (ESC, BEL, C1 …) in a value — a file name planted in a synced
# folder — would be obeyed by the terminal (OSC 52 fills the clipboard): shown escaped.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def t(key: str, /, **values: object) -> str:
    """The catalogue text for ``key`` with ``values`` filled in; the key itself if unknown.

    ``{count:woord|woorden}`` in a template is the singular when ``count`` is 1, else the
    plural (nested fields work: ``{days:morgen|over {days} dagen}``)."""
    template = _catalogue.get(key, key)
    if not values:
        return template
    return _PLURALS.format(template, **{k: _visible(v) for k, v in values.items()})


class _Plurals(string.Formatter):
    def format_field(self, value: object, format_spec: str) -> str:
        if "|" in format_spec and isinstance(value, int):
            one, _, other = format_spec.partition("|")
            return one if value == 1 else other
        return super().format_field(value, format_spec)


_PLURALS = _Plurals()


def _visible(value: object) -> object:
    if isinstance(value, (int, float)):
        return value
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(value))


def reason(code: object) -> str:
    """A reason code from the domain in words, or the code as is."""
    return _catalogue.get(f"reason.{code}", str(code))


def describe(error: JournalError) -> str:
    """The clear message for a domain error, with the field and line where they are known."""
    values = dict(error.details)
    if "reason" in values:  # a reason may name the details too ("kies van 1 tot en met 50")
        code = values["reason"]
        values["reason"] = t(f"reason.{code}", **values) if f"reason.{code}" in _catalogue \
            else str(code)
    text = t(error.key, **values)
    if values.get("field"):  # the field by the name people know it by, where there is one
        values["field"] = _catalogue.get(f"field.{values['field']}", values["field"])
    where = [t(f"error.detail.{k}", **{k: values[k]}) for k in ("field", "line") if values.get(k)]
    if error.key == "error.invalid_entry" and where:
        text = f"{text.rstrip('.')} ({', '.join(where)})."
    return text


def describe_prompt_problem(problem: PromptSetProblem) -> str:
    """A prompt set left out at load, with file, line and field where they are known."""
    where = []
    if problem.line is not None:
        where.append(t("prompts.where.line", line=problem.line))
    if problem.field:
        where.append(t("prompts.where.field", field=problem.field))
    text = t(f"prompts.problem.{problem.problem}", detail=problem.detail)
    return t("prompts.problem", path=problem.path,
             where=f" ({', '.join(where)})" if where else "", problem=text)


def describe_due(item: DueItem) -> str:
    """‘Casusinbreng voor bijeenkomst 4 van Supervisie bij Anna: 3 dagen’."""
    key = "due.before" if item.before else "due.after"
    when = t("due.today") if item.days_left == 0 else t(f"{key}_days", days=item.days_left)
    started = t("due.started") if item.draft_id else ""
    return t(key, kind=kind_name(item.kind).capitalize(), meeting=item.meeting,
             title=item.trajectory_title, when=when) + started


def describe_balance(name: str, result: Balance, label: int = 44, width: int = 24) -> str:
    """The balance as a small chart in text, and what was left untouched lately."""
    from .balance import bar

    lines = [t(f"stats.framework.{name}", entries=result.entries)]
    most = max(result.counts.values(), default=0)
    for aspect in result.aspects:
        count = result.counts[aspect.prompt_id]
        title = aspect.title if len(aspect.title) <= label else aspect.title[: label - 1] + "…"
        lines.append(f"  {title:<{label}} {bar(count, most, width):<{width}} {count}")
    for aspect, missing in result.untouched():
        lines.append("  " + t("stats.untouched", aspect=aspect.title.lower(), count=missing))
    return "\n".join(lines)


def describe_part(key: str, titles: dict[str, str]) -> str:
    """Where in a bundle a finding is: ‘tekst van ‘Casus’’, ‘begeleidende notitie’."""
    source, _, rest = key.partition(":")
    if source == "entry":
        entry_id, _, part = rest.partition(":")
        return t(f"part.{part}", title=titles.get(entry_id, entry_id))
    return t(f"part.{rest}")


def describe_attention(kind: str, value: object) -> str:
    """One line of the dashboard's "Let op" list."""
    if kind == "anomaly":
        anomaly = value
        what = item_name(anomaly.item_type, anomaly.title)  # type: ignore[attr-defined]
        if anomaly.title is None:  # type: ignore[attr-defined]
            what += f" {anomaly.item_id}"  # type: ignore[attr-defined]
        return t(f"attention.{anomaly.kind}", what=what)  # type: ignore[attr-defined]
    return t(f"attention.{kind}", count=value)


def item_name(item_type: str | None, title: str | None) -> str:
    """How to recognise an item: an entry's title, else what kind of item it is."""
    if title:
        return f"‘{title}’"
    if item_type is None:
        return t("item.unknown")
    return _catalogue.get(f"item.{item_type}", item_type)


def kind_name(kind: str) -> str:
    return t(f"kind.{kind}")


def short_date(day: dt.date) -> str:
    """‘do 30-11’: the weekday and the day, the way a meeting is named in a diary."""
    return f"{t(f'weekday.{day.weekday()}')} {day:%d-%m}"


def long_date(day: dt.date) -> str:
    """‘7 januari 2026’."""
    return f"{day.day} {t(f'month.long.{day.month}')} {day.year}"


def describe_period(start: dt.date | None, end: dt.date | None) -> str:
    """‘Van 1 januari 2026 tot en met 31 december 2026.’: how the typed dates were read."""
    if start and end:
        return t("period.range", start=long_date(start), end=long_date(end))
    if start:
        return t("period.since", start=long_date(start))
    if end:
        return t("period.until", end=long_date(end))
    return t("period.everything")


def describe_bucket(start: dt.date, size: str, long: bool = False) -> str:
    """A bar of the activity chart: ‘nov’ (or ‘nov 2026’), ‘K3 ’25’, ‘2024’."""
    if size == "year":
        return str(start.year)
    if size == "quarter":
        return t("review.quarter", quarter=(start.month - 1) // 3 + 1, year=f"{start.year % 100:02}")
    month = t(f"month.short.{start.month}")
    return f"{month} {start.year}" if long else month


def describe_meeting(trajectory_title: str, number: int, day: dt.date) -> str:
    """‘bijeenkomst 4 · Supervisie bij Marieke · do 30-11’."""
    return " · ".join((t("link.meeting", number=number), trajectory_title, short_date(day)))


def describe_writing(kind: str, trajectory_title: str | None = None, number: int | None = None,
                     day: dt.date | None = None) -> str:
    """What a piece of writing is for: ‘Casus · bijeenkomst 4 · Supervisie bij Marieke · do 30-11’."""
    parts = [t(f"kind.short.{kind}")]
    if trajectory_title is not None and number is not None and day is not None:
        parts.append(describe_meeting(trajectory_title, number, day))
    elif trajectory_title is not None:
        parts.append(trajectory_title)
    return " · ".join(parts)
