"""The progress line of a long run (docs/cli.md, "Progress"): on standard error when it is a
terminal, checked under a pseudo-terminal; never into a pipe or a file unless --progress asks;
never with --no-progress. IPTKIT_PROGRESS_DELAY_MS=0 shows it from the start, so that a short run
is enough; without it a run shorter than two seconds shows nothing."""
import os
import pty
import re
import subprocess

import pytest

CLI = os.environ.get("IPTKIT_CLI")

pytestmark = pytest.mark.skipif(not CLI, reason="IPTKIT_CLI not set (run through ctest)")

CASES = 1500


@pytest.fixture(scope="module")
def cohort(tmp_path_factory):
    path = tmp_path_factory.mktemp("progress") / "cohort.jsonl"
    subprocess.run([CLI, "synth", "--cases", str(CASES), "--seed", "3", "-o", str(path), "--no-progress", "--quiet"],
                   check=True, timeout=120)
    return path


def environment(delay):
    env = {k: v for k, v in os.environ.items() if k != "IPTKIT_PROGRESS_DELAY_MS"}
    env["NO_COLOR"] = "1"
    if delay is not None:
        env["IPTKIT_PROGRESS_DELAY_MS"] = delay
    return env


def on_terminal(args, delay="0"):
    """Runs the program with standard error on a pseudo-terminal: its exit code and what the
    terminal received (the terminal turns each "\\n" into "\\r\\n")."""
    master, slave = pty.openpty()
    p = subprocess.Popen([CLI, *args], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave,
                         env=environment(delay))
    os.close(slave)
    received = bytearray()
    while True:
        try:
            chunk = os.read(master, 1 << 16)
        except OSError:  # EIO: every writer has closed the terminal
            break
        if not chunk:
            break
        received += chunk
    os.close(master)
    return p.wait(timeout=120), received.decode()


def piped(args, delay="0"):
    return subprocess.run([CLI, *args], stdin=subprocess.DEVNULL, capture_output=True, timeout=120,
                          env=environment(delay))


LINE = re.compile(r"\riptkit (\w+): ([\d,]+)(?: of ([\d,]+))? ([a-z ]+?)(?: \((\d+)%\))?, (\d+\.\d) s")


def lines(text):
    return LINE.findall(text)


def test_validate_shows_a_line_on_a_terminal_and_ends_it(cohort):
    code, text = on_terminal(["validate", str(cohort)])
    assert code == 0
    shown = lines(text)
    assert shown, repr(text[:300])
    assert all(verb == "validate" and what == "cases validated" for verb, _, _, what, _, _ in shown)
    counts = [int(n.replace(",", "")) for _, n, _, _, _, _ in shown]
    assert counts == sorted(counts) and counts[-1] == CASES
    assert shown[-1][1] == f"{CASES:,}"  # thousands separated
    assert text.endswith("\r\n")          # the last line is finished, not left to be overwritten
    assert text.count("\n") == 1


def test_a_known_total_gives_a_percentage(tmp_path):
    code, text = on_terminal(["synth", "--cases", "700", "-o", str(tmp_path / "c.jsonl")])
    assert code == 0
    shown = lines(text)
    assert shown, repr(text[:300])
    verb, done, total, what, percent, _ = shown[-1]
    assert (verb, done, total, what, percent) == ("synth", "700", "700", "cases generated", "100")
    # The summary line starts on a line of its own.
    assert "\r\n700 synthetic case(s) (seed 1) written to" in text


def test_verbs_that_read_a_cohort_show_it(cohort):
    code, text = on_terminal(["outcomes", str(cohort)])
    assert code == 0
    shown = lines(text)
    assert shown and shown[-1][0] == "outcomes" and shown[-1][1] == f"{CASES:,}" and shown[-1][3] == "cases read"


def test_a_short_run_shows_nothing_by_default(tmp_path):
    # The two-second delay (no IPTKIT_PROGRESS_DELAY_MS): validating 50 cases takes far less.
    small = tmp_path / "small.jsonl"
    subprocess.run([CLI, "synth", "--cases", "50", "-o", str(small), "--quiet"], check=True, timeout=120)
    code, text = on_terminal(["validate", str(small)], delay=None)
    assert code == 0
    assert text == ""


def test_never_into_a_pipe_or_a_file_unless_asked(cohort, tmp_path):
    p = piped(["validate", str(cohort)])
    assert p.returncode == 0 and p.stderr == b""
    with open(tmp_path / "err.txt", "wb") as err:
        code = subprocess.run([CLI, "validate", str(cohort)], stdout=subprocess.DEVNULL, stderr=err, timeout=120,
                              env=environment("0")).returncode
    assert code == 0 and (tmp_path / "err.txt").read_bytes() == b""
    forced = piped(["validate", "--progress", str(cohort)])
    assert forced.returncode == 0
    shown = lines(forced.stderr.decode())
    assert shown and shown[-1][1] == f"{CASES:,}"
    assert forced.stderr.endswith(b"\n")


def test_no_progress_and_quiet_switch_it_off(cohort):
    assert on_terminal(["validate", "--no-progress", str(cohort)]) == (0, "")
    assert on_terminal(["validate", "--quiet", str(cohort)]) == (0, "")
    code, text = on_terminal(["validate", "--quiet", "--progress", str(cohort)])  # asked for: shown
    assert code == 0 and lines(text)


def test_progress_and_no_progress_together_are_a_usage_error(cohort):
    p = piped(["validate", "--progress", "--no-progress", str(cohort)])
    assert p.returncode == 2 and p.stdout == b""
    assert p.stderr.decode().count("\n") == 1
