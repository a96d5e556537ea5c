#!/usr/bin/env python3
"""Decrypt a reflectiejournaal vault without reflectiejournaal: Python and `cryptography` only.

    python3 decrypt_vault.py VAULT_DIR OUT_DIR [--cache [CACHE_FILE]]    (asks the passphrase)

Writes every item's plaintext to OUT_DIR/<item id>.md (entries) or .<type> (other items); a
conflict copy goes to OUT_DIR/<item id>.<its file name>.md (or .<type>). With --cache it also
decrypts the cache (by default <user cache folder>/reflectiejournaal/<vault id>.cache) to
OUT_DIR/cache.json. Without a terminal the passphrase is the first line of standard input.
This script is the executable form of docs/vault-format.md; keep the two in step.
"""

import argparse
import base64
import getpass
import json
import os
import re
import sys
import unicodedata

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

SUMMARY = ("id", "kind", "title", "created", "updated", "trajectory", "meeting", "prompt_set",
           "tags", "words", "first_line")


def need(ok, what):
    if not ok:
        sys.exit(f"decrypt_vault: {what}")


def unb64(text):  # strict: only the Base64 alphabet, padding required, no whitespace
    return base64.b64decode(text.encode("ascii"), validate=True)


def hkdf(key, info, salt=b""):
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(key)


def open_sealed(key, sealed, ad):  # sealed = nonce (12) || ciphertext || tag (16)
    return AESGCM(key).decrypt(sealed[:12], sealed[12:], ad.encode("ascii"))


def open_slot(slot, vault_id, passphrase, kek_cache):
    """The key in a passphrase slot; the key derivation is done once per set of parameters."""
    memory, passes, lanes = slot["memory_kib"], slot["iterations"], slot["lanes"]
    need(slot["kdf"] == "argon2id" and all(type(n) is int for n in (memory, passes, lanes)), "kdf")
    salt = unb64(slot["salt"])
    # The caps, all bounds inclusive, checked before any key work.
    need(1 <= lanes <= 16 and 1 <= passes <= 16 and 8 * lanes <= memory <= 1024 * 1024
         and memory * passes <= 4 * 1024 * 1024 and 16 <= len(salt) <= 64, "hostile parameters")
    params = (memory, passes, lanes, salt)
    if params not in kek_cache:
        kek_cache[params] = Argon2id(
            salt=salt, length=32, iterations=passes, lanes=lanes, memory_cost=memory
        ).derive(unicodedata.normalize("NFC", passphrase).encode("utf-8"))
    ad = (f"rj-slot-v1|passphrase|{vault_id}|argon2id|{memory}|{passes}|{lanes}|"
          f"{base64.b64encode(salt).decode('ascii')}")
    try:
        return open_sealed(kek_cache[params], unb64(slot["wrapped_key"]), ad)
    except InvalidTag:
        return None


def unlock(vault_dir, passphrase):
    with open(os.path.join(vault_dir, "reflectiejournaal-vault.json"), "rb") as handle:
        raw = handle.read(64 * 1024 + 1)
    need(len(raw) <= 64 * 1024, "header over 64 KiB")
    header = json.loads(raw)
    vault_id = header["vault_id"]
    need(header["format"] == "reflectiejournaal-vault" and type(header["version"]) is int
         and header["version"] == 1, "not a version 1 vault")
    need(isinstance(vault_id, str) and re.fullmatch("[0-9a-f]{32}", vault_id), "bad vault_id")
    keks = {}
    key = open_slot(header["passphrase_slot"], vault_id, passphrase, keks)
    retired = header.get("retired_keys")
    pending = header.get("rekey")
    if pending is not None:  # a rekey under way: its slot (same passphrase) holds the new key
        new_key = open_slot(pending["passphrase_slot"], vault_id, passphrase, keks)
        if new_key is not None:
            key, retired = new_key, pending["retired_keys"]
    if key is None:
        sys.exit("decrypt_vault: wrong passphrase (or a changed header)")
    return vault_id, key, keys_of(vault_id, key, retired)


def keys_of(vault_id, key, retired):
    """Every vault key, the one new writes use first, then older keys kept after rekeys."""
    older = b""
    if retired is not None:
        older = open_sealed(hkdf(key, b"rj-retired-keys-v1"), unb64(retired),
                            f"rj-retired-v1|{vault_id}")
    return [key] + [older[i : i + 32] for i in range(0, len(older), 32)]


def write_private(path, data):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    print(path)


def open_item(item_keys, sealed, ad):
    for item_key in item_keys:  # an item may still be sealed under an older key
        try:
            return open_sealed(item_key, sealed, ad)
        except InvalidTag:
            continue
    raise InvalidTag()


def decrypt_items(vault_dir, vault_id, keys, out_dir):
    item_keys, damaged = [hkdf(k, b"rj-item-key-v1") for k in keys], 0
    items_dir = os.path.join(vault_dir, "items")
    for name in sorted(os.listdir(items_dir)):
        path = os.path.join(items_dir, name)
        if name.startswith(".") or not os.path.isfile(path):
            continue  # writes in progress, a sync tool's own files
        with open(path, "rb") as handle:
            data = handle.read()
        item_id = data[5:21].decode("ascii", "replace")
        named = re.fullmatch("([0-9a-f]{16})\\.rj", name)
        if data[:5] != b"RJIT\x01" or not re.fullmatch("[0-9a-f]{16}", item_id) or (
                named and named.group(1) != item_id):  # the AAD binds the clear id, not the name
            print(f"{name}: not an item, or another item's file", file=sys.stderr)
            damaged += 1
            continue
        try:
            padded = open_item(item_keys, data[21:], f"rj-item-v1|{vault_id}|{item_id}")
            end = padded.rindex(b"\x80")
            if padded[end + 1 :].strip(b"\x00"):
                raise ValueError("padding")
        except (InvalidTag, ValueError):
            print(f"{name}: does not authenticate", file=sys.stderr)
            damaged += 1
            continue
        first_line, _, body = padded[:end].partition(b"\n")
        item_type = first_line.split(b" ")[0]  # "entry 7": the type, then the item's version
        suffix = ".md" if item_type == b"entry" else "." + item_type.decode("ascii", "replace")
        write_private(os.path.join(out_dir, item_id + ("" if named else "." + name) + suffix), body)
    return damaged


def default_cache(vault_id):
    if sys.platform == "darwin":
        base = os.path.expanduser("~/Library/Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME", "").strip() or os.path.expanduser("~/.cache")
    return os.path.join(base, "reflectiejournaal", vault_id + ".cache")


def decrypt_cache(path, vault_id, vault_key):
    key = hkdf(vault_key, b"rj-cache-key-v1")
    with open(path, "rb") as handle:
        data = handle.read()
    size = int.from_bytes(data[:8], "big")  # the file starts with a length, not a nonce
    need(len(data) >= 8 and size <= len(data) - 8, "cache: damaged length")
    try:
        meta = json.loads(open_sealed(key, data[8 : 8 + size], f"rj-cache-v6|{vault_id}|meta"))
        need(meta["version"] == 6, "cache: another version")
        texts = open_sealed(key, data[8 + size :], f"rj-cache-v6|{vault_id}|texts|"
                                                   f"{meta['generation']}")
    except InvalidTag:
        sys.exit("decrypt_vault: the cache does not authenticate (another vault, or damaged)")
    records, at = {}, 0
    for item_id, row in meta["records"].items():
        signature, item_type, summary, body_at, (length, chars_length, count), version, key_rank = row
        folded = texts[at : at + length].decode("utf-8")
        chars = texts[at + length : at + length + chars_length].decode("utf-8")
        offsets = texts[at + length + chars_length : at + length + chars_length + 4 * count]
        written = list(folded)  # the text as written: folded, with these characters put back
        for n, char in enumerate(chars):
            written[int.from_bytes(offsets[4 * n : 4 * n + 4], "little")] = char
        records[item_id] = {  # texts follow the order of the records, lengths in bytes
            "signature": dict(zip(("size", "mtime_ns", "inode"), signature)),
            "type": item_type,
            "summary": None if summary is None else dict(zip(SUMMARY, summary)),
            "body_at": body_at,
            "item_version": version,
            "key_rank": key_rank,  # 0 newest key, 1 a rekey's current key, 2 older
            "text": folded,
            "text_as_written": "".join(written),
        }
        at += length + chars_length + 4 * count
    need(at == len(texts), "cache: texts do not add up")
    return {"version": meta["version"], "generation": meta["generation"], "records": records}


def main(argv, passphrase=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("vault_dir")
    parser.add_argument("out_dir")
    parser.add_argument("--cache", nargs="?", const="", metavar="CACHE_FILE")
    args = parser.parse_args(argv)
    if passphrase is None:
        passphrase = (getpass.getpass("Wachtwoordzin: ") if sys.stdin.isatty()  # never trimmed
                      else sys.stdin.readline().removesuffix("\n").removesuffix("\r"))
    vault_id, _, keys = unlock(args.vault_dir, passphrase)
    os.makedirs(args.out_dir, mode=0o700, exist_ok=True)
    damaged = decrypt_items(args.vault_dir, vault_id, keys, args.out_dir)
    if args.cache is not None:  # the cache is sealed under the key new writes use
        cache = decrypt_cache(args.cache or default_cache(vault_id), vault_id, keys[0])
        write_private(os.path.join(args.out_dir, "cache.json"),
                      json.dumps(cache, ensure_ascii=False, indent=1).encode("utf-8"))
    return 1 if damaged else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
