"""Reading /proc/mounts and choosing which file systems /api/v3/diskspace reports."""

from __future__ import annotations

import pytest

from reelarr.rootfolders.mounts import Mount, is_local_disk, label_for, mount_of, parse_mounts

PROC_MOUNTS = b"""\
sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0
proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
/dev/sda2 / ext4 rw,relatime 0 0
tmpfs /run tmpfs rw,nosuid,nodev,size=1620296k,mode=755 0 0
/dev/sdb1 /mnt/media\\040disk xfs rw,relatime 0 0
/dev/sdc1 /mnt/caf\xc3\xa9 btrfs rw,relatime 0 0
overlay /var/lib/docker/overlay2/abc/merged overlay rw,relatime 0 0
/dev/sda2 /etc/hosts ext4 rw,relatime 0 0
nas:/export/films /mnt/nas nfs4 rw,relatime 0 0
/dev/sda1 /boot/efi vfat rw,relatime 0 0
cgroup2 /sys/fs/cgroup cgroup2 rw,nosuid,nodev,noexec,relatime 0 0
"""


def test_mounts_are_parsed_with_escapes_and_utf8() -> None:
    mounts = parse_mounts(PROC_MOUNTS)
    assert Mount("/dev/sdb1", "/mnt/media disk", "xfs") in mounts
    assert Mount("/dev/sdc1", "/mnt/café", "btrfs") in mounts
    assert len(mounts) == 11


def test_only_local_disks_outside_system_trees_are_listed_on_their_own() -> None:
    local = [m.path for m in parse_mounts(PROC_MOUNTS) if is_local_disk(m)]
    assert local == ["/", "/mnt/media disk", "/mnt/café"]


@pytest.mark.parametrize(
    ("path", "mount_point"),
    [
        ("/mnt/nas/Films", "/mnt/nas"),
        ("/mnt/media disk/Films", "/mnt/media disk"),
        ("/mnt/media", "/"),
        ("/home/me", "/"),
        ("/", "/"),
    ],
)
def test_a_path_lives_on_the_deepest_mount_containing_it(path: str, mount_point: str) -> None:
    found = mount_of(path, parse_mounts(PROC_MOUNTS))
    assert found is not None
    assert found.path == mount_point


def test_no_mounts_means_no_mount() -> None:
    assert mount_of("/films", []) is None


def test_label_is_the_file_system_label_or_the_device() -> None:
    assert label_for(Mount("/dev/sdb1", "/mnt/media", "xfs"), {"/dev/sdb1": "Films"}) == "Films"
    assert label_for(Mount("/dev/sdz9", "/mnt/media", "xfs"), {}) == "/dev/sdz9"
    assert label_for(Mount("nas:/export", "/mnt/nas", "nfs4"), {}) == "nas:/export"
