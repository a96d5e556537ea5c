"""The command line: parsing, one module per command group, terminal input and exit codes."""
