"""Run jrnl's own command line in-process with a fixed password (for the benchmark only).

    JRNL_BENCH_PASSWORD=... python jrnl_driver.py --config-file CFG [jrnl arguments]

jrnl asks for the password through the system keyring or a prompt; here both answer with the
benchmark's password, so jrnl runs its normal code path (key derivation included).
"""

import os
import sys

PASSWORD = os.environ["JRNL_BENCH_PASSWORD"]

import jrnl.encryption.BasePasswordEncryption as base  # noqa: E402
import jrnl.prompt as prompt  # noqa: E402

base.get_keyring_password = lambda *args, **kwargs: PASSWORD
base.create_password = lambda *args, **kwargs: PASSWORD
prompt.create_password = lambda *args, **kwargs: PASSWORD
base.prompt_password = lambda *args, **kwargs: PASSWORD

from jrnl.main import run  # noqa: E402

sys.exit(run(sys.argv[1:]))
