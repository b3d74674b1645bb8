"""Mounted file systems (Linux /proc/mounts) and which of them /api/v3/diskspace reports.

What is listed, as Radarr does it (DiskSpaceService): the file system holding each root folder,
whatever its type (a root folder on NFS, tmpfs or mergerfs is where the films go, so its space
matters), plus every other *local disk* file system. A local disk is one whose type stores data on
a block device (ext4, xfs, btrfs, zfs, vfat, ntfs, ...); pseudo and memory file systems (proc,
sysfs, tmpfs, devtmpfs, cgroup, overlay, squashfs, ...) and network ones are left out unless a
root folder lives there. Mounts under /boot, /etc, /proc, /sys, /dev, /run, /snap and container
runtimes' storage are left out too (Docker bind-mounts /etc/hosts and friends from the host disk).
Each file system appears once: entries are deduplicated by device id, a root folder's mount first,
then the shortest mount point.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from reelarr.rootfolders.paths import is_inside

PROC_MOUNTS = Path("/proc/mounts")
DISK_LABELS = Path("/dev/disk/by-label")

LOCAL_DISK_TYPES = frozenset(
    {
        "bcachefs",
        "btrfs",
        "exfat",
        "ext2",
        "ext3",
        "ext4",
        "f2fs",
        "fuseblk",
        "hfs",
        "hfsplus",
        "jfs",
        "minix",
        "msdos",
        "nilfs2",
        "ntfs",
        "ntfs3",
        "qnx4",
        "reiserfs",
        "ufs",
        "vfat",
        "xfs",
        "zfs",
    }
)

_SPECIAL_MOUNT = re.compile(
    r"^/(?:boot|etc|proc|sys|dev|run|snap)(?:/|$)"
    r"|^/var/lib/(?:docker|containers|rancher|kubelet|lxd|snapd)(?:/|$)"
    r"|/docker(?:/var)?/aufs(?:/|$)"
    r"|/\.timemachine"
)
_OCTAL = re.compile(rb"\\([0-7]{3})")
_HEX = re.compile(r"\\x([0-9a-fA-F]{2})")


@dataclass(frozen=True, slots=True)
class Mount:
    """One line of /proc/mounts."""

    device: str
    path: str
    fs_type: str


@dataclass(frozen=True, slots=True)
class DiskSpace:
    """Space on one file system, reported at its mount point."""

    path: str
    label: str
    free_space: int
    total_space: int


def _unescape(field: bytes) -> str:
    return os.fsdecode(_OCTAL.sub(lambda m: bytes([int(m.group(1), 8)]), field))


def parse_mounts(text: bytes) -> list[Mount]:
    """The mounts listed in /proc/mounts text (the kernel writes space, tab, newline, backslash as octal)."""
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            mounts.append(Mount(_unescape(fields[0]), _unescape(fields[1]), _unescape(fields[2])))
    return mounts


def read_mounts() -> list[Mount]:
    """This machine's mounts, or an empty list where /proc/mounts does not exist."""
    try:
        return parse_mounts(PROC_MOUNTS.read_bytes())
    except OSError:
        return []


def is_local_disk(mount: Mount) -> bool:
    """True for a block-device file system outside the system and container-storage trees."""
    return mount.fs_type in LOCAL_DISK_TYPES and not _SPECIAL_MOUNT.search(mount.path)


def mount_of(path: str, mounts: list[Mount]) -> Mount | None:
    """The mount a (real, normalised) path lives on: the deepest mount point containing it."""
    holders = [m for m in mounts if m.path == path or is_inside(path, m.path)]
    return max(holders, key=lambda m: len(m.path), default=None)


def disk_labels() -> dict[str, str]:
    """File-system labels by device path, from /dev/disk/by-label (udev escapes odd bytes as \\xNN)."""
    labels: dict[str, str] = {}
    try:
        for link in DISK_LABELS.iterdir():
            name = _HEX.sub(lambda m: chr(int(m.group(1), 16)), link.name)
            labels[os.path.realpath(link)] = name
    except OSError:
        pass
    return labels


def label_for(mount: Mount, labels: dict[str, str]) -> str:
    """A mount's label: the file system's label when it has one, else the device it comes from."""
    if mount.device.startswith("/dev/"):
        return labels.get(os.path.realpath(mount.device), mount.device)
    return mount.device


def measure(path: str) -> tuple[int, int, int] | None:
    """(device id, free bytes, total bytes) of the file system at `path`, or None when unreadable."""
    try:
        device = os.stat(path).st_dev
        if not os.path.isdir(path):
            return None
        statvfs = os.statvfs(path)
    except OSError:
        return None
    return device, statvfs.f_bavail * statvfs.f_frsize, statvfs.f_blocks * statvfs.f_frsize
