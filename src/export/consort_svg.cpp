// The CONSORT 2010 flow diagram (Schulz, Altman and Moher 2010, BMJ 340:c332, figure 1) as SVG.
// Layout first (boxes sized from their wrapped lines), drawing second, so that every coordinate
// is known before a byte is written and nothing can overlap by construction.
#include <iptkit/export/consort_svg.hpp>

#include <iptkit/export/svg.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>
#include <utility>
#include <vector>

namespace iptkit {

namespace {

using svg_detail::fixed;
using svg_detail::text_width_bound;

constexpr std::string_view ink = "#1d2733";
constexpr double font_size = 12;
constexpr double line_pitch = 16;   // DejaVu Sans at 12 px is 14 px from ascent to descent
constexpr double first_baseline = 12;  // below the box's top padding
constexpr double pad_x = 8, pad_y = 7;
constexpr double margin = 12;
constexpr double phase_font = 11;
constexpr double phase_pad = 8;
constexpr double gutter_gap = 14;   // between the phase labels and the boxes
constexpr double column_gap = 16;
constexpr double min_column = 200;  // an arm's column: its usual lines wrap little at 12 px
constexpr double min_area = 400;    // the enrolment row: the trunk and the excluded box beside it
constexpr double row_gap = 30;      // room for an arrow between two rows
constexpr double branch = 24;       // from the trunk to the excluded box
constexpr std::array<double, 3> indent = {0, 12, 24};  // per level: heading, bullet, sub-bullet

std::string c1(double v) { return fixed(v, 1); }

// One logical line of a box before wrapping: level 0 a heading, 1 a bullet, 2 a sub-bullet.
struct box_item {
  std::string text;
  int level = 0;
};

// A wrapped line, where it starts, and whether it carries its item's bullet.
struct box_line {
  std::string text;
  int level = 0;
  bool first = false;
};

struct flow_box {
  std::string name;  // data-box
  std::vector<box_line> lines;
  double x = 0, y = 0, w = 0, h = 0;
  double bottom() const { return y + h; }
  double centre() const { return x + w / 2; }
};

bool is_space(char ch) { return static_cast<unsigned char>(ch) <= 0x20; }

// Lines no wider than `max_width` by the upper bound of text widths: broken at spaces, and a word
// wider than a line on its own between code points. Control characters count as spaces (they
// would be drawn as U+FFFD, wider than the bound assumes).
std::vector<std::string> wrap_text(std::string_view text, double max_width, double size, bool bold = false) {
  std::vector<std::string> lines;
  std::string current;
  const auto fits = [&](std::string_view candidate) { return text_width_bound(candidate, size, bold) <= max_width; };
  const auto place = [&](std::string_view word) {
    std::string joined = current;
    if (!joined.empty()) joined += ' ';
    joined += word;
    if (fits(joined)) {
      current = std::move(joined);
      return;
    }
    if (!current.empty()) lines.push_back(std::exchange(current, {}));
    std::size_t i = 0;
    while (i < word.size()) {
      std::size_t end = i;
      bool taken = false;
      while (end < word.size()) {
        std::size_t next = end + 1;
        while (next < word.size() && (static_cast<unsigned char>(word[next]) & 0xC0) == 0x80) ++next;
        if (taken && !fits(word.substr(i, next - i))) break;  // at least one code point per line
        end = next;
        taken = true;
      }
      current.assign(word.substr(i, end - i));
      i = end;
      if (i < word.size()) lines.push_back(std::exchange(current, {}));
    }
  };
  std::size_t at = 0;
  while (at < text.size()) {
    while (at < text.size() && is_space(text[at])) ++at;
    std::size_t stop = at;
    while (stop < text.size() && !is_space(text[stop])) ++stop;
    if (stop > at) place(text.substr(at, stop - at));
    at = stop;
  }
  if (!current.empty()) lines.push_back(std::move(current));
  return lines;
}

std::string count(std::size_t n) {
  std::string out = "(n=";
  out += std::to_string(n);
  out += ')';
  return out;
}

std::string counted(std::string_view what, std::size_t n) {
  std::string out(what);
  out += ' ';
  out += count(n);
  return out;
}

std::string set_words(std::string_view analysis_set) {
  if (analysis_set == "itt") return "intention to treat";
  if (analysis_set == "per_protocol") return "per protocol";
  return svg_detail::humanize(analysis_set);
}

// Wraps the items of a box to its width; its height follows from the number of lines.
flow_box make_box(std::string name, const std::vector<box_item>& items, double x, double w) {
  flow_box b{std::move(name), {}, x, 0, w, 0};
  for (const auto& it : items) {
    const double room = w - 2 * pad_x - indent[static_cast<std::size_t>(it.level)];
    bool first = true;
    for (auto& text : wrap_text(it.text, room, font_size)) {
      b.lines.push_back({std::move(text), it.level, first});
      first = false;
    }
  }
  b.h = 2 * pad_y + line_pitch * static_cast<double>(std::max<std::size_t>(b.lines.size(), 1));
  return b;
}

std::vector<box_item> excluded_items(const consort_flow& f) {
  std::vector<box_item> items{{counted("Excluded", f.excluded.n), 0},
                          {counted("Not meeting inclusion criteria", f.not_eligible.n), 1},
                          {counted("Declined to participate", f.declined.n), 1}};
  if (!f.exclusion_reasons.empty()) {
    items.push_back({"Reasons given (a patient may give several):", 1});
    for (const auto& r : f.exclusion_reasons) items.push_back({counted(r.reason, r.patients.n), 2});
    items.push_back({std::to_string(f.exclusion_reasons_given) + " reasons given in all", 1});
  }
  return items;
}

std::vector<box_item> allocation_items(const consort_arm& a) {
  return {{counted("Allocated to " + a.arm, a.allocated.n), 0},
          {counted("Received allocated intervention", a.received_allocated.n), 1},
          {counted("Did not receive allocated intervention", a.did_not_receive.n), 1}};
}

std::vector<box_item> follow_up_items(const consort_arm& a) {
  std::vector<box_item> items{{counted("Lost to follow-up", a.lost_to_follow_up.n), 0},
                          {counted("Discontinued intervention", a.discontinued.n), 0}};
  // Lost to follow-up is a reason of its own line above; the others explain "discontinued".
  for (const auto& r : a.discontinued_reasons)
    if (r.reason != "lost_to_follow_up") items.push_back({counted(svg_detail::humanize(r.reason), r.patients.n), 2});
  return items;
}

std::vector<box_item> analysis_items(const consort_flow& f, const consort_arm& a) {
  std::vector<box_item> items{{counted("Analysed", a.analysed.n), 0},
                              {"Analysis set: " + set_words(f.analysis_set), 1},
                              {counted("Excluded from analysis", a.excluded_from_analysis.n), 1}};
  for (const auto& r : a.excluded_reasons) items.push_back({counted(r.reason, r.patients.n), 2});
  return items;
}

// The same height for every box of a row, so that the row reads as one stage.
double align_row(std::vector<flow_box>& row, double y) {
  double h = 0;
  for (const auto& b : row) h = std::max(h, b.h);
  for (auto& b : row) {
    b.y = y;
    b.h = h;
  }
  return y + h;
}

std::string draw_box(const flow_box& b, std::string_view extra_attributes = {}) {
  std::string out = "<g class=\"box\" data-box=\"";
  out += escape_xml(b.name);
  out += '"';
  out += extra_attributes;
  out += "><rect x=\"" + c1(b.x) + "\" y=\"" + c1(b.y) + "\" width=\"" + c1(b.w) + "\" height=\"" + c1(b.h) +
         "\" rx=\"2\" fill=\"#fff\" stroke=\"";
  out += ink;
  out += "\" stroke-width=\"1.2\"/>";
  for (std::size_t i = 0; i < b.lines.size(); ++i) {
    const auto& l = b.lines[i];
    const double baseline = b.y + pad_y + first_baseline + line_pitch * static_cast<double>(i);
    const double x = b.x + pad_x + indent[static_cast<std::size_t>(l.level)];
    // Bullets are shapes, not characters: a dot for a sub-box, a dash for a reason.
    if (l.first && l.level == 1)
      out += "<circle cx=\"" + c1(x - 7) + "\" cy=\"" + c1(baseline - 4) + "\" r=\"1.9\" fill=\"" + std::string(ink) + "\"/>";
    if (l.first && l.level == 2)
      out += "<path d=\"M" + c1(x - 9) + " " + c1(baseline - 4) + "H" + c1(x - 3) + "\" stroke=\"" + std::string(ink) +
             "\" stroke-width=\"1.2\"/>";
    out += "<text x=\"" + c1(x) + "\" y=\"" + c1(baseline) + "\">";
    out += escape_xml(l.text);
    out += "</text>";
  }
  out += "</g>";
  return out;
}

// A line from (x1, y1) to (x2, y2), vertical or horizontal, with an arrowhead at its end.
std::string arrow(double x1, double y1, double x2, double y2) {
  const bool down = x1 == x2;
  const double bx = down ? x2 : x2 - 7, by = down ? y2 - 7 : y2;  // where the head starts
  std::string out = "<path d=\"M" + c1(x1) + " " + c1(y1) + "L" + c1(bx) + " " + c1(by) + "\" fill=\"none\" stroke=\"";
  out += ink;
  out += "\" stroke-width=\"1.2\"/><path d=\"M" + c1(x2) + " " + c1(y2);
  if (down) out += "L" + c1(x2 - 4) + " " + c1(by) + "L" + c1(x2 + 4) + " " + c1(by);
  else out += "L" + c1(bx) + " " + c1(y2 - 4) + "L" + c1(bx) + " " + c1(y2 + 4);
  out += "Z\" fill=\"";
  out += ink;
  out += "\"/>";
  return out;
}

std::string plain_line(double x1, double y1, double x2, double y2) {
  std::string out = "<path d=\"M" + c1(x1) + " " + c1(y1) + "L" + c1(x2) + " " + c1(y2) + "\" fill=\"none\" stroke=\"";
  out += ink;
  out += "\" stroke-width=\"1.2\"/>";
  return out;
}

std::string reason_list(const std::vector<consort_reason>& reasons, bool skip_lost) {
  std::string out;
  for (const auto& r : reasons) {
    if (skip_lost && r.reason == "lost_to_follow_up") continue;
    if (!out.empty()) out += ", ";
    out += skip_lost ? svg_detail::humanize(r.reason) : r.reason;
    out += ' ';
    out += std::to_string(r.patients.n);
  }
  return out;
}

// Every count in words, for readers who do not see the figure.
std::string describe(const consort_flow& f) {
  std::string d = "CONSORT 2010 flow diagram. Enrollment: ";
  d += std::to_string(f.assessed.n) + " assessed for eligibility; " + std::to_string(f.excluded.n) + " excluded (" +
       std::to_string(f.not_eligible.n) + " not meeting inclusion criteria, " + std::to_string(f.declined.n) +
       " declined to participate";
  if (!f.exclusion_reasons.empty()) {
    d += "; patients per reason: ";
    d += reason_list(f.exclusion_reasons, false);
    d += "; " + std::to_string(f.exclusion_reasons_given) + " reasons given in all";
  }
  d += "); " + std::to_string(f.randomised.n) + " randomised.";
  for (const auto& a : f.arms) {
    d += " Arm ";
    d += a.arm;
    d += ": " + std::to_string(a.allocated.n) + " allocated, " + std::to_string(a.received_allocated.n) +
         " received the allocated intervention, " + std::to_string(a.did_not_receive.n) + " did not; " +
         std::to_string(a.lost_to_follow_up.n) + " lost to follow-up, " + std::to_string(a.discontinued.n) +
         " discontinued the intervention";
    const std::string reasons = reason_list(a.discontinued_reasons, true);
    if (!reasons.empty()) d += " (" + reasons + ")";
    d += "; " + std::to_string(a.analysed.n) + " analysed (" + set_words(f.analysis_set) + "), " +
         std::to_string(a.excluded_from_analysis.n) + " excluded from analysis.";
  }
  if (f.arms.empty()) d += " No arms: nobody was randomised.";
  return d;
}

struct phase_band {
  std::string_view name;  // data-phase
  std::string_view label;
  double top = 0, bottom = 0;
};

}  // namespace

std::string consort_svg(const consort_flow& f, const consort_svg_options& o) {
  const std::string id = o.id.empty() ? "consort" : o.id;
  const std::array<std::string_view, 4> labels = {"Enrollment", "Allocation", "Follow-Up", "Analysis"};
  double gutter = 0;
  for (const auto l : labels) gutter = std::max(gutter, text_width_bound(l, phase_font, true));
  gutter = std::ceil(gutter + 2 * phase_pad);

  // Widths: the asked width, raised until every arm has its minimum column.
  const std::size_t columns = std::max<std::size_t>(f.arms.size(), 1);
  const double x0 = margin + gutter + gutter_gap;
  const double need = std::max(min_area, static_cast<double>(columns) * min_column +
                                             static_cast<double>(columns - 1) * column_gap);
  const int width = std::max(o.width, static_cast<int>(std::ceil(x0 + need + margin)));
  const double x1 = width - margin;
  const double trunk = (x0 + x1) / 2;
  const double column_w = (x1 - x0 - static_cast<double>(columns - 1) * column_gap) / static_cast<double>(columns);

  // The heading, wrapped to the width.
  double y = margin;
  const auto title_lines = wrap_text(o.title, width - 2 * margin, 14, true);
  const double title_top = y;
  if (!title_lines.empty()) y += 18 * static_cast<double>(title_lines.size()) + 10;

  // Enrollment: assessed and randomised on the trunk, excluded to its right between them.
  // As wide as their one line needs, within the area: nothing sits beside them.
  const std::string assessed_text = counted("Assessed for eligibility", f.assessed.n);
  const std::string randomised_text = counted("Randomised", f.randomised.n);
  const double enrol_w = std::min(x1 - x0, std::ceil(std::max(text_width_bound(assessed_text, font_size),
                                                              text_width_bound(randomised_text, font_size)) + 2 * pad_x));
  flow_box assessed = make_box("assessed", {{assessed_text, 0}}, trunk - enrol_w / 2, enrol_w);
  assessed.y = y;
  const double excluded_x = trunk + branch;
  flow_box excluded = make_box("excluded", excluded_items(f), excluded_x, std::min(x1 - excluded_x, 420.0));
  excluded.y = assessed.bottom() + 18;
  flow_box randomised = make_box("randomised", {{randomised_text, 0}}, trunk - enrol_w / 2, enrol_w);
  randomised.y = excluded.bottom() + 18;
  std::vector<phase_band> phases{{"enrollment", labels[0], assessed.y, randomised.bottom()}};
  y = randomised.bottom();

  // One column per arm: allocation, follow-up, analysis.
  std::vector<flow_box> allocation, follow_up, analysis;
  for (std::size_t k = 0; k < f.arms.size(); ++k) {
    const auto& a = f.arms[k];
    const double x = x0 + static_cast<double>(k) * (column_w + column_gap);
    const std::string arm = "arm" + std::to_string(k);
    allocation.push_back(make_box(arm + ".allocation", allocation_items(a), x, column_w));
    follow_up.push_back(make_box(arm + ".follow_up", follow_up_items(a), x, column_w));
    analysis.push_back(make_box(arm + ".analysis", analysis_items(f, a), x, column_w));
  }
  const double bus = y + 16;
  if (!f.arms.empty()) {
    y = bus + 20;
    phases.push_back({"allocation", labels[1], y, align_row(allocation, y)});
    y = phases.back().bottom + row_gap;
    phases.push_back({"follow_up", labels[2], y, align_row(follow_up, y)});
    y = phases.back().bottom + row_gap;
    phases.push_back({"analysis", labels[3], y, align_row(analysis, y)});
    y = phases.back().bottom;
  }
  const int height = static_cast<int>(std::ceil(y + margin));

  std::string out = svg_detail::svg_open(id, "consort", width, height);
  out += svg_detail::title_and_desc(id, o.title.empty() ? "CONSORT 2010 flow diagram" : o.title, describe(f));
  out += "<rect width=\"" + std::to_string(width) + "\" height=\"" + std::to_string(height) + "\" fill=\"#fff\"/>";
  for (std::size_t i = 0; i < title_lines.size(); ++i)
    out += "<text class=\"heading\" x=\"" + c1(margin) + "\" y=\"" + c1(title_top + 14 + 18 * static_cast<double>(i)) +
           "\" font-size=\"14\" font-weight=\"600\" fill=\"" + std::string(ink) + "\">" + escape_xml(title_lines[i]) +
           "</text>";

  // Phase labels: pale bands on the left, each as tall as its row of boxes.
  for (const auto& p : phases) {
    out += "<g class=\"phase\" data-phase=\"" + std::string(p.name) + "\"><rect x=\"" + c1(margin) + "\" y=\"" +
           c1(p.top) + "\" width=\"" + c1(gutter) + "\" height=\"" + c1(p.bottom - p.top) +
           "\" rx=\"6\" fill=\"#dcebf7\" stroke=\"#8fb3d3\" stroke-width=\"1\"/>";
    out += "<text x=\"" + c1(margin + gutter / 2) + "\" y=\"" + c1(p.top + pad_y + first_baseline) +
           "\" text-anchor=\"middle\" font-size=\"" + c1(phase_font) + "\" font-weight=\"700\" fill=\"#1f4e79\">" +
           std::string(p.label) + "</text></g>";
  }

  // Arrows: the trunk with its branch to the excluded box, then the bus to the arms' columns.
  out += "<g class=\"arrows\">";
  out += arrow(trunk, assessed.bottom(), trunk, randomised.y);
  const double mid = excluded.y + std::min(excluded.h / 2, pad_y + line_pitch / 2);
  out += arrow(trunk, mid, excluded.x, mid);
  if (!f.arms.empty()) {
    out += plain_line(trunk, randomised.bottom(), trunk, bus);
    if (allocation.size() > 1) out += plain_line(allocation.front().centre(), bus, allocation.back().centre(), bus);
    for (std::size_t k = 0; k < f.arms.size(); ++k) {
      const double cx = allocation[k].centre();
      out += arrow(cx, bus, cx, allocation[k].y);
      out += arrow(cx, allocation[k].bottom(), cx, follow_up[k].y);
      out += arrow(cx, follow_up[k].bottom(), cx, analysis[k].y);
    }
  }
  out += "</g>";

  out += draw_box(assessed);
  out += draw_box(excluded);
  out += draw_box(randomised);
  for (std::size_t k = 0; k < f.arms.size(); ++k) {
    const std::string arm = " data-arm=\"" + escape_xml(f.arms[k].arm) + "\"";
    out += draw_box(allocation[k], arm);
    out += draw_box(follow_up[k], arm);
    out += draw_box(analysis[k], arm);
  }
  out += "</svg>";
  return out;
}

}  // namespace iptkit
