"""Everything out, everything back: an export restores a whole journal into a new vault, so
that every command gives the same answers there."""

from __future__ import annotations

import pytest

import json
import os
import stat

from reflectiejournaal.clients import Client, ClientList
from reflectiejournaal.drafts import Draft
from reflectiejournaal.journal import Journal
from reflectiejournaal.prompts import compose_body, load_library
from reflectiejournaal.settings import Settings
from reflectiejournaal.vault.store import Vault
from tests.cli.conftest import Cli
from tests.helpers import PASSPHRASE, cheap_kdf

ANSWERS = ("traject", "show", "--json"), ("hours",), ("due", "--today", "2026-03-01", "--json"), \
    ("stats", "--json"), ("intentions", "--json"), ("list", "--json")


def a_whole_journal(cli: Cli) -> dict[str, str]:
    """A trajectory with kept, cancelled and moved meetings, linked texts with a voornemen and
    its review, learning questions, tags, a draft, settings and a client list."""
    trajectory = cli.ok("traject", "new", "--form", "supervisie", "--title", "Supervisie bij Anna",
                        "--supervisor", "Anna de Vries", "--start", "7-1-2026", "--meetings", "10",
                        "--duration", "120").strip()
    cli.ok("traject", "meeting", trajectory, "1", "--status", "attended")
    cli.ok("traject", "meeting", trajectory, "2", "--status", "cancelled")
    cli.ok("traject", "meeting", trajectory, "3", "--date", "2026-02-20", "--duration", "90")
    cli.ok("new", "--kind", "learning_goals", "--trajectory", trajectory, "--meeting", "1",
           "--tag", "leervraag", stdin="# Leervragen\n\nHoe stel ik grenzen?\n")
    reflectie = load_library().sets["reflectieverslag"]
    cli.ok("new", "--kind", "reflection", "--trajectory", trajectory, "--meeting", "1",
           "--prompt-set", "reflectieverslag", "--tag", "grenzen",
           stdin=compose_body(reflectie, {"gedaan": "Casus.", "voornemen": "Eerst doorvragen."}))
    cli.ok("new", "--kind", "case", "--trajectory", trajectory, "--meeting", "3",
           stdin="# Casus\n\n## Terugblik op mijn voornemen\n\n> Eerst doorvragen.\n\nLukte.\n")
    vault = Vault.unlock(cli.vault, PASSPHRASE)
    vault.acquire_lock()
    journal = Journal(vault, None)
    journal.save_settings(Settings(idle_minutes=5, theme="textual-light"))
    journal.save_clients(ClientList([Client("Fatima El Amrani", nicknames=("Fati",))]))
    journal.save_draft(Draft(journal.new_draft_id(), "reflection", body="Half af, na de sessie…",
                             stage="edit", trajectory=trajectory, meeting=3))
    journal.close()
    vault.release_lock()
    return {"trajectory": trajectory}


def answers(cli: Cli, trajectory: str) -> dict[str, str]:
    found = {}
    for command in ANSWERS:
        args = list(command)
        if args[0] == "traject":
            args.insert(2, trajectory)
        found[" ".join(command)] = cli.ok(*args)
    return found


@pytest.mark.slow  # seconds of real work: the full suite only
def test_export_then_import_into_a_new_vault_gives_the_same_answers(cli, tmp_path):
    made = a_whole_journal(cli)
    out = tmp_path / "export"
    result = cli("export", "--out", str(out), "--with-clients")
    assert result.code == 0, result.err
    assert "cliëntenlijst" in result.err and "NIET versleuteld" in result.err
    manifest = json.loads((out / "reflectiejournaal-export.json").read_text())
    assert (manifest["entries"], manifest["trajectories"], manifest["drafts"]) == (3, 1, 1)
    trajectory_file = json.loads((out / "trajecten" / f"{made['trajectory']}.json").read_text())
    assert [m["status"] for m in trajectory_file["meetings"][:3]] == ["attended", "cancelled", "planned"]
    assert json.loads((out / "clienten.json").read_text())[0]["name"] == "Fatima El Amrani"
    for path in out.rglob("*"):  # plaintext on request, for this user only
        assert stat.S_IMODE(path.stat().st_mode) == (0o700 if path.is_dir() else 0o600)

    other_vault, _ = Vault.create(tmp_path / "nieuw", PASSPHRASE, kdf=cheap_kdf())
    other_vault.release_lock()
    other = Cli(tmp_path / "nieuw", cli.passphrase_file)
    imported = other("import", str(out))
    assert imported.code == 0, imported.err
    assert "3 nieuw" in imported.err and "1 traject" in imported.err and "1 concept" in imported.err
    assert answers(other, made["trajectory"]) == answers(cli, made["trajectory"])
    assert other.ok("clients", "list", "--json") == cli.ok("clients", "list", "--json")
    restored = Journal(Vault.unlock(other.vault, PASSPHRASE), None)
    assert restored.settings() == Settings(idle_minutes=5, theme="textual-light")
    [draft] = restored.drafts()
    assert (draft.body, draft.meeting) == ("Half af, na de sessie…", 3)

    again = other("import", str(out))  # twice adds nothing
    assert "0 nieuw" in again.err and "3 ongewijzigd" in again.err and "Verder" not in again.err
    assert answers(other, made["trajectory"]) == answers(cli, made["trajectory"])


def test_the_client_list_stays_in_the_vault_unless_asked_for(cli, tmp_path):
    a_whole_journal(cli)
    cli.ok("export", "--out", str(tmp_path / "export"))
    assert not (tmp_path / "export" / "clienten.json").exists()
    assert not any("Fatima" in p.read_text() for p in (tmp_path / "export").rglob("*") if p.is_file())


def test_export_goes_into_a_new_or_empty_folder_only(cli, tmp_path):
    cli.ok("new", "--kind", "note", stdin="tekst")
    empty = cli("export", "--out", "")
    assert empty.code == 2 and "--out" in empty.err
    assert not list(tmp_path.glob("*.md")) and not (tmp_path / "reflectiejournaal-export.json").exists()
    taken = tmp_path / "documenten"
    taken.mkdir()
    (taken / "cv.md").write_text("mijn cv")
    result = cli("export", "--out", str(taken))
    assert result.code == 2 and "staat al iets" in result.err
    assert os.listdir(taken) == ["cv.md"]


def test_export_to_standard_output_and_a_damaged_item_is_not_exit_0(cli, tmp_path):
    first = cli.ok("new", "--kind", "note", "--title", "Eerste", stdin="een").strip()
    cli.ok("new", "--kind", "note", "--title", "Tweede", stdin="twee")
    stream = cli.ok("export", "--out", "-")
    assert stream.count("---\n") == 4 and "title: Eerste" in stream and "title: Tweede" in stream
    (cli.vault / "items" / f"{first}.rj").write_bytes(b"kapot")
    result = cli("export", "--out", str(tmp_path / "export"))
    assert result.code == 5 and f"{first}.rj" in result.err
    assert len(list((tmp_path / "export").glob("*.md"))) == 1


def test_import_says_what_it_did_not_take(cli, tmp_path):
    folder = tmp_path / "los"
    folder.mkdir()
    secret = tmp_path / "geheim.txt"
    secret.write_text("root:x:0:0")
    (folder / "passwd.md").symlink_to(secret)
    entry_id = "0123456789abcdef"
    (folder / "nieuw.md").write_text(f"---\nid: {entry_id}\nkind: note\ncreated: 2026-01-02 10:00:00+01:00\n"
                                     "updated: 2026-01-03 10:00:00+01:00\n---\nNieuwe versie\n")
    (folder / "oud.md").write_text(f"---\nid: {entry_id}\nkind: note\ncreated: 2026-01-02 10:00:00+01:00\n"
                                   "updated: 2026-01-02 10:00:00+01:00\n---\nOude versie\n")
    (folder / "raar-id.md").write_text("---\nid: xyz\nkind: note\n---\nMet een raar id\n")
    result = cli("import", str(folder))
    assert result.code == 2
    assert "passwd.md" in result.err and "symlink" in result.err
    assert "oud.md" in result.err and "nieuwere versie" in result.err
    assert "raar-id.md" in result.err and "eigen id" in result.err
    listed = json.loads(cli.ok("list", "--json"))
    assert sorted(e["first_line"] for e in listed) == ["Met een raar id", "Nieuwe versie"]
    assert "root" not in cli.ok("search", "root")

    missing = cli("import", str(tmp_path / "bestaat-niet"))
    assert missing.code == 4 and "bestaat niet" in missing.err and "schrijven" not in missing.err


@pytest.mark.slow  # seconds of real work: the full suite only
def test_backup_then_restore_on_a_new_machine_gives_the_same_answers(cli, tmp_path):
    made = a_whole_journal(cli)
    archive = tmp_path / "kluis.rjbackup"
    written = cli("backup", "--out", str(archive))
    assert written.code == 0 and "gecontroleerd" in written.err
    assert cli("backup", "--out", str(archive)).code == 2  # never over an earlier backup
    taken = cli("restore", str(archive))  # over the vault itself: only with --replace
    assert taken.code == 2 and "--replace" in taken.err
    new_machine = {"XDG_STATE_HOME": str(tmp_path / "ander-apparaat"),
                   "XDG_CACHE_HOME": str(tmp_path / "ander-apparaat-cache")}
    restored = Cli(tmp_path / "laptop" / "kluis", cli.passphrase_file)
    result = restored("restore", str(archive), env=new_machine)
    assert result.code == 0, result.err
    assert answers(restored, made["trajectory"]) == answers(cli, made["trajectory"])
    assert restored("check").code == 0

    data = bytearray(archive.read_bytes())
    item = next((cli.vault / "items").iterdir()).read_bytes()
    data[data.index(item) + len(item) // 2] ^= 1  # one bit of one item changed on the stick
    archive.write_bytes(bytes(data))
    damaged = Cli(tmp_path / "elders", cli.passphrase_file)("restore", str(archive))
    assert damaged.code == 4 and "geen bruikbare back-up" in damaged.err
    assert not (tmp_path / "elders").exists()
