"""The vault: everything that keeps the user's writing safe on disk, below the journal.

Cryptography, the header with its key slots, the recovery code, the item store, file safety,
the agent that holds keys for a sitting, backups, and what this device saw of the folder.
Nothing here imports anything above it: it knows items and bytes, not entries.
"""
