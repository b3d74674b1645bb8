"""The argon2 setting every password hash is made with, by the server and by the command line."""

from __future__ import annotations

from argon2 import PasswordHasher

# OWASP's Argon2id setting (19 MiB, 2 passes, 1 lane). argon2-cffi's default (RFC 9106's "low
# memory" one) holds 64 MiB while it runs: a login then lifted the server's peak by a third of its
# whole budget (issue 9, item 6). Hashes made with other settings are made again at the next login.
ARGON2_MEMORY_KIB = 19 * 1024
ARGON2_TIME_COST = 2
ARGON2_LANES = 1


def new_hasher() -> PasswordHasher:
    """A hasher with Reelarr's argon2 setting."""
    return PasswordHasher(time_cost=ARGON2_TIME_COST, memory_cost=ARGON2_MEMORY_KIB, parallelism=ARGON2_LANES)
