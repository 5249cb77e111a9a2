"""The closeness circle's text is laid out without collisions in a real browser: Debian's Chromium,
headless, renders the circle of an inventory that uses every legend entry (and of an empty one) at
widths from 320 to 1200 px, with and without a title, and a script in the page reports each
<text> element's bounding box (getBBox, in the figure's own units). No two legend texts may
intersect, none may leave the figure, none may touch any other text of the figure, and the legend
must stay below the circle. A control figure with two overlapping texts proves that the
measurement sees an overlap."""
import html as htmllib
import json
import os
import pathlib
import re
import shutil
import subprocess
from itertools import combinations

import pytest

WRITE_CIRCLES = os.environ.get("IPTKIT_WRITE_CIRCLES")
CHROMIUM = shutil.which("chromium")

pytestmark = [
    pytest.mark.skipif(not WRITE_CIRCLES, reason="run through ctest (IPTKIT_WRITE_CIRCLES not given)"),
    pytest.mark.skipif(CHROMIUM is None,
                       reason="chromium is not installed (Debian package `chromium`; .ci/install-deps installs it)"),
]

# The Python module's default is 480 x 480, the C++ default 640 x 360, the HTML report 600 x 470 and
# a notebook's case view 320 x 320 (raised to the minimum width of 420).
SIZES = ["320x320", "420x300", "480x480", "520x400", "600x470", "640x360", "800x600", "960x480", "1200x700"]

# Runs in the page: the box of every <text> of every figure, and of its outer ring and legend.
MEASURE = """
const figures = [];
for (const svg of document.querySelectorAll('svg')) {
  const box = e => { const b = e.getBBox(); return [b.x, b.y, b.x + b.width, b.y + b.height]; };
  const view = svg.viewBox.baseVal;
  const ring = svg.querySelector('circle.ring[data-ring="4"]');
  const legend = svg.querySelector('g.legend');
  figures.push({
    id: svg.id, view: [view.x, view.y, view.x + view.width, view.y + view.height],
    ring: ring ? box(ring) : null,
    rule: legend ? Number(legend.querySelector('line').getAttribute('y1')) : null,
    texts: [...svg.querySelectorAll('text')].map(t => ({
      text: t.textContent, legend: legend !== null && legend.contains(t), box: box(t)}))});
}
document.getElementById('boxes').textContent = JSON.stringify(figures);
"""

CONTROL = ('<svg xmlns="http://www.w3.org/2000/svg" id="control" width="200" height="60" viewBox="0 0 200 60" '
           'font-size="11"><g class="legend"><line y1="0"/><text x="10" y="30">work, community, other</text>'
           '<text x="60" y="32">deceased: hollow, cross</text></g></svg>')


def intersect(a, b):
    """Whether two boxes share an area (touching edges do not count)."""
    return min(a[2], b[2]) - max(a[0], b[0]) > 1e-6 and min(a[3], b[3]) - max(a[1], b[1]) > 1e-6


def inside(box, view):
    return box[0] >= view[0] - 1e-6 and box[1] >= view[1] - 1e-6 and box[2] <= view[2] + 1e-6 and \
        box[3] <= view[3] + 1e-6


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    folder = tmp_path_factory.mktemp("circles")
    subprocess.run([WRITE_CIRCLES, str(folder), *SIZES], check=True, capture_output=True, text=True)
    svgs = sorted(folder.glob("*.svg"))
    assert len(svgs) == 4 * len(SIZES), [p.name for p in svgs]
    page = folder / "page.html"
    page.write_text("<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>"
                    + "".join(p.read_text(encoding="utf-8") for p in svgs) + CONTROL
                    + "<pre id='boxes'></pre><script>" + MEASURE + "</script></body></html>", encoding="utf-8")
    profile = folder / "profile"
    run = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                          "--disable-background-networking", "--disable-component-update", "--disable-sync",
                          f"--user-data-dir={profile}", "--virtual-time-budget=3000", "--dump-dom", page.as_uri()],
                         capture_output=True, text=True, timeout=180, check=False)
    assert run.returncode == 0, run.stderr[-3000:]
    found = re.search(r"<pre id=\"boxes\">(.*?)</pre>", run.stdout, re.S)
    assert found and found.group(1), run.stdout[-3000:]
    measured = {f["id"]: f for f in json.loads(htmllib.unescape(found.group(1)))}
    assert len(measured) == len(svgs) + 1
    return measured


def circles(figures):
    return [f for name, f in figures.items() if name != "control"]


def test_the_measurement_sees_an_overlap(figures):
    texts = figures["control"]["texts"]
    assert len(texts) == 2 and all(t["box"][2] - t["box"][0] > 50 for t in texts), texts
    assert intersect(texts[0]["box"], texts[1]["box"])


def test_every_legend_entry_is_drawn(figures):
    for f in circles(figures):
        legend = [t["text"] for t in f["texts"] if t["legend"]]
        for entry in ("Rings", "Who (shape)", "Status (fill)", "Conflict (colour)", "work, community, other",
                      "deceased: hollow, cross", "high (3-4): outer ring", "not recorded"):
            assert entry in legend, (f["id"], legend)
        assert len(legend) == 18, (f["id"], legend)


def test_no_two_legend_texts_intersect(figures):
    for f in circles(figures):
        legend = [t for t in f["texts"] if t["legend"]]
        clashes = [(a["text"], b["text"]) for a, b in combinations(legend, 2) if intersect(a["box"], b["box"])]
        assert clashes == [], f["id"]


def test_legend_texts_stay_inside_the_figure(figures):
    for f in circles(figures):
        outside = [(t["text"], t["box"]) for t in f["texts"] if t["legend"] and not inside(t["box"], f["view"])]
        assert outside == [], (f["id"], f["view"])


def test_legend_texts_touch_no_other_text(figures):
    for f in circles(figures):
        legend = [t for t in f["texts"] if t["legend"]]
        others = [t for t in f["texts"] if not t["legend"]]
        clashes = [(a["text"], b["text"]) for a in legend for b in others if intersect(a["box"], b["box"])]
        assert clashes == [], f["id"]


def test_the_legend_is_below_the_circle(figures):
    for f in circles(figures):
        assert f["ring"] is not None and f["rule"] is not None
        assert f["ring"][3] <= f["rule"], (f["id"], f["ring"], f["rule"])
        assert min(t["box"][1] for t in f["texts"] if t["legend"]) > f["rule"], f["id"]


def test_the_figure_grows_when_the_legend_wraps(figures):
    # At the narrowest width the legend needs more than one row; the figure is then taller than
    # asked rather than the circle squeezed.
    narrow = figures["every-320x320"]
    rows = {round(t["box"][1]) for t in narrow["texts"] if t["legend"] and t["text"] in
            ("Rings", "Who (shape)", "Status (fill)", "Conflict (colour)")}
    assert len(rows) > 1
    assert narrow["view"][3] > 320
    ring = narrow["ring"]
    assert ring[3] - ring[1] >= 100
