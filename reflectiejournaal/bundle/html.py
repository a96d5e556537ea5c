"""HTML bundles: a self-contained page, and the same page sealed for the supervisor's browser.

The plain page needs no network and runs no script. The sealed page holds the page encrypted
(AES-256-GCM, key from the bundle code by PBKDF2-SHA256, 600,000 iterations; the header is the
associated data) and a small script that decrypts it with WebCrypto and shows it in a fully
sandboxed frame, under a Content-Security-Policy that allows no network at all. See
docs/threat-model.md.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
from importlib import resources

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from pathlib import Path

from markdown_it import MarkdownIt

from ..vault import crypto
from ..vault.fsutil import write_private
from ..locale import current_language, t
from ..vault.recovery import format_code, parse_code
from .markdown import BundleDocument, without_links

ITERATIONS = 600_000
CODE_DOMAIN = b"reflectiejournaal/bundelcode"
_ASSETS = resources.files(__package__) / "assets"
# The page's words, given to its script (the feedback panel's among them).
PAGE_MESSAGES = (
    "mistyped", "wrong", "damaged", "busy", "unsupported", "heading", "panel_intro", "continue",
    "general", "on_entry", "show_entry", "add_passage", "select_first", "one_entry",
    "passage_comment", "remove_passage", "save", "print", "unsaved", "nothing", "saved",
    "continued", "not_this_bundle", "print_general", "print_entry", "print_passage",
)


def _markdown() -> MarkdownIt:
    # html=False escapes raw HTML in entries. Images would be fetched and links followed: both
    # are shown as text (the Markdown has no links left; these rules hold if one slips in).
    md = MarkdownIt("commonmark", {"html": False, "linkify": False})

    def image(renderer, tokens, idx, options, env):  # type: ignore[no-untyped-def]
        token = tokens[idx]
        return html.escape(f"[{t('bundle.image')}: {token.content or token.attrGet('src')}]")

    def link_open(renderer, tokens, idx, options, env):  # type: ignore[no-untyped-def]
        env.setdefault("links", []).append(str(tokens[idx].attrGet("href") or ""))
        return "<span class=\"link\">"

    def link_close(renderer, tokens, idx, options, env):  # type: ignore[no-untyped-def]
        href = env["links"].pop() if env.get("links") else ""
        return f"</span> (<code>{html.escape(href)}</code>)" if href else "</span>"

    md.add_render_rule("image", image)
    md.add_render_rule("link_open", link_open)
    md.add_render_rule("link_close", link_close)
    return md


def render_html(markdown: str | BundleDocument, title: str) -> str:
    """A complete, self-contained page: typography and print styles inline, no network.

    From a :class:`BundleDocument` every entry is an ``<article>`` with its id, the place the
    supervisor's feedback is attached to."""
    md = _markdown()
    if isinstance(markdown, BundleDocument):
        body = md.render(without_links(_strip_front_matter(markdown.opening)))
        for heading, entries in markdown.meetings:
            body += md.render(without_links(f"## {heading}"))
            for entry_id, text in entries:
                anchor = html.escape(entry_id)
                body += (f'<article class="entry" id="entry-{anchor}" data-entry="{anchor}">\n'
                         f"{md.render(without_links(text))}</article>\n")
    else:
        body = md.render(_strip_front_matter(markdown))
    css = (_ASSETS / "bundle.css").read_text("utf-8")
    policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
    return (
        f"<!doctype html>\n<html lang=\"{current_language()}\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n"
        "<meta name=\"referrer\" content=\"no-referrer\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{html.escape(title)}</title>\n<style>\n{css}</style>\n</head>\n"
        f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )


def _strip_front_matter(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end >= 0:
            return text[end + 5:]
    return text


# -- the bundle code ---------------------------------------------------------------------------
def new_bundle_key() -> bytes:
    return os.urandom(16)


def format_bundle_code(key: bytes) -> str:
    """Written like the herstelcode, with its checksum in the bundle code's own domain."""
    return format_code(key, CODE_DOMAIN)


def seal_html(page: str, key: bytes, bundle_id: str | None = None) -> str:
    """The page encrypted for the browser, inside a page that can open it with the code.

    Outside the ciphertext there is nothing but a fixed title, the instructions and the
    bundle's random id (a trajectory's title often names a client). With the id, the page lets
    the supervisor write feedback on it (see feedback_file.py).
    """
    title = t("bundle.page.title")
    salt = os.urandom(16)
    aes_key = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt,
                         iterations=ITERATIONS).derive(key)
    nonce = os.urandom(crypto.NONCE_BYTES)
    fields = {
        "format": "reflectiejournaal-bundle", "version": 1, "kdf": "PBKDF2-SHA256",
        "iterations": ITERATIONS, "salt": base64.b64encode(salt).decode(),
        "nonce": base64.b64encode(nonce).decode(), "cipher": "AES-256-GCM",
    }
    if bundle_id is not None:
        fields["bundle"] = bundle_id
    header = json.dumps(fields, separators=(",", ":")).encode("ascii")
    sealed = AESGCM(aes_key).encrypt(nonce, page.encode("utf-8"), header)
    script = (_ASSETS / "open.js").read_text("utf-8")
    style = (_ASSETS / "open.css").read_text("utf-8")
    script_hash = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    # Only this one script may run. Inline styles are allowed (the framed page has its own),
    # which is harmless: with default-src 'none' nothing, styles included, can fetch anything.
    policy = (f"default-src 'none'; script-src 'sha256-{script_hash}'; "
              "style-src 'unsafe-inline'; img-src data:; frame-src 'self'; base-uri 'none'; "
              "form-action 'none'")
    messages = {k: t(f"bundle.page.{k}") for k in PAGE_MESSAGES}
    frame_style = (_ASSETS / "frame.css").read_text("utf-8")
    return (
        f"<!doctype html>\n<html lang=\"{current_language()}\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n"
        "<meta name=\"referrer\" content=\"no-referrer\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{html.escape(title)}</title>\n<style>{style}</style>\n</head>\n<body>\n"
        f"<form id=\"unlock\"><h1>{html.escape(title)}</h1>\n"
        f"<p>{html.escape(t('bundle.page.intro'))}</p>\n"
        f"<label for=\"code\">{html.escape(t('bundle.page.label'))}</label>\n"
        "<input id=\"code\" autocomplete=\"off\" autocapitalize=\"characters\" spellcheck=\"false\" "
        "placeholder=\"XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX\" autofocus>\n"
        f"<button type=\"submit\">{html.escape(t('bundle.page.open'))}</button>\n"
        "<p id=\"message\" role=\"alert\"></p></form>\n"
        f"<pre id=\"header\" hidden>{base64.b64encode(header).decode()}</pre>\n"
        f"<pre id=\"payload\" hidden>{base64.b64encode(sealed).decode()}</pre>\n"
        f"<pre id=\"messages\" hidden>{html.escape(json.dumps(messages, ensure_ascii=True))}</pre>\n"
        f"<pre id=\"frame-style\" hidden>{html.escape(frame_style)}</pre>\n"
        f"<script>{script}</script>\n</body>\n</html>\n"
    )


def write_bundle(path: Path, document: str | BundleDocument, fmt: str, title: str,
                 key: bytes | None = None, bundle_id: str | None = None) -> tuple[str, str | None]:
    """Write the bundle in ``fmt`` to ``path`` (0600); returns its SHA-256 and, when sealed,
    the bundle code to show once (for ``key``, or a new one)."""
    code = None
    if fmt == "md":
        text = document.markdown() if isinstance(document, BundleDocument) else document
    elif fmt == "html":
        text = render_html(document, title)
    else:
        key = key or new_bundle_key()
        text = seal_html(render_html(document, title), key, bundle_id)
        code = format_bundle_code(key)
    data = text.encode("utf-8")
    write_private(path, data)
    return hashlib.sha256(data).hexdigest(), code


def open_sealed_html(document: str, code: str) -> str:
    """Decrypt a sealed page in Python (what the browser does), for tests and for the user."""
    key = parse_code(code, CODE_DOMAIN)
    header = base64.b64decode(_between(document, '<pre id="header" hidden>', "</pre>"))
    sealed = base64.b64decode(_between(document, '<pre id="payload" hidden>', "</pre>"))
    info = json.loads(header)
    aes_key = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32,
                         salt=base64.b64decode(info["salt"]),
                         iterations=info["iterations"]).derive(key)
    return AESGCM(aes_key).decrypt(base64.b64decode(info["nonce"]), sealed, header).decode("utf-8")


def _between(text: str, start: str, end: str) -> str:
    begin = text.index(start) + len(start)
    return text[begin:text.index(end, begin)]
