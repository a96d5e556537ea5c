#!/usr/bin/env python3
"""Decrypt a reflectiejournaal vault without reflectiejournaal: Python and `cryptography` only.

    python3 decrypt_vault.py VAULT_DIR OUT_DIR          (asks the passphrase)

Writes every item's plaintext to OUT_DIR/<item id>.md (entries) or .<type> (other items).
This script is the executable form of docs/vault-format.md; keep the two in step.
"""

import base64
import getpass
import json
import os
import sys
import unicodedata

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF


def hkdf(key, info):
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=b"", info=info).derive(key)


def main(vault_dir, out_dir, passphrase):
    header = json.load(open(os.path.join(vault_dir, "reflectiejournaal-vault.json")))
    assert header["format"] == "reflectiejournaal-vault" and header["version"] == 1
    vault_id, slot = header["vault_id"], header["passphrase_slot"]
    kek = Argon2id(
        salt=base64.b64decode(slot["salt"]), length=32, iterations=slot["iterations"],
        lanes=slot["lanes"], memory_cost=slot["memory_kib"],
    ).derive(unicodedata.normalize("NFC", passphrase).encode("utf-8"))
    slot_ad = (f"rj-slot-v1|passphrase|{vault_id}|argon2id|{slot['memory_kib']}|"
               f"{slot['iterations']}|{slot['lanes']}|{slot['salt']}").encode()
    wrapped = base64.b64decode(slot["wrapped_key"])
    vault_key = AESGCM(kek).decrypt(wrapped[:12], wrapped[12:], slot_ad)
    item_key = AESGCM(hkdf(vault_key, b"rj-item-key-v1"))

    os.makedirs(out_dir, mode=0o700, exist_ok=True)
    items_dir = os.path.join(vault_dir, "items")
    for name in sorted(os.listdir(items_dir)):
        data = open(os.path.join(items_dir, name), "rb").read()
        if data[:5] != b"RJIT\x01":
            continue  # temp files and strays
        item_id = data[5:21].decode("ascii")
        nonce, sealed = data[21:33], data[33:]
        padded = item_key.decrypt(nonce, sealed, f"rj-item-v1|{vault_id}|{item_id}".encode())
        plaintext = padded[: padded.rindex(b"\x80")]
        item_type, _, body = plaintext.partition(b"\n")
        suffix = ".md" if item_type == b"entry" else "." + item_type.decode("ascii")
        target = os.path.join(out_dir, item_id + ("" if name == item_id + ".rj" else "." + name) + suffix)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(body)
        print(target)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], getpass.getpass("Wachtwoordzin: ") if sys.stdin.isatty()
         else sys.stdin.readline().rstrip("\n"))
