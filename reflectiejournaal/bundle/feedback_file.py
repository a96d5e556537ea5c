"""The supervisor's feedback file: made in the sealed page's browser, opened here.

The page encrypts the comments with WebCrypto, AES-256-GCM under a key derived by
HKDF-SHA256 from the bundle key (the bundle code's 16 bytes), with the bundle's id as HKDF's
info. The file's header (format, version, the bundle's id, the ids of its entries, when it was
saved and the nonce) is the associated data: a file cannot be moved to another bundle, given
other entries or altered without the tag failing. The vault keeps each bundle's key in its
record (see ``feedback.SentBundle``), so importing asks for no code. docs/vault-format.md has the
bytes; :func:`seal_feedback` is this module's own writer, for tests and for symmetry.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ..errors import JournalError
from ..feedback import EntryFeedback, Feedback, Passage, SentBundle, checked_feedback
from ..journal import Journal

FORMAT = "reflectiejournaal-feedback"
VERSION = 1
SALT = b"reflectiejournaal/feedback"
SUFFIX = ".rjfb"
MAX_FILE_BYTES = 8 * 1024 * 1024  # generous for words; a bigger file is not feedback


class FeedbackProblem(JournalError):
    """A feedback file that cannot be imported; ``reason`` says why in the catalogue."""

    key = "error.feedback"

    def __init__(self, reason: str, **details: object) -> None:
        super().__init__(reason, reason=reason, **details)


def feedback_key(bundle_key: bytes, bundle_id: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=SALT,
                info=bundle_id.encode("ascii")).derive(bundle_key)


def read_file(path: Path) -> bytes:
    """A feedback file's bytes, one more than a feedback file can hold at most, so that
    :func:`read_header` refuses a bigger one without it being read whole (OSError as is)."""
    with open(path, "rb") as source:
        return source.read(MAX_FILE_BYTES + 1)


def read_header(data: bytes) -> tuple[bytes, dict, bytes]:
    """``(header bytes, header, ciphertext)`` of a feedback file, before any key is used."""
    if len(data) > MAX_FILE_BYTES:
        raise FeedbackProblem("feedback_too_large")
    try:
        outer = json.loads(data.decode("utf-8"))
        header_bytes = base64.b64decode(outer["header"], validate=True)
        sealed = base64.b64decode(outer["ciphertext"], validate=True)
        header = json.loads(header_bytes.decode("utf-8"))
        if not isinstance(header, dict):
            raise TypeError
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, binascii.Error,
            RecursionError):  # a file nested ten thousand deep is no feedback either
        raise FeedbackProblem("feedback_not_a_file") from None
    if header.get("format") != FORMAT:
        raise FeedbackProblem("feedback_not_a_file")
    if header.get("version") != VERSION:
        raise FeedbackProblem("feedback_version")
    return header_bytes, header, sealed


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is no number a page writes")


def open_feedback(data: bytes, bundles: list[SentBundle]) -> tuple[SentBundle, Feedback]:
    """The bundle a feedback file belongs to and what it says; :class:`FeedbackProblem` when
    it belongs to no bundle of this vault, was changed, or is not a feedback file at all."""
    header_bytes, header, sealed = read_header(data)
    bundle = next((b for b in bundles if b.id == header.get("bundle")), None)
    if bundle is None:
        raise FeedbackProblem("feedback_unknown_bundle")
    if not bundle.key:
        raise FeedbackProblem("feedback_not_sealed")
    if header.get("entries") != bundle.entries:
        raise FeedbackProblem("feedback_tampered")
    try:
        nonce = base64.b64decode(header["nonce"], validate=True)
        aes = AESGCM(feedback_key(bytes.fromhex(bundle.key), bundle.id))
        opened = aes.decrypt(nonce, sealed, header_bytes)
    except (InvalidTag, ValueError, KeyError, TypeError, binascii.Error):
        raise FeedbackProblem("feedback_tampered") from None
    try:  # authentic from here: what is wrong now is the content
        plain = json.loads(opened.decode("utf-8"), parse_constant=_no_constant)
    except (ValueError, RecursionError):
        raise FeedbackProblem("feedback_content") from None
    return bundle, _feedback(plain, header, bundle)


def _feedback(plain: object, header: dict, bundle: SentBundle) -> Feedback:
    """Checked field by field: the file is authentic, but its content is still input."""
    try:
        assert isinstance(plain, dict)
        assert plain["bundle"] == bundle.id and plain["saved"] == header["saved"]
        saved = dt.datetime.fromisoformat(str(header["saved"]).replace("Z", "+00:00"))
        raw_entries = plain.get("entries", {})
        assert isinstance(raw_entries, dict)
        entries = {}
        for entry_id, raw in raw_entries.items():
            assert isinstance(raw, dict) and isinstance(raw.get("passages", []), list)
            entries[str(entry_id)] = EntryFeedback(raw.get("comment", ""), tuple(
                Passage(p["quote"], p.get("comment", ""), p.get("at", 0))
                for p in raw.get("passages", [])))
        feedback = Feedback(saved=saved, nonce=str(header["nonce"]),
                            general=plain.get("general", ""), entries=entries,
                            imported=dt.datetime.now().astimezone())
        return checked_feedback(feedback, bundle)
    except (AssertionError, KeyError, TypeError, ValueError, OverflowError):
        raise FeedbackProblem("feedback_content") from None


@dataclass(frozen=True)
class Imported:
    """What importing a feedback file did (see ``Journal.accept_feedback``)."""

    outcome: str  # new, updated, same or older
    bundle: SentBundle
    feedback: Feedback
    kept: Feedback | None  # what the vault had before


def import_feedback(journal: Journal, data: bytes) -> Imported:
    """Open a feedback file against the bundles this vault made and keep it if it is new."""
    bundle, feedback = open_feedback(data, journal.sent_bundles())
    kept = bundle.feedback
    return Imported(journal.accept_feedback(bundle, feedback), bundle, feedback, kept)


def seal_feedback(bundle: SentBundle, general: str = "",
                  entries: dict[str, dict] | None = None,
                  saved: dt.datetime | None = None) -> bytes:
    """A feedback file as the page makes it (``entries``: id → ``{"comment", "passages"}``)."""
    assert bundle.key is not None
    saved = saved or dt.datetime.now(dt.timezone.utc)
    stamp = saved.astimezone(dt.timezone.utc).isoformat(timespec="milliseconds").replace(
        "+00:00", "Z")
    nonce = os.urandom(12)
    header = json.dumps({
        "format": FORMAT, "version": VERSION, "bundle": bundle.id, "entries": bundle.entries,
        "saved": stamp, "nonce": base64.b64encode(nonce).decode(),
    }, separators=(",", ":")).encode("utf-8")
    plain = json.dumps({"bundle": bundle.id, "saved": stamp, "general": general,
                        "entries": entries or {}}).encode("utf-8")
    sealed = AESGCM(feedback_key(bytes.fromhex(bundle.key), bundle.id)).encrypt(
        nonce, plain, header)
    return json.dumps({"format": FORMAT, "header": base64.b64encode(header).decode(),
                       "ciphertext": base64.b64encode(sealed).decode()}).encode("utf-8")
