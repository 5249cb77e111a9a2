"""The CONSORT diagram is laid out without collisions in a real browser: Debian's Chromium,
headless, renders the diagrams `iptkit consort --format svg` draws for trials of one, two, three
and six arms (the bundled cohort as a trial among them), with long arm names, many long and
marked-up reasons, zero counts and nobody randomised, at widths from 320 to 1000 px and with a
long title, and the diagram of the HTML report. A script in the page reports the bounding box
(getBBox, in the figure's own units) of every box, text, phase label and arrow. Every count of
`iptkit consort --format json` must be in its box's text, no two boxes may intersect, every text
must lie inside its box, no arrow may run through a box, and everything must lie inside the
viewBox. A control figure with overlapping boxes and an overflowing text proves that the
measurement sees both."""
import html as htmllib
import json
import os
import pathlib
import re
import shutil
import subprocess
from itertools import combinations

import pytest
from trial_documents import scenarios, write_jsonl

CLI = os.environ.get("IPTKIT_CLI")
SOURCE = pathlib.Path(os.environ.get("IPTKIT_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
CHROMIUM = shutil.which("chromium")

pytestmark = [
    pytest.mark.skipif(not CLI, reason="run through ctest (IPTKIT_CLI not given)"),
    pytest.mark.skipif(CHROMIUM is None,
                       reason="chromium is not installed (Debian package `chromium`; .ci/install-deps installs it)"),
]

WIDTHS = [320, 640, 1000]
TITLE = "A <long> title & its 'quotes': the flow of a trial of interpersonal psychotherapy, drawn to wrap"

# Runs in the page: the geometry of every figure, by the classes consort_svg() gives its parts.
MEASURE = """
const box = e => { const b = e.getBBox(); return [b.x, b.y, b.x + b.width, b.y + b.height]; };
const texts = g => [...g.querySelectorAll('text')].map(t => ({text: t.textContent, box: box(t)}));
const figures = [];
for (const svg of document.querySelectorAll('svg')) {
  const view = svg.viewBox.baseVal;
  figures.push({
    id: svg.id, view: [view.x, view.y, view.x + view.width, view.y + view.height],
    boxes: [...svg.querySelectorAll('g.box')].map(g => ({
      name: g.dataset.box, arm: g.dataset.arm === undefined ? null : g.dataset.arm,
      rect: box(g.querySelector('rect')), texts: texts(g)})),
    phases: [...svg.querySelectorAll('g.phase')].map(g => ({
      name: g.dataset.phase, rect: box(g.querySelector('rect')), texts: texts(g)})),
    headings: [...svg.querySelectorAll('text.heading')].map(t => ({text: t.textContent, box: box(t)})),
    arrows: [...svg.querySelectorAll('g.arrows > *')].map(box),
    all: [...svg.querySelectorAll('rect, text, path, circle')].map(box)});
}
document.getElementById('boxes').textContent = JSON.stringify(figures);
"""

CONTROL = ('<svg xmlns="http://www.w3.org/2000/svg" id="control" width="300" height="80" viewBox="0 0 300 80" '
           'font-size="12"><g class="box" data-box="a"><rect x="10" y="10" width="120" height="40"/>'
           '<text x="18" y="30">a text far wider than its own box</text></g>'
           '<g class="box" data-box="b"><rect x="100" y="30" width="120" height="40"/></g></svg>')


def intersect(a, b):
    """Whether two boxes share an area (touching edges do not count)."""
    return min(a[2], b[2]) - max(a[0], b[0]) > 1e-6 and min(a[3], b[3]) - max(a[1], b[1]) > 1e-6


def inside(box, outer, tolerance=1e-6):
    return box[0] >= outer[0] - tolerance and box[1] >= outer[1] - tolerance and \
        box[2] <= outer[2] + tolerance and box[3] <= outer[3] + tolerance


def through(segment, rect):
    """Whether an arrow's part (a line may have no width) reaches into a box beyond its border."""
    inner = [rect[0] + 1, rect[1] + 1, rect[2] - 1, rect[3] - 1]
    return min(segment[2], inner[2]) >= max(segment[0], inner[0]) and \
        min(segment[3], inner[3]) >= max(segment[1], inner[1])


def cli(*args):
    run = subprocess.run([CLI, *map(str, args)], cwd=SOURCE, capture_output=True, timeout=120,
                         env={**os.environ, "NO_COLOR": "1"})
    assert run.returncode == 0, run.stderr.decode()
    return run.stdout.decode("utf-8")


def renamed(svg, name):
    """The figure with ids of its own, so that many can share the page."""
    return re.sub(r'"consort(-title|-desc)?(?=[" ])', lambda m: f'"{name}{m.group(1) or ""}', svg, count=4)


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    """Measured figures by id, each with the flow its counts must match."""
    folder = tmp_path_factory.mktemp("consort")
    svgs, flows = [], {}
    for name, docs in scenarios(SOURCE).items():
        path = write_jsonl(folder / f"{name}.jsonl", docs)
        flow = json.loads(cli("consort", path, "--format", "json", "--quiet"))
        for width in WIDTHS:
            fid = f"{name}-{width}"
            svgs.append(renamed(cli("consort", path, "--format", "svg", "--width", width, "--quiet"), fid))
            flows[fid] = (flow, width)
        fid = f"{name}-titled"
        svgs.append(renamed(cli("consort", path, "--format", "svg", "--title", TITLE, "--quiet"), fid))
        flows[fid] = (flow, 640)
    # The report's own figure, as the report page has it.
    cohort = folder / "two_arms_cohort.jsonl"
    report = folder / "report.html"
    cli("report", cohort, "-o", report, "--quiet")
    page_html = report.read_text(encoding="utf-8")
    found = re.search(r'<svg [^>]*class="consort".*?</svg>', page_html, re.S)
    assert found, "the report has no CONSORT diagram"
    svgs.append(renamed(found.group(0), "report"))
    flows["report"] = (json.loads(cli("consort", cohort, "--format", "json", "--quiet")), 0)

    page = folder / "page.html"
    page.write_text("<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>" + "".join(svgs) + CONTROL
                    + "<pre id='boxes'></pre><script>" + MEASURE + "</script></body></html>", encoding="utf-8")
    run = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                          "--disable-background-networking", "--disable-component-update", "--disable-sync",
                          f"--user-data-dir={folder / 'profile'}", "--virtual-time-budget=3000", "--dump-dom",
                          page.as_uri()], capture_output=True, text=True, timeout=180, check=False)
    assert run.returncode == 0, run.stderr[-3000:]
    found = re.search(r"<pre id=\"boxes\">(.*?)</pre>", run.stdout, re.S)
    assert found and found.group(1), run.stdout[-3000:]
    measured = {f["id"]: f for f in json.loads(htmllib.unescape(found.group(1)))}
    assert set(measured) == set(flows) | {"control"}
    return measured, flows


def diagrams(drawn):
    measured, flows = drawn
    return [(measured[fid], *flows[fid]) for fid in sorted(flows)]


def arms(flow):
    """The arms of a JSON flow (the writer leaves out empty lists and zero counts)."""
    return flow.get("arms", [])


def squeezed(text):
    """Text without white space: a wrapped line may break anywhere, even inside a long word."""
    return re.sub(r"\s+", "", text)


def expected_phrases(flow):
    """What each box must say, by the data-box name: every count of the JSON flow."""
    def n(what, box):
        return f"{what} (n={box.get('n', 0)})"

    excluded = [n("Excluded", flow["excluded"]), n("Not meeting inclusion criteria", flow["not_eligible"]),
                n("Declined to participate", flow["declined"])]
    excluded += [n(r["reason"], r["patients"]) for r in flow.get("exclusion_reasons", [])]
    if flow.get("exclusion_reasons"):
        excluded.append(f"{flow['exclusion_reasons_given']} reasons given in all")
    phrases = {"assessed": [n("Assessed for eligibility", flow["assessed"])], "excluded": excluded,
               "randomised": [n("Randomised", flow["randomised"])]}
    for k, a in enumerate(arms(flow)):
        phrases[f"arm{k}.allocation"] = [n(f"Allocated to {a['arm']}", a["allocated"]),
                                         n("Received allocated intervention", a["received_allocated"]),
                                         n("Did not receive allocated intervention", a["did_not_receive"])]
        phrases[f"arm{k}.follow_up"] = [n("Lost to follow-up", a["lost_to_follow_up"]),
                                        n("Discontinued intervention", a["discontinued"])] + \
            [n(r["reason"].replace("_", " "), r["patients"]) for r in a.get("discontinued_reasons", [])
             if r["reason"] != "lost_to_follow_up"]
        phrases[f"arm{k}.analysis"] = [n("Analysed", a["analysed"]), "intention to treat",
                                       n("Excluded from analysis", a["excluded_from_analysis"])]
    return phrases


def test_the_measurement_sees_overlaps_and_overflow(drawn):
    control = drawn[0]["control"]
    a, b = control["boxes"]
    assert intersect(a["rect"], b["rect"])
    assert a["texts"] and a["texts"][0]["box"][2] - a["texts"][0]["box"][0] > 150
    assert not inside(a["texts"][0]["box"], a["rect"])


def test_every_count_is_in_its_box(drawn):
    for figure, flow, _ in diagrams(drawn):
        phrases = expected_phrases(flow)
        boxes = {b["name"]: b for b in figure["boxes"]}
        assert set(boxes) == set(phrases), figure["id"]
        for name, wanted in phrases.items():
            said = squeezed("".join(t["text"] for t in boxes[name]["texts"]))
            missing = [p for p in wanted if squeezed(p) not in said]
            assert missing == [], (figure["id"], name, said)


def test_arm_boxes_name_their_arm(drawn):
    for figure, flow, _ in diagrams(drawn):
        for b in figure["boxes"]:
            if b["name"].startswith("arm"):
                assert b["arm"] == arms(flow)[int(b["name"][3:b["name"].index(".")])]["arm"], figure["id"]


def test_the_four_phases_are_labelled(drawn):
    for figure, flow, _ in diagrams(drawn):
        labels = [(p["name"], " ".join(t["text"] for t in p["texts"])) for p in figure["phases"]]
        expected = [("enrollment", "Enrollment"), ("allocation", "Allocation"), ("follow_up", "Follow-Up"),
                    ("analysis", "Analysis")]
        assert labels == (expected if arms(flow) else expected[:1]), figure["id"]


def test_no_two_boxes_intersect(drawn):
    for figure, _, _ in diagrams(drawn):
        shapes = [(b["name"], b["rect"]) for b in figure["boxes"]] + \
                 [("phase " + p["name"], p["rect"]) for p in figure["phases"]] + \
                 [("heading " + h["text"], h["box"]) for h in figure["headings"]]
        clashes = [(a[0], b[0]) for a, b in combinations(shapes, 2) if intersect(a[1], b[1])]
        assert clashes == [], figure["id"]


def test_every_text_lies_inside_its_box(drawn):
    for figure, _, _ in diagrams(drawn):
        for b in figure["boxes"] + figure["phases"]:
            assert b["texts"], (figure["id"], b["name"])
            outside = [(t["text"], t["box"]) for t in b["texts"] if not inside(t["box"], b["rect"])]
            assert outside == [], (figure["id"], b["name"], b["rect"])
            lines = [(s["text"], t["text"]) for s, t in combinations(b["texts"], 2) if intersect(s["box"], t["box"])]
            assert lines == [], (figure["id"], b["name"])


def test_no_arrow_runs_through_a_box(drawn):
    for figure, flow, _ in diagrams(drawn):
        assert len(figure["arrows"]) >= 4 + 6 * len(arms(flow)), figure["id"]
        rects = [(b["name"], b["rect"]) for b in figure["boxes"]] + [(p["name"], p["rect"]) for p in figure["phases"]]
        crossed = [(name, part) for part in figure["arrows"] for name, rect in rects if through(part, rect)]
        assert crossed == [], figure["id"]


def test_everything_lies_inside_the_view(drawn):
    for figure, _, _ in diagrams(drawn):
        outside = [part for part in figure["all"] if not inside(part, figure["view"])]
        assert outside == [], (figure["id"], figure["view"])


def test_the_figure_is_as_wide_as_asked_or_as_its_arms_need(drawn):
    for figure, flow, width in diagrams(drawn):
        view_width = figure["view"][2] - figure["view"][0]
        assert view_width >= width, figure["id"]
        columns = [b["rect"] for b in figure["boxes"] if b["name"].endswith(".allocation")]
        assert all(r[2] - r[0] >= 200 for r in columns), figure["id"]
    measured = drawn[0]
    assert measured["six_arms_with_notes-320"]["view"][2] > measured["two_arms_cohort-320"]["view"][2]


def test_the_title_wraps_and_is_escaped(drawn):
    for figure, _, _ in diagrams(drawn):
        if figure["id"].endswith("-titled"):
            assert " ".join(h["text"] for h in figure["headings"]) == TITLE, figure["id"]
            assert len(figure["headings"]) >= 1
