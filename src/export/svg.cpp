#include <iptkit/export/svg.hpp>

#include <iptkit/measures/scoring.hpp>
#include <iptkit/meta/enum.hpp>
#include <iptkit/model/date.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace iptkit {

std::string escape_xml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char ch : text) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: {
        const auto u = static_cast<unsigned char>(ch);
        // XML 1.0 has no way to write these at all, and HTML renders them as garbage.
        if (u < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') out += "\xEF\xBF\xBD";
        else out += ch;
      }
    }
  }
  return out;
}

namespace svg_detail {

std::string fixed(double value, int decimals) {
  if (!std::isfinite(value)) return "0";
  std::array<char, 64> buf{};
  // to_chars ignores the C locale, so a host program's setlocale() cannot change the bytes.
  const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), value, std::chars_format::fixed, decimals);
  std::string s(buf.data(), r.ptr);
  // "-0.0" would make equal inputs print differently depending on rounding noise.
  if (s.front() == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

std::string number(double value) {
  const double rounded = std::round(value * 10) / 10;
  if (std::abs(rounded - std::round(rounded)) < 1e-9) return fixed(std::round(rounded), 0);
  return fixed(rounded, 1);
}

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; }));
}

std::string truncate(std::string_view text, std::size_t max_points) {
  if (code_points(text) <= max_points) return std::string(text);
  std::size_t seen = 0, cut = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (seen == max_points - 1) { cut = i; break; }
    ++seen;
  }
  return std::string(text.substr(0, cut)) + "\xE2\x80\xA6";  // an ellipsis, cut at a character boundary
}

double text_width_bound(std::string_view text, double font_size, bool bold) {
  // Classes of DejaVu Sans (Book and Bold) advances in em, rounded up: the widest of the usual
  // UI fonts, with Verdana. Regular, bold.
  constexpr std::string_view narrow = "ijlIJ',.:;!|\\/";
  constexpr std::string_view half = "frt()[]- \"*";
  constexpr std::string_view wide = "mwMW%@";
  constexpr std::string_view broad = "#+<=>^~&";
  const auto em_of = [bold](double regular, double heavy) { return bold ? heavy : regular; };
  double em = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto u = static_cast<unsigned char>(text[i]);
    if ((u & 0xC0) == 0x80) continue;  // a continuation byte: its code point is counted once
    const char ch = text[i];
    if (u >= 0x80) em += 1.25;
    else if (narrow.find(ch) != std::string_view::npos) em += em_of(0.42, 0.48);
    else if (half.find(ch) != std::string_view::npos) em += em_of(0.5, 0.56);
    else if (wide.find(ch) != std::string_view::npos) em += em_of(1.02, 1.12);
    else if (broad.find(ch) != std::string_view::npos || (ch >= 'A' && ch <= 'Z')) em += em_of(0.86, 0.88);
    else em += em_of(0.66, 0.74);
  }
  return em * font_size;
}

grid_layout legend_grid(const std::vector<double>& widths, double left, double right, double gap) {
  grid_layout g;
  const std::size_t n = widths.size();
  if (n == 0) return g;
  const auto rows_of = [n](std::size_t columns) { return (n + columns - 1) / columns; };
  // Each column as wide as its widest block; empty when they do not fit the span.
  const auto columns_fitting = [&](std::size_t columns) {
    std::vector<double> column(columns, 0.0);
    for (std::size_t i = 0; i < n; ++i) column[i % columns] = std::max(column[i % columns], widths[i]);
    double used = gap * static_cast<double>(columns - 1);
    for (const double w : column) used += w;
    return used <= right - left ? column : std::vector<double>{};
  };
  std::size_t columns = n;
  while (columns > 1 && columns_fitting(columns).empty()) --columns;
  std::vector<double> column = columns_fitting(columns);
  if (column.empty()) {  // not even one column fits: one block per row
    for (std::size_t i = 0; i < n; ++i) {
      g.x.push_back(left);
      g.row.push_back(static_cast<int>(i));
    }
    g.rows = static_cast<int>(n);
    return g;
  }
  // As few columns as give the same number of rows, so that the last row is not left half empty.
  for (std::size_t fewer = columns - 1; fewer >= 1 && rows_of(fewer) == rows_of(columns); --fewer) {
    auto narrower = columns_fitting(fewer);
    if (narrower.empty()) break;
    columns = fewer;
    column = std::move(narrower);
  }
  double used = gap * static_cast<double>(columns - 1);
  for (const double w : column) used += w;
  const double spare = columns > 1 ? (right - left - used) / static_cast<double>(columns - 1) : 0;
  std::vector<double> at(columns, left);
  for (std::size_t c = 1; c < columns; ++c) at[c] = at[c - 1] + column[c - 1] + gap + spare;
  for (std::size_t i = 0; i < n; ++i) {
    g.x.push_back(at[i % columns]);
    g.row.push_back(static_cast<int>(i / columns));
  }
  g.rows = static_cast<int>(rows_of(columns));
  return g;
}

std::string humanize(std::string_view spelling) {
  std::string out(spelling);
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

std::string id_token(std::string_view text) {
  std::string out;
  for (const char ch : text) {
    const bool keep = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
                      ch == '-' || ch == '_' || ch == '.';
    out += keep ? ch : '_';
  }
  return out.empty() ? "_" : out;
}

}  // namespace svg_detail

namespace {

using svg_detail::fixed;
using svg_detail::number;
using svg_detail::svg_open;
using svg_detail::title_and_desc;

constexpr std::string_view font_stack = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
constexpr std::string_view ink = "#1d2733";
constexpr std::string_view muted = "#5b6673";

// Okabe & Ito (2008): distinguishable with every common colour-vision deficiency.
constexpr std::array<std::string_view, 6> series_colours = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"};
// A second cue per series, so that lines stay distinct in grey scale and print.
constexpr std::array<std::string_view, 5> series_dashes = {"", "7 4", "2 3", "9 3 2 3", "4 2 4 6"};
enum class marker { circle, square, triangle, diamond };
constexpr std::array<marker, 4> series_markers = {marker::circle, marker::square, marker::triangle, marker::diamond};

// Pale, ordered tints for severity bands: a gentle ramp that never competes with the data.
constexpr std::array<std::string_view, 6> band_tints = {"#f3f7f3", "#f7f6ea", "#fbf0e1", "#fbe7dc", "#f8dedd", "#f3d6dc"};

// Coordinates are written with one decimal: plenty at screen resolution, and stable bytes.
std::string c1(double v) { return fixed(v, 1); }

std::string attr(std::string_view name, std::string_view value) {
  return std::string(" ") + std::string(name) + "=\"" + escape_xml(value) + "\"";
}

double text_width(std::string_view text, double font_size) {
  return static_cast<double>(svg_detail::code_points(text)) * font_size * 0.56;
}

// A round step giving about `target` intervals over `range` (1, 2 or 5 times a power of ten).
double nice_step(double range, int target) {
  if (!(range > 0)) return 1;
  const double raw = range / target;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double norm = raw / magnitude;
  const double step = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10;
  return step * magnitude;
}

std::string text(double x, double y, std::string_view content, std::string_view extra = {}) {
  std::string out = "<text x=\"" + c1(x) + "\" y=\"" + c1(y) + "\"";
  if (!extra.empty()) out += " " + std::string(extra);
  out += ">" + escape_xml(content) + "</text>";
  return out;
}

std::string marker_shape(marker m, double x, double y, double r, std::string_view fill, std::string_view stroke,
                         std::string_view extra = {}) {
  const std::string paint = " fill=\"" + std::string(fill) + "\" stroke=\"" + std::string(stroke) + "\"" +
                            (extra.empty() ? "" : " " + std::string(extra));
  switch (m) {
    case marker::circle:
      return "<circle cx=\"" + c1(x) + "\" cy=\"" + c1(y) + "\" r=\"" + c1(r) + "\"" + paint;
    case marker::square:
      return "<rect x=\"" + c1(x - r * 0.9) + "\" y=\"" + c1(y - r * 0.9) + "\" width=\"" + c1(r * 1.8) + "\" height=\"" +
             c1(r * 1.8) + "\"" + paint;
    case marker::triangle:
      return "<path d=\"M" + c1(x) + " " + c1(y - r * 1.15) + "L" + c1(x + r * 1.1) + " " + c1(y + r * 0.8) + "L" +
             c1(x - r * 1.1) + " " + c1(y + r * 0.8) + "Z\"" + paint;
    case marker::diamond:
      return "<path d=\"M" + c1(x) + " " + c1(y - r * 1.25) + "L" + c1(x + r * 1.25) + " " + c1(y) + "L" + c1(x) + " " +
             c1(y + r * 1.25) + "L" + c1(x - r * 1.25) + " " + c1(y) + "Z\"" + paint;
  }
  return {};
}

// The shape's element name, to close a marker that carries a <title> child.
std::string_view marker_tag(marker m) {
  switch (m) {
    case marker::circle: return "circle";
    case marker::square: return "rect";
    default: return "path";
  }
}

std::string generated_trajectory_desc(const std::vector<trajectory_series>& series, const svg_options& o,
                                      std::string_view x_name, std::string_view value_name) {
  std::string d = "Line chart of " + o.y_label + " by " + o.x_label + ".";
  bool any = false;
  for (const auto& s : series) {
    if (s.points.empty()) continue;
    any = true;
    const auto& first = s.points.front();
    const auto& last = s.points.back();
    d += " " + (s.label.empty() ? std::string("Series") : s.label) + ": " + std::to_string(s.points.size()) +
         (s.points.size() == 1 ? " point" : " points") + ", " + std::string(value_name) + " " + number(first.y) +
         " at " + std::string(x_name) + " " + number(first.x);
    if (s.points.size() > 1) d += " to " + number(last.y) + " at " + std::string(x_name) + " " + number(last.x);
    d += ".";
  }
  if (!any) d += " No values to show.";
  if (!o.reference_lines.empty()) {
    d += " Reference lines:";
    for (std::size_t i = 0; i < o.reference_lines.size(); ++i)
      d += (i ? "; " : " ") + o.reference_lines[i].label;
    d += ".";
  }
  if (!o.bands.empty()) {
    d += " Shaded bands:";
    for (std::size_t i = 0; i < o.bands.size(); ++i) d += (i ? ", " : " ") + o.bands[i].label;
    d += ".";
  }
  return d;
}

}  // namespace

std::string trajectory_svg(const std::vector<trajectory_series>& series, const svg_options& o) {
  const std::string id = o.id.empty() ? "iptkit-trajectory" : o.id;
  const int width = std::max(o.width, 240), height = std::max(o.height, 180);
  const std::string value_name = o.value_name.empty() ? o.y_label : o.value_name;
  const std::string x_name = o.x_name.empty() ? o.x_label : o.x_name;

  // Data ranges. Reference lines count as data: a cut-off off the chart would say nothing.
  bool any = false;
  double x_lo = 0, x_hi = 1, y_data = o.y_min;
  for (const auto& s : series)
    for (const auto& p : s.points) {
      any = true;
      x_lo = std::min(x_lo, p.x);
      x_hi = std::max(x_hi, p.x);
      y_data = std::max({y_data, p.y, p.high.value_or(p.y)});
    }
  for (const auto& r : o.reference_lines) y_data = std::max(y_data, r.y);
  const double y_lo = o.y_min;
  double y_hi = o.y_max ? std::max(*o.y_max, y_data) : y_data;
  if (!o.y_max) {
    const double step = nice_step(y_hi - y_lo, 6);
    y_hi = y_lo + std::ceil((y_hi - y_lo) / step) * step;
  }
  if (!(y_hi > y_lo)) y_hi = y_lo + 1;
  const double x_step = nice_step(x_hi - x_lo, 8);
  x_lo = std::floor(x_lo / x_step) * x_step;
  x_hi = std::ceil(x_hi / x_step) * x_step;
  if (!(x_hi > x_lo)) x_hi = x_lo + x_step;
  const double y_step = nice_step(y_hi - y_lo, 6);

  // Layout: title, then the legend, then the plot; band labels get a gutter on the right.
  double top = 12;
  if (!o.title.empty()) top = 34;
  const bool legend = series.size() > 1;
  std::vector<std::pair<double, double>> legend_at;  // per series: x, y of the item
  const double left = 56;
  double right = 18;
  // Band and reference-line labels sit in a gutter right of the plot, clear of the data.
  for (const auto& b : o.bands) right = std::max(right, 14 + text_width(b.label, 10.5));
  for (const auto& r : o.reference_lines) right = std::max(right, 14 + text_width(r.label, 11.5));
  right = std::min(right, 150.0);
  if (legend) {
    double x = left, y = top + 8;
    for (const auto& s : series) {
      const double w = 36 + text_width(s.label, 12) + 18;
      if (x > left && x + w > width - right) { x = left; y += 18; }
      legend_at.emplace_back(x, y);
      x += w;
    }
    top = y + 16;
  }
  const double bottom = 44;
  const double px0 = left, px1 = width - right, py0 = top + 6, py1 = height - bottom;
  const auto sx = [&](double x) { return px0 + (x - x_lo) / (x_hi - x_lo) * (px1 - px0); };
  const auto sy = [&](double y) { return py1 - (y - y_lo) / (y_hi - y_lo) * (py1 - py0); };

  std::string out = svg_open(id, o.css_class.empty() ? "trajectory" : "trajectory " + o.css_class, width, height);
  const std::string title = o.title.empty() ? value_name + " by " + o.x_label : o.title;
  out += title_and_desc(id, title,
                        o.description.empty() ? generated_trajectory_desc(series, o, x_name, value_name) : o.description);
  out += "<rect width=\"" + std::to_string(width) + "\" height=\"" + std::to_string(height) + "\" fill=\"#fff\"/>";

  // Shaded value bands, clipped to the axis, labelled in the right gutter unless a reference
  // line's label (which matters more) needs that spot.
  const auto near_reference = [&](double y_px) {
    return std::any_of(o.reference_lines.begin(), o.reference_lines.end(), [&](const reference_line& r) {
      return r.y >= y_lo && r.y <= y_hi && std::abs(sy(r.y) - y_px) < 12;
    });
  };
  if (!o.bands.empty()) {
    out += "<g class=\"bands\">";
    for (std::size_t i = 0; i < o.bands.size(); ++i) {
      const auto& b = o.bands[i];
      const double lo = std::max(std::min(b.from, b.to), y_lo), hi = std::min(std::max(b.from, b.to), y_hi);
      if (!(hi > lo)) continue;
      const std::size_t tint = o.bands.size() <= 1 ? 0 : i * (band_tints.size() - 1) / (o.bands.size() - 1);
      out += "<rect x=\"" + c1(px0) + "\" y=\"" + c1(sy(hi)) + "\" width=\"" + c1(px1 - px0) + "\" height=\"" +
             c1(sy(lo) - sy(hi)) + "\" fill=\"" + std::string(band_tints[tint]) + "\"/>";
      if (sy(lo) - sy(hi) >= 10 && !near_reference((sy(lo) + sy(hi)) / 2))
        out += text(px1 + 6, (sy(lo) + sy(hi)) / 2 + 3.5, b.label,
                    "font-size=\"10.5\" fill=\"" + std::string(muted) + "\"");
    }
    out += "</g>";
  }

  // Grid, ticks and axes.
  out += "<g class=\"axes\" fill=\"" + std::string(muted) + "\">";
  for (double y = y_lo; y <= y_hi + 1e-9; y += y_step) {
    out += "<line x1=\"" + c1(px0) + "\" x2=\"" + c1(px1) + "\" y1=\"" + c1(sy(y)) + "\" y2=\"" + c1(sy(y)) +
           "\" stroke=\"#dde3ea\" stroke-width=\"1\"/>";
    out += text(px0 - 6, sy(y) + 4, number(y), "text-anchor=\"end\"");
  }
  for (double x = x_lo; x <= x_hi + 1e-9; x += x_step) {
    out += "<line x1=\"" + c1(sx(x)) + "\" x2=\"" + c1(sx(x)) + "\" y1=\"" + c1(py1) + "\" y2=\"" + c1(py1 + 5) +
           "\" stroke=\"" + std::string(muted) + "\"/>";
    out += text(sx(x), py1 + 18, number(x), "text-anchor=\"middle\"");
  }
  out += "<path d=\"M" + c1(px0) + " " + c1(py0) + "V" + c1(py1) + "H" + c1(px1) + "\" fill=\"none\" stroke=\"" +
         std::string(muted) + "\"/>";
  out += text((px0 + px1) / 2, height - 8, o.x_label, "text-anchor=\"middle\" fill=\"" + std::string(ink) + "\"");
  out += "<text transform=\"translate(14 " + c1((py0 + py1) / 2) + ") rotate(-90)\" text-anchor=\"middle\" fill=\"" +
         std::string(ink) + "\">" + escape_xml(o.y_label) + "</text>";
  out += "</g>";

  // Reference lines across the plot, labelled at their right end in the gutter.
  for (const auto& r : o.reference_lines) {
    if (r.y < y_lo || r.y > y_hi) continue;
    out += "<g class=\"reference\"><line x1=\"" + c1(px0) + "\" x2=\"" + c1(px1) + "\" y1=\"" + c1(sy(r.y)) +
           "\" y2=\"" + c1(sy(r.y)) + "\" stroke=\"#3d4752\" stroke-width=\"1.2\" stroke-dasharray=\"5 4\"/>";
    out += text(px1 + 6, sy(r.y) + 4, r.label, "font-size=\"11.5\" font-weight=\"600\" fill=\"#3d4752\"");
    out += "</g>";
  }

  // Bands around the points (e.g. confidence intervals): one area per run of points that have one.
  for (std::size_t i = 0; i < series.size(); ++i) {
    const auto& pts = series[i].points;
    const std::string colour(series_colours[i % series_colours.size()]);
    std::size_t k = 0;
    while (k < pts.size()) {
      if (!(pts[k].low && pts[k].high)) { ++k; continue; }
      std::size_t end = k;
      while (end < pts.size() && pts[end].low && pts[end].high) ++end;
      // Appended piece by piece: `"L" + std::string` trips GCC 12's -Wrestrict at -O3 (a false positive).
      std::string d;
      const auto point = [&](char command, double x, double y) {
        d += command;
        d += c1(sx(x));
        d += ' ';
        d += c1(sy(std::clamp(y, y_lo, y_hi)));
      };
      for (std::size_t j = k; j < end; ++j) point(j == k ? 'M' : 'L', pts[j].x, *pts[j].high);
      for (std::size_t j = end; j-- > k;) point('L', pts[j].x, *pts[j].low);
      out += "<path class=\"band\" d=\"" + d + "Z\" fill=\"" + colour + "\" fill-opacity=\"0.16\" stroke=\"" + colour +
             "\" stroke-opacity=\"0.35\" stroke-width=\"0.8\"/>";
      k = end;
    }
  }

  // Lines, then markers with their tooltips on top.
  for (std::size_t i = 0; i < series.size(); ++i) {
    const auto& s = series[i];
    const std::string colour(series_colours[i % series_colours.size()]);
    const std::string_view dash = series_dashes[i % series_dashes.size()];
    const marker m = series_markers[i % series_markers.size()];
    out += "<g class=\"series\"" + attr("data-label", s.label) + ">";
    if (s.points.size() > 1) {
      std::string d;
      for (std::size_t j = 0; j < s.points.size(); ++j)
        d += (j ? "L" : "M") + c1(sx(s.points[j].x)) + " " + c1(sy(s.points[j].y));
      out += "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2.2\" stroke-linejoin=\"round\"";
      if (!dash.empty()) out += " stroke-dasharray=\"" + std::string(dash) + "\"";
      out += "/>";
    }
    for (const auto& p : s.points) {
      std::string tip = series.size() > 1 && !s.label.empty() ? s.label + ", " : "";
      tip += x_name + " " + number(p.x) + ": " + value_name + " " + number(p.y);
      if (!p.note.empty()) tip += " (" + p.note + ")";
      out += marker_shape(m, sx(p.x), sy(p.y), 4.2, colour, "#fff", "stroke-width=\"1.2\" class=\"point\"") + "><title>" +
             escape_xml(tip) + "</title></" + std::string(marker_tag(m)) + ">";
    }
    out += "</g>";
  }

  if (legend) {
    out += "<g class=\"legend\">";
    for (std::size_t i = 0; i < series.size(); ++i) {
      const auto [x, y] = legend_at[i];
      const std::string colour(series_colours[i % series_colours.size()]);
      const std::string_view dash = series_dashes[i % series_dashes.size()];
      out += "<line x1=\"" + c1(x) + "\" x2=\"" + c1(x + 30) + "\" y1=\"" + c1(y) + "\" y2=\"" + c1(y) + "\" stroke=\"" +
             colour + "\" stroke-width=\"2.2\"" + (dash.empty() ? "" : " stroke-dasharray=\"" + std::string(dash) + "\"") +
             "/>";
      out += marker_shape(series_markers[i % series_markers.size()], x + 15, y, 4.2, colour, "#fff", "stroke-width=\"1.2\"") +
             "/>";
      out += text(x + 36, y + 4, series[i].label, "fill=\"" + std::string(ink) + "\"");
    }
    out += "</g>";
  }
  if (!o.title.empty())
    out += text(px0, 20, o.title, "font-size=\"14\" font-weight=\"600\" fill=\"" + std::string(ink) + "\"");
  if (!any)
    out += text((px0 + px1) / 2, (py0 + py1) / 2, "No scores to show", "text-anchor=\"middle\" fill=\"" + std::string(muted) + "\"");
  out += "</svg>";
  return out;
}

std::vector<reference_line> cutoff_lines(const instrument& in) {
  const bool worse_up = in.direction == score_direction::higher_is_worse;
  // The signs as UTF-8 bytes, whatever the source charset.
  const char* at_or_worse = worse_up ? "\xE2\x89\xA5 " : "\xE2\x89\xA4 ";
  const char* at_or_better = worse_up ? "\xE2\x89\xA4 " : "\xE2\x89\xA5 ";
  std::vector<reference_line> lines;
  if (in.caseness)
    lines.push_back({static_cast<double>(*in.caseness), "caseness " + std::string(at_or_worse) + std::to_string(*in.caseness)});
  if (in.remission)
    lines.push_back({static_cast<double>(*in.remission), "remission " + std::string(at_or_better) + std::to_string(*in.remission)});
  return lines;
}

std::string case_trajectory_svg(const case_record& c, std::string_view instrument_id,
                                const svg_options& options, const catalog& cat) {
  const instrument* in = cat.instruments.find(instrument_id);
  // A misspelt id would draw an empty chart: refuse one the catalog lacks, unless the case has it.
  if (!in && std::none_of(c.assessments.begin(), c.assessments.end(),
                          [&](const assessment& a) { return a.instrument == instrument_id; }))
    throw std::invalid_argument("case_trajectory_svg: the catalog has no instrument \"" +
                                std::string(instrument_id) + "\" and the case no assessment of it");
  const std::string name = in ? in->name : std::string(instrument_id);

  // Scorable totals in date order (stable: same-day scores keep document order).
  std::vector<const assessment*> taken;
  for (const auto& a : c.assessments)
    if (a.instrument == instrument_id && score_total(a, in)) taken.push_back(&a);
  std::stable_sort(taken.begin(), taken.end(), [](const assessment* a, const assessment* b) { return a->date < b->date; });
  trajectory_series s{name, {}};
  for (const auto* a : taken) {
    std::string note = format_date(a->date);
    if (a->session) note += ", session " + std::to_string(*a->session);
    s.points.push_back({static_cast<double>(days_between(c.contract.start_date, a->date)) / 7.0,
                        static_cast<double>(*score_total(*a, in)), std::nullopt, std::nullopt, std::move(note)});
  }

  svg_options o = options;
  if (o.id.empty()) o.id = "trajectory-" + svg_detail::id_token(c.case_id) + "-" + svg_detail::id_token(instrument_id);
  if (o.title.empty()) o.title = name + " by week since contract start";
  o.x_label = "weeks since contract start";
  o.x_name = "week";
  o.y_label = name + " total";
  o.value_name = name;
  if (in) {
    o.y_min = in->total_min;
    o.y_max = in->total_max;
    o.reference_lines = cutoff_lines(*in);
    // Totals are whole numbers: a band covers its totals ± 0.5 so that the stripes meet.
    o.bands.clear();
    for (const auto& b : in->bands)
      o.bands.push_back({b.min - 0.5, b.max + 0.5, svg_detail::humanize(b.label)});
  }
  if (o.description.empty()) {
    std::string d = c.case_id + ": " + name + " totals by weeks since the contract start (" +
                    format_date(c.contract.start_date) + ").";
    if (s.points.empty()) d += " No scorable " + name + " assessments.";
    for (const auto& p : s.points) d += " Week " + number(p.x) + " (" + p.note + "): " + number(p.y) + ".";
    for (const auto& r : o.reference_lines) d += " Reference line " + r.label + ".";
    o.description = d;
  }
  return trajectory_svg({std::move(s)}, o);
}

namespace {

// How each kind of relationship is drawn: by the four groups clinicians sort an inventory into.
marker kind_marker(relationship_kind k) {
  switch (k) {
    case relationship_kind::partner:
    case relationship_kind::former_partner: return marker::diamond;
    case relationship_kind::parent:
    case relationship_kind::child:
    case relationship_kind::sibling:
    case relationship_kind::grandparent:
    case relationship_kind::other_family: return marker::circle;
    case relationship_kind::friend_: return marker::square;
    default: return marker::triangle;
  }
}

struct conflict_style {
  std::string_view colour;
  std::string_view words;
};

conflict_style conflict_of(const std::optional<int>& conflict) {
  if (!conflict) return {"#8a949e", "conflict not recorded"};
  if (*conflict >= 3) return {"#D55E00", "high conflict"};
  if (*conflict == 2) return {"#E69F00", "moderate conflict"};
  return {"#0072B2", "little or no conflict"};
}

std::string person_tooltip(const relationship& r, int ring) {
  std::string t = r.label.empty() ? r.id : r.label;
  t += ": " + svg_detail::humanize(meta::enum_name(r.kind)) + ", " + std::string(meta::enum_name(r.status)) + ", ring " +
       std::to_string(ring);
  if (r.contact) t += "; contact " + std::string(meta::enum_name(*r.contact));
  if (r.support) t += "; support " + std::to_string(*r.support) + " of 4";
  if (r.conflict) t += "; conflict " + std::to_string(*r.conflict) + " of 4";
  if (r.changed_near_onset && *r.changed_near_onset) t += "; changed near the onset of symptoms";
  if (r.loss_date) t += "; " + std::string(r.status == relationship_status::deceased ? "died " : "ended ") + format_date(*r.loss_date);
  return t;
}

// One person's marker: shape by kind, fill by status, colour and an outer ring by conflict.
std::string person_marker(const relationship& r, double x, double y, double size) {
  const marker shape = kind_marker(r.kind);
  const auto style = conflict_of(r.conflict);
  const std::string colour(style.colour);
  std::string out;
  if (r.conflict && *r.conflict >= 3)
    out += "<circle cx=\"" + c1(x) + "\" cy=\"" + c1(y) + "\" r=\"" + c1(size + 5) + "\" fill=\"none\" stroke=\"" + colour +
           "\" stroke-width=\"1.6\"/>";
  switch (r.status) {
    case relationship_status::current:
      out += marker_shape(shape, x, y, size, colour, "#1d2733", "stroke-width=\"1\"") + "/>";
      break;
    case relationship_status::past:
      out += marker_shape(shape, x, y, size, colour, colour, "fill-opacity=\"0.35\" stroke-width=\"1.6\"") + "/>";
      break;
    case relationship_status::estranged:
      out += marker_shape(shape, x, y, size, "#fff", colour, "stroke-width=\"2.4\" stroke-dasharray=\"3 2\"") + "/>";
      break;
    case relationship_status::deceased: {
      out += marker_shape(shape, x, y, size, "#fff", "#1d2733", "stroke-width=\"1.6\"") + "/>";
      const double d = size * 0.62;
      out += "<path d=\"M" + c1(x - d) + " " + c1(y - d) + "L" + c1(x + d) + " " + c1(y + d) + "M" + c1(x + d) + " " +
             c1(y - d) + "L" + c1(x - d) + " " + c1(y + d) + "\" stroke=\"" + colour + "\" stroke-width=\"1.8\"/>";
      break;
    }
  }
  return out;
}

std::string circle_desc(const inventory& inv) {
  std::string d = "Closeness circle: the patient (You) at the centre and rings 1 (closest) to 4.";
  if (inv.relationships.empty()) return d + " No relationships recorded.";
  for (int ring = 1; ring <= 4; ++ring) {
    std::string people;
    for (const auto& r : inv.relationships) {
      if (std::clamp(r.closeness, 1, 4) != ring) continue;
      people += (people.empty() ? "" : "; ") + (r.label.empty() ? r.id : r.label) + " (" +
                svg_detail::humanize(meta::enum_name(r.kind)) + ", " + std::string(meta::enum_name(r.status)) + ", " +
                std::string(conflict_of(r.conflict).words) + ")";
    }
    if (!people.empty()) d += " Ring " + std::to_string(ring) + ": " + people + ".";
  }
  return d;
}

}  // namespace

namespace {

// The legend of the closeness circle: a heading and four lines per group, most after a marker.
struct legend_line {
  std::string_view text;
  std::optional<marker> kind;                        // a kind's shape
  std::optional<relationship_status> status;         // a sample person of this status
  std::optional<std::optional<int>> conflict;        // a sample person of this conflict
};

struct legend_group {
  std::string_view heading;
  std::array<legend_line, 4> lines;
};

legend_line shape_line(std::string_view text, marker m) { return {text, m, std::nullopt, std::nullopt}; }
legend_line status_line(std::string_view text, relationship_status st) { return {text, std::nullopt, st, std::nullopt}; }
legend_line conflict_line(std::string_view text, std::optional<int> level) {
  return {text, std::nullopt, std::nullopt, std::optional<std::optional<int>>(std::in_place, level)};
}
legend_line plain_line(std::string_view text) { return {text, std::nullopt, std::nullopt, std::nullopt}; }

std::array<legend_group, 4> circle_legend() {
  using st = relationship_status;
  return {{
      {"Rings", {plain_line("1 = closest"), plain_line("4 = least close"), plain_line(""), plain_line("")}},
      {"Who (shape)",
       {shape_line("partner, ex-partner", marker::diamond), shape_line("family", marker::circle),
        shape_line("friend", marker::square), shape_line("work, community, other", marker::triangle)}},
      {"Status (fill)",
       {status_line("current: filled", st::current), status_line("past: pale", st::past),
        status_line("estranged: dashed", st::estranged), status_line("deceased: hollow, cross", st::deceased)}},
      {"Conflict (colour)",
       {conflict_line("none or little (0-1)", 0), conflict_line("moderate (2)", 2),
        conflict_line("high (3-4): outer ring", 3), conflict_line("not recorded", std::nullopt)}},
  }};
}

constexpr double legend_head_size = 11.5, legend_item_size = 11;
constexpr double legend_indent = 16;  // a line's text starts after its marker
constexpr double legend_line_pitch = 15;
constexpr double legend_row_pitch = 80;  // heading, four lines and a gap
constexpr double legend_first_row = 84;  // the rule above, heading, four lines, bottom margin

bool has_marker(const legend_line& l) { return l.kind || l.status || l.conflict; }

std::string legend_marker(const legend_line& l, double x, double y) {
  if (l.kind) return marker_shape(*l.kind, x, y, 4.5, "#8a949e", "#1d2733", "stroke-width=\"1\"") + "/>";
  relationship sample;
  sample.kind = relationship_kind::other_family;
  if (l.status) {
    sample.status = *l.status;
    sample.conflict = 0;
  }
  if (l.conflict) sample.conflict = *l.conflict;
  return person_marker(sample, x, y, 4.5);
}

}  // namespace

std::string closeness_circle_svg(const inventory& inv, const svg_options& o) {
  const std::string id = o.id.empty() ? "closeness-circle" : o.id;
  const int width = std::max(o.width, 420);
  // The legend's groups take as many columns as fit (text widths bounded from above, so that no
  // two lines can touch in any usual font) and wrap into more rows below.
  const auto groups = circle_legend();
  std::vector<double> block;
  for (const auto& g : groups) {
    double w = svg_detail::text_width_bound(g.heading, legend_head_size, true);
    for (const auto& l : g.lines)
      w = std::max(w, (has_marker(l) ? legend_indent : 0) + svg_detail::text_width_bound(l.text, legend_item_size));
    block.push_back(w);
  }
  const auto grid = svg_detail::legend_grid(block, 12, width - 12.0, 18);
  const double legend_height = legend_first_row + (grid.rows - 1) * legend_row_pitch;
  const double title_height = o.title.empty() ? 0 : 26;
  // A wrapped legend makes the figure taller rather than the circle smaller than 216 px.
  const int height = std::max({o.height, 300, static_cast<int>(std::ceil(title_height + legend_height + 216))});
  const double area_h = height - title_height - legend_height;
  const double cx = width / 2.0, cy = title_height + area_h / 2;
  // Labels need about 110 px beside the outer ring; above and below, one line.
  const double outer = std::max(50.0, std::min(width / 2.0 - 112, area_h / 2 - 12));
  const double centre_r = outer * 0.17;
  const auto boundary = [&](int k) { return centre_r + k * (outer - centre_r) / 4; };

  std::string out = svg_open(id, o.css_class.empty() ? "closeness-circle" : "closeness-circle " + o.css_class, width, height);
  out += title_and_desc(id, o.title.empty() ? "Closeness circle" : o.title,
                        o.description.empty() ? circle_desc(inv) : o.description);
  out += "<rect width=\"" + std::to_string(width) + "\" height=\"" + std::to_string(height) + "\" fill=\"#fff\"/>";
  if (!o.title.empty()) out += text(12, 19, o.title, "font-size=\"14\" font-weight=\"600\" fill=\"" + std::string(ink) + "\"");

  // Rings from the outside in, alternating tints so that each ring reads as a band.
  constexpr std::array<std::string_view, 4> ring_fill = {"#e6eef6", "#f2f6fa", "#e6eef6", "#f2f6fa"};
  for (int k = 4; k >= 1; --k)
    out += "<circle class=\"ring\" data-ring=\"" + std::to_string(k) + "\" cx=\"" + c1(cx) + "\" cy=\"" + c1(cy) +
           "\" r=\"" + c1(boundary(k)) + "\" fill=\"" + std::string(ring_fill[static_cast<std::size_t>(k - 1)]) +
           "\" stroke=\"#b5c3d1\" stroke-width=\"1\"/>";
  // Ring numbers at the bottom, where no person is placed.
  for (int k = 1; k <= 4; ++k)
    out += text(cx, cy + (boundary(k - 1) + boundary(k)) / 2 + 4, std::to_string(k),
                "text-anchor=\"middle\" font-size=\"11\" font-weight=\"600\" fill=\"#8595a6\"");
  out += "<circle cx=\"" + c1(cx) + "\" cy=\"" + c1(cy) + "\" r=\"" + c1(centre_r) + "\" fill=\"#1d2733\"/>";
  out += text(cx, cy + 4, "You", "text-anchor=\"middle\" font-weight=\"600\" fill=\"#fff\"");

  // People in inventory order, evenly spread over the circle but for a 60-degree gap at the
  // bottom (the ring numbers). One angle per person, whatever the ring, so that no two people
  // (nor their labels) line up on a ray.
  const double size = std::clamp(outer / 20, 5.5, 8.0);
  const double n = static_cast<double>(inv.relationships.size());
  out += "<g class=\"people\">";
  for (std::size_t i = 0; i < inv.relationships.size(); ++i) {
    const auto& r = inv.relationships[i];
    const int ring = std::clamp(r.closeness, 1, 4);
    const double radius = (boundary(ring - 1) + boundary(ring)) / 2;
    const double a = (120 + (static_cast<double>(i) + 0.5) * 300 / n) * std::numbers::pi / 180;
    const double x = cx + radius * std::cos(a), y = cy + radius * std::sin(a);
    out += "<g class=\"person\"" + attr("data-ring", std::to_string(ring)) + attr("data-status", meta::enum_name(r.status)) +
           "><title>" + escape_xml(person_tooltip(r, ring)) + "</title>";
    out += person_marker(r, x, y, size);
    // The label sits beside the marker on the side away from the centre line.
    const double cosa = std::cos(a);
    const std::string label = svg_detail::truncate(r.label.empty() ? r.id : r.label, 20);
    const std::string halo = "font-size=\"11.5\" fill=\"" + std::string(ink) + "\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\"";
    const double gap = size + (r.conflict && *r.conflict >= 3 ? 9 : 4);
    if (cosa > 0.35) out += text(x + gap, y + 4, label, "text-anchor=\"start\" " + halo);
    else if (cosa < -0.35) out += text(x - gap, y + 4, label, "text-anchor=\"end\" " + halo);
    else out += text(x, std::sin(a) < 0 ? y - gap - 3 : y + gap + 11, label, "text-anchor=\"middle\" " + halo);
    out += "</g>";
  }
  out += "</g>";
  if (inv.relationships.empty())
    out += text(cx, cy - centre_r - 8, "No relationships recorded", "text-anchor=\"middle\" fill=\"" + std::string(muted) + "\"");

  // Legend: rings, who (shape), status (fill), conflict (colour, outer ring).
  const double top = height - legend_height + 14;
  const std::string head = "font-size=\"" + number(legend_head_size) + "\" font-weight=\"600\" fill=\"" + std::string(ink) + "\"";
  const std::string item = "font-size=\"" + number(legend_item_size) + "\" fill=\"" + std::string(ink) + "\"";
  out += "<g class=\"legend\">";
  out += "<line x1=\"8\" x2=\"" + std::to_string(width - 8) + "\" y1=\"" + c1(top - 14) + "\" y2=\"" + c1(top - 14) +
         "\" stroke=\"#dde3ea\"/>";
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const double x = grid.x[g], y0 = top + grid.row[g] * legend_row_pitch;
    out += text(x, y0, groups[g].heading, head);
    for (std::size_t k = 0; k < groups[g].lines.size(); ++k) {
      const auto& l = groups[g].lines[k];
      if (l.text.empty()) continue;
      const double y = y0 + legend_line_pitch * static_cast<double>(k + 1);
      if (has_marker(l)) out += legend_marker(l, x + 6, y - 4);
      out += text(x + (has_marker(l) ? legend_indent : 0), y, l.text, item);
    }
  }
  out += "</g></svg>";
  return out;
}


namespace svg_detail {

// Defined here, after the helpers they use.
std::string svg_open(const std::string& id, std::string_view classes, int width, int height) {
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"";
  out += attr("id", id);
  out += attr("class", classes);
  out += attr("aria-labelledby", id + "-title " + id + "-desc");
  out += " width=\"" + std::to_string(width) + "\" height=\"" + std::to_string(height) + "\"";
  out += " viewBox=\"0 0 " + std::to_string(width) + " " + std::to_string(height) + "\"";
  out += attr("font-family", font_stack);
  out += " font-size=\"12\">";
  return out;
}

std::string title_and_desc(const std::string& id, std::string_view title, std::string_view desc) {
  return "<title" + attr("id", id + "-title") + ">" + escape_xml(title) + "</title><desc" + attr("id", id + "-desc") +
         ">" + escape_xml(desc) + "</desc>";
}

}  // namespace svg_detail

}  // namespace iptkit
