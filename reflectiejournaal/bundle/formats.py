"""The formats a bundle is written in (light: the command line's parser needs the names only)."""

FORMATS = ("html-encrypted", "html", "md")
SEALED = "html-encrypted"  # the only format the supervisor can write feedback in
