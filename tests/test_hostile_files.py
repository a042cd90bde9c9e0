"""Files the tool writes or reads at names another user could have prepared."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

OUT_COMMANDS = {
    "backup": ("backup", "--out"),
    "export": ("export", "--out"),
    "timeline": ("timeline", "--out"),
    "draft": ("draft", "absence-email", "--date", "01/06/2026", "--out"),
}


@pytest.fixture
def logged(cli, ready):
    cli("add-absence", "--date", "01/06/2026", "--reason", "Too unwell to attend", "--accept-wording", ok=True)
    return ready


@pytest.mark.skipif(not hasattr(os, "lchown") or os.geteuid() != 0, reason="planting another user's link needs root")
@pytest.mark.parametrize("command", list(OUT_COMMANDS))
def test_out_refuses_a_link_another_user_planted_in_a_shared_folder(cli, logged, tmp_path, command):
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    link = shared / "out.txt"
    link.symlink_to(victim)
    os.lchown(link, 4321, 4321)
    result = cli(*OUT_COMMANDS[command], str(link))
    assert result.exit_code == 1 and "belongs to another user" in result.stderr, result.stderr
    assert victim.read_text() == "precious" and link.is_symlink()


@pytest.mark.parametrize("command", list(OUT_COMMANDS))
def test_out_replaces_the_users_own_link_and_never_writes_through_it(cli, logged, tmp_path, command):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    link = tmp_path / "out.txt"
    link.symlink_to(victim)
    cli(*OUT_COMMANDS[command], str(link), ok=True)
    assert victim.read_text() == "precious"
    assert not link.is_symlink() and link.stat().st_size > 0 and (link.stat().st_mode & 0o777) == 0o600


def test_a_reader_that_stops_early_gets_no_error_message(cli, ready):
    """`refusal-log export | head -1`: the pipe closes before the output is written."""
    import subprocess
    import sys

    cli("add-note", "first", ok=True)
    # (`check --json`, which runs without Typer, too: the newcomer on round 80 saw "Something went wrong" for it.)
    for args in (["export"], ["list"], ["check", "--json", "refusing today"]):
        run = subprocess.Popen([sys.executable, "-m", "refusal_log", *args], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env={**os.environ, "REFUSAL_LOG_HOME": str(ready)})
        run.stdout.close()
        err = run.stderr.read().decode()
        run.wait()
        assert err == "" and run.returncode in (0, 1), (args, err)


@pytest.mark.parametrize("name", ["Sam\x1b[2J", "S" * 201])
def test_a_child_name_with_control_characters_or_too_long_is_refused(cli, ready, name):
    for command in (["init", "--child", name, "--school", "Hill"], ["child", "add", name],
                    ["child", "edit", "Sam", "--name", name, "--why", "typo"]):
        result = cli(*command)
        assert result.exit_code == 1 and ("control characters" in result.stderr or "at most 200" in result.stderr), \
            (command, result.stderr)
    assert [c["name"] for c in cli.json("child", "list")] == ["Sam"]


def test_control_characters_are_shown_by_name_on_screen_and_in_timelines_but_kept_as_typed(cli, ready, tmp_path):
    typed = "He said \x1b[2Jgo away\x07 \u202eevil"
    cli("add-note", typed, ok=True)
    cli("register", "set", "01/06/2026", "--am", "/", "--source", "office \x1b]0;pwned\x07", ok=True)
    for args in (["list"], ["show", "1"], ["search", "away"], ["register", "list"]):
        out = cli(*args, ok=True).stdout
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out, args
        assert "⟨ESC⟩" in out and "⟨BEL⟩" in out, (args, out)
    for fmt in ("txt", "md"):
        doc = cli("timeline", "--format", fmt, ok=True).stdout
        assert "\x1b" not in doc and "\x07" not in doc and "⟨ESC⟩" in doc and "⟨U+202E⟩" in doc
    assert cli.json("list")[0]["text"] == typed


def test_an_imported_emails_subject_and_ics_names_are_shown_by_name(cli, ready, tmp_path):
    mail = tmp_path / "m.eml"
    mail.write_bytes(b"From: head@school.example\nSubject: Meeting \x1b[31mnow\x07\n"
                     b"Date: Mon, 1 Jun 2026 09:00:00 +0100\n\nCome in.\n")
    out = cli("import-email", str(mail), ok=True).stdout
    assert "\x1b" not in out and "⟨ESC⟩" in out
    ics = tmp_path / "t.ics"
    ics.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//T//T//EN\r\nBEGIN:VEVENT\r\nUID:1\r\n"
                   "SUMMARY:Autumn term \x1b[2J\r\nDTSTART;VALUE=DATE:20260903\r\nDTEND;VALUE=DATE:20261219\r\n"
                   "END:VEVENT\r\nEND:VCALENDAR\r\n")
    out = cli("calendar", "import", str(ics), ok=True).stdout
    listed = cli("calendar", "list", ok=True).stdout
    for text in (out, listed):
        assert "\x1b" not in text and "⟨ESC⟩" in text, text


def test_a_template_that_is_a_link_to_a_file_elsewhere_is_not_used(cli, ready, tmp_path):
    cli("add-note", "first", ok=True)
    outside = tmp_path / "elsewhere.j2"
    outside.write_text("PLANTED {{ entries | length }}\n")
    (ready / "templates").mkdir(mode=0o700)
    (ready / "templates" / "timeline.txt.j2").symlink_to(outside)
    result = cli("timeline")
    assert result.exit_code == 1 and "is a link" in result.stderr and "PLANTED" not in result.stdout


def test_a_template_others_can_change_is_not_used(cli, ready):
    cli("add-note", "first", ok=True)
    (ready / "templates").mkdir(mode=0o700)
    planted = ready / "templates" / "timeline.txt.j2"
    planted.write_text("PLANTED\n")
    os.chmod(planted, 0o666)
    result = cli("timeline")
    assert result.exit_code == 1 and "chmod 600" in result.stderr and "PLANTED" not in result.stdout


def test_an_attachments_folder_that_is_a_link_elsewhere_is_refused_and_left_alone(cli, ready, tmp_path):
    cli("add-note", "first", ok=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.chmod(elsewhere, 0o755)
    (ready / "attachments").symlink_to(elsewhere)
    note = tmp_path / "n.txt"
    note.write_text("hello")
    result = cli("attach", "1", str(note))
    assert result.exit_code == 1 and "link to a folder elsewhere" in result.stderr, result.stderr
    assert list(elsewhere.iterdir()) == [] and (elsewhere.stat().st_mode & 0o777) == 0o755


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a small disk needs root")
def test_a_backup_on_a_full_home_disk_says_the_home_disk_is_full(cli, tmp_path):
    import subprocess

    mount = tmp_path / "small"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)]).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        home = mount / "home"
        cli("--home", str(home), "init", "--child", "Sam", "--school", "Hill", ok=True)
        with open(mount / "filler", "wb") as handle:
            try:
                while True:
                    handle.write(bytes(1 << 16))
                    handle.flush()
            except OSError:
                pass
        out = tmp_path / "b.tar.gz"
        result = cli("--home", str(home), "backup", "--out", str(out))
        assert result.exit_code == 1 and "is full" in result.stderr and "working copy" in result.stderr, result.stderr
        assert not out.exists()
    finally:
        subprocess.run(["umount", "-l", str(mount)])
