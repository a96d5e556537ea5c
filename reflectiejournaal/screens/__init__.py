"""One screen per file. Screens call the domain through ``app.journal``; they never touch files."""
