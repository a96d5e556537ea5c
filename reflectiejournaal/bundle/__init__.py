"""Bundles for the supervisor: choose entries, find what could identify a client, review,
pseudonymise a copy, and write it as Markdown, a web page or a sealed web page.

``selection`` → ``detector`` (``names``, ``numbers``, ``patterns``, ``language`` on
``lexicon``) → ``entities`` → ``review`` → ``markdown`` → ``html``. The vault is never
changed. See docs/threat-model.md for what is and is not caught.
"""
