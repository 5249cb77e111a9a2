#pragma once
/// @file
/// @brief Self-contained SVG figures: symptom trajectories and the closeness circle.
///
/// Every function returns one `<svg>` element as a string: no external assets, no scripts, and
/// the same bytes for the same input (numbers are printed with a fixed number of decimals and
/// independent of the C locale). All text that comes from a case is escaped with escape_xml().
/// The figures are accessible: `role="img"` with a `<title>` and a `<desc>` that states in words
/// what the picture shows, and colours are always paired with a second cue (dash pattern,
/// marker shape, fill style) so that they read in grey scale and for colour-blind readers.

#include <iptkit/catalog.hpp>
#include <iptkit/model/case_record.hpp>
#include <iptkit/model/inventory.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iptkit {

/// @brief Escapes text for XML and HTML, in content and in quoted attribute values alike:
/// `&` `<` `>` `"` `'` become character references, and control characters that XML 1.0
/// forbids (all C0 controls except tab, line feed and carriage return) become U+FFFD.
std::string escape_xml(std::string_view text);

/// @brief One point of a trajectory, with an optional band (e.g. mean ± 95% CI) around it.
struct trajectory_point {
  double x = 0;                 ///< e.g. weeks since contract start
  double y = 0;                 ///< e.g. a total score or a mean total
  std::optional<double> low;    ///< lower edge of the band at this point (with `high`)
  std::optional<double> high;   ///< upper edge of the band at this point (with `low`)
  std::string note;             ///< extra text for the point's tooltip, e.g. a date or an n
};

/// @brief A named line of a trajectory chart; points are drawn in the order given.
struct trajectory_series {
  std::string label;                    ///< legend text, e.g. an arm
  std::vector<trajectory_point> points; ///< in x order
};

/// @brief A labelled horizontal line across the chart, e.g. a caseness cut-off.
struct reference_line {
  double y = 0;        ///< where it is drawn
  std::string label;   ///< e.g. `caseness 10`
};

/// @brief A labelled horizontal stripe of the chart, e.g. a severity band of an instrument.
struct shaded_band {
  double from = 0;     ///< lower edge (value units)
  double to = 0;       ///< upper edge (value units)
  std::string label;   ///< e.g. `moderately severe`
};

/// @brief Size, text and decorations of a figure. Members a figure has no use for are ignored.
struct svg_options {
  int width = 640;                             ///< width in CSS pixels (also the viewBox width)
  int height = 360;                            ///< height in CSS pixels (also the viewBox height)
  std::string id;                              ///< id of the `<svg>`; the ids of its `<title>` and
                                               ///< `<desc>` derive from it (give each figure of a
                                               ///< page its own). Empty: a default per figure kind
  std::string css_class;                       ///< extra classes for the `<svg>` element
  std::string title;                           ///< drawn heading and accessible name
  std::string description;                     ///< the `<desc>`; empty: generated from the data
  std::string x_label = "week";                ///< x axis label
  std::string x_name;                          ///< the x value's name in tooltips and the
                                               ///< description (e.g. `week`); empty: `x_label`
  std::string y_label = "total";               ///< y axis label
  std::string value_name;                      ///< the value's name in tooltips (e.g. `PHQ-9`);
                                               ///< empty: `y_label`
  double y_min = 0;                            ///< bottom of the y axis
  std::optional<double> y_max;                 ///< top of the y axis (e.g. 27); raised when data
                                               ///< exceed it; default: a round number above the data
  std::vector<reference_line> reference_lines; ///< e.g. caseness 10, remission 4
  std::vector<shaded_band> bands;              ///< e.g. severity bands, shaded and labelled
};

/// @brief A line chart of one or more series (e.g. symptom totals by week), with optional bands
/// per point drawn as translucent areas, reference lines, shaded value bands, axis ticks, a
/// legend (when there is more than one series; one series is named by the title), and a
/// `<title>` tooltip on every point (e.g. `week 4: PHQ-9 13`). Each series has its own colour
/// (Okabe-Ito, colour-blind safe), dash pattern and marker shape.
std::string trajectory_svg(const std::vector<trajectory_series>& series, const svg_options& options = {});

/// @brief The instrument's caseness and remission cut-offs as labelled lines
/// ("caseness ≥ 10", "remission ≤ 4"; the signs follow the instrument's direction).
std::vector<reference_line> cutoff_lines(const instrument& in);

/// @brief One case's totals of an instrument over weeks since the contract start (scorable
/// assessments only, via score_total(), in date order), with the instrument's caseness and
/// remission lines and its severity bands when it has them. `options` may set size, ids and
/// title; the axis labels, value name, y range, lines and bands come from the catalog's
/// instrument (an instrument missing from it is drawn with its id and no lines). Throws
/// std::invalid_argument for an instrument that neither the catalog nor the case has (a typo
/// would otherwise draw an empty chart).
std::string case_trajectory_svg(const case_record& c, std::string_view instrument, const svg_options& options = {},
                                const catalog& cat = catalog::builtin());

/// @brief The closeness circle of an interpersonal inventory: "You" at the centre, rings 1
/// (closest) to 4, each relationship a labelled marker on its ring (spread by angle). Kind is
/// shown by shape, status by fill (current filled, past pale, estranged dashed outline, deceased
/// hollow with a cross) and conflict by colour plus an outer ring when high (3-4); a legend
/// explains them. The `<svg>` has the class `closeness-circle`; each ring is a `class="ring"`
/// circle and each person a `class="person"` group whose `<title>` gives the details.
/// The figure is at least 420 px wide (narrower widths are raised to it). The legend's four
/// groups sit side by side when they fit the width and wrap into more rows when they do not;
/// the height then grows so that the circle keeps at least 216 px above the legend.
std::string closeness_circle_svg(const inventory& inv, const svg_options& options = {});

/// @brief Text helpers shared by the SVG and HTML exporters; not a stable API.
namespace svg_detail {

/// @brief `value` with exactly `decimals` decimals, independent of the C locale; never `-0.0`.
std::string fixed(double value, int decimals);

/// @brief `value` rounded to one decimal, without the decimal when it is whole (`13`, `13.4`).
std::string number(double value);

/// @brief The number of UTF-8 code points of `text`.
std::size_t code_points(std::string_view text);

/// @brief `text` cut to at most `max_points` code points (the last one an ellipsis) when longer.
std::string truncate(std::string_view text, std::size_t max_points);

/// @brief An upper bound of the width in px of `text` in the figures' sans-serif font stack at
/// `font_size` px, regular or `bold` (weights 600-700): per character class the advance of the
/// widest usual UI fonts (DejaVu Sans, and Verdana which it matches), rounded up; any non-ASCII
/// character counts 1.25 em. For layouts that must never overlap, unlike an average estimate.
double text_width_bound(std::string_view text, double font_size, bool bold = false);

/// @brief Where the blocks of a legend go: for each block its left edge and its row.
struct grid_layout {
  std::vector<double> x;  ///< left edge of each block, in the order given
  std::vector<int> row;   ///< row of each block, from 0
  int rows = 0;           ///< number of rows (0 for no blocks)
};

/// @brief Lays out blocks of the given `widths` between `left` and `right` in a grid, filled row
/// by row in order: the fewest rows for which the columns' widest blocks, with at least `gap`
/// between columns, fit the span, and of those the fewest columns (four blocks in three columns
/// would leave one alone in its row: two by two instead); the spare width is spread between the
/// columns. When not even one column fits, each block gets a row of its own at `left`.
grid_layout legend_grid(const std::vector<double>& widths, double left, double right, double gap);

/// @brief The opening `<svg>` tag of a figure: `role="img"`, `id`, `class`, labelled by its
/// `<title>` and `<desc>` (ids `id-title`, `id-desc`), `width` x `height` px and the same
/// viewBox, the figures' font stack at 12 px.
std::string svg_open(const std::string& id, std::string_view classes, int width, int height);

/// @brief The `<title>` and `<desc>` of the figure `id`, escaped.
std::string title_and_desc(const std::string& id, std::string_view title, std::string_view desc);

/// @brief A snake_case spelling in words: `moderately_severe` -> `moderately severe`.
std::string humanize(std::string_view spelling);

/// @brief `text` with every character outside `A-Z a-z 0-9 - _ .` replaced by `_`, for ids.
std::string id_token(std::string_view text);

}  // namespace svg_detail

}  // namespace iptkit
