"""Big blocks freed in any thread go back to the system, so a burst of logins leaves no lasting bulk."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reelarr.memory import return_big_blocks

# Hashes one password in each of four threads, one after the other (as logins go through a thread
# pool), and prints how much more resident the process is afterwards, in KiB.
_AFTER_HASHES_IN_THREADS = """
import sys, threading
from argon2 import PasswordHasher
from reelarr.auth.passwords import Passwords
from reelarr.memory import return_big_blocks

def resident_kib() -> int:
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")

if sys.argv[1] == "on":
    assert return_big_blocks()
hasher = Passwords()._hasher
stored = hasher.hash("correct horse battery")
before = resident_kib()
for _ in range(4):
    thread = threading.Thread(target=hasher.verify, args=(stored, "correct horse battery"))
    thread.start()
    thread.join()
print(resident_kib() - before)
"""


def _growth_kib(setting: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", _AFTER_HASHES_IN_THREADS, setting], capture_output=True, text=True, check=True
    )
    return int(done.stdout)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator")
def test_hashes_in_other_threads_leave_no_lasting_bulk() -> None:
    assert _growth_kib("on") < 8 * 1024


def test_it_says_whether_it_applied() -> None:
    assert return_big_blocks() is sys.platform.startswith("linux")
