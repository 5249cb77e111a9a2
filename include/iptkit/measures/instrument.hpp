#pragma once
/// @file
/// @brief A symptom instrument as data: items, ranges, bands, cut-offs, reliable change, codes.

#include <iptkit/meta/enum_printing.hpp>
#include <iptkit/json/read_error.hpp>
#include <iptkit/meta/field_rules.hpp>
#include <boost/describe.hpp>
#include <optional>
#include <string>
#include <vector>

namespace iptkit {

/// @brief Which way is worse. All four built-ins are `higher_is_worse`.
enum class score_direction { higher_is_worse, higher_is_better };
BOOST_DESCRIBE_ENUM(score_direction, higher_is_worse, higher_is_better)
IPTKIT_ENUM_PRINTING(score_direction)

/// @brief A named range of totals, e.g. PHQ-9 `moderate` 10-14.
struct severity_band {
  std::string label;   ///< e.g. `mild`, `moderately_severe`
  int min = 0;         ///< lowest total in the band
  int max = 0;         ///< highest total in the band
  friend bool operator==(const severity_band&, const severity_band&) = default;
};
BOOST_DESCRIBE_STRUCT(severity_band, (), (label, min, max))

template <>
inline constexpr auto meta::field_rules<severity_band> = std::tuple{
    meta::field(&severity_band::label, meta::non_empty{}),
    meta::field(&severity_band::min, meta::score()),
    meta::field(&severity_band::max, meta::score())};

/// @brief Jacobson & Truax (1991) reliable change parameters of a reference sample.
struct jacobson_truax {
  double sd = 0;            ///< standard deviation of the reference sample
  double reliability = 0;   ///< test-retest or internal-consistency reliability r
  friend bool operator==(const jacobson_truax&, const jacobson_truax&) = default;
};
BOOST_DESCRIBE_STRUCT(jacobson_truax, (), (sd, reliability))

template <>
inline constexpr auto meta::field_rules<jacobson_truax> = std::tuple{
    meta::field(&jacobson_truax::sd, meta::real_range{0, 1e9}),
    meta::field(&jacobson_truax::reliability, meta::real_range{0, 1})};

/// @brief An instrument definition (outcomes.md "Built-in instruments"; users register their own).
struct instrument {
  std::string id;                                ///< e.g. `phq9`
  std::string name;                              ///< e.g. `PHQ-9`
  int items = 1;                                 ///< number of items
  int item_min = 0;                              ///< lowest item score
  int item_max = 3;                              ///< highest item score (every item)
  std::vector<int> item_maxima;                  ///< per-item maxima; overrides item_max when given
  int total_min = 0;                             ///< lowest total
  int total_max = 0;                             ///< highest total
  std::vector<severity_band> bands;              ///< severity bands, in order
  std::optional<int> caseness;                   ///< a case at or beyond this total
  std::optional<int> remission;                  ///< remitted at or better than this total
  std::optional<int> reliable_change;            ///< reliable change threshold in points
  std::optional<iptkit::jacobson_truax> jacobson_truax;  ///< or Jacobson-Truax parameters
  score_direction direction = score_direction::higher_is_worse;  ///< which way is worse
  std::vector<int> risk_items;                   ///< 1-based items whose score > 0 is an alert
  std::optional<std::string> loinc;              ///< LOINC code of the total score
  std::optional<std::string> loinc_panel;        ///< LOINC code of the panel
  std::vector<std::string> item_loinc;           ///< LOINC codes of the items, in order (one per item)
  std::optional<std::string> source;             ///< where the definition comes from
  friend bool operator==(const instrument&, const instrument&) = default;
};
BOOST_DESCRIBE_STRUCT(instrument, (),
                      (id, name, items, item_min, item_max, item_maxima, total_min, total_max,
                       bands, caseness, remission, reliable_change, jacobson_truax, direction,
                       risk_items, loinc, loinc_panel, item_loinc, source))

template <>
inline constexpr auto meta::field_rules<instrument> = std::tuple{
    meta::field(&instrument::id, meta::identifier{1, 64}),
    meta::field(&instrument::items, meta::in_range{1, 1000}),
    meta::field(&instrument::item_min, meta::has_default{}, meta::score()),
    meta::field(&instrument::item_max, meta::score()),
    meta::field(&instrument::total_min, meta::has_default{}, meta::score()),
    meta::field(&instrument::total_max, meta::score()),
    meta::field(&instrument::caseness, meta::score()),
    meta::field(&instrument::remission, meta::score()),
    meta::field(&instrument::direction, meta::has_default{}),
    meta::field(&instrument::reliable_change, meta::score(1))};

template <>
inline constexpr auto meta::object_rules<instrument> = std::tuple{
    meta::not_below{&instrument::item_min, &instrument::item_max},
    meta::not_below{&instrument::total_min, &instrument::total_max}};

/// @brief What makes `in` unusable as a registry entry, with JSON Pointers into its definition:
/// the errors reading it would give, then consistency. item_min above item_max or total_min above
/// total_max; item_maxima not one per item; bands that do not cover total_min..total_max
/// exactly, in order, without gaps or overlaps (a total with no band would have no severity);
/// caseness or remission outside the total range; risk items that are not item numbers. Empty when
/// valid.
std::vector<read_error> entry_errors(const instrument& in);

/// @brief The highest score of item `index` (0-based).
inline int item_max_of(const instrument& in, std::size_t index) noexcept {
  return index < in.item_maxima.size() ? in.item_maxima[index] : in.item_max;
}

/// @brief The band a total falls in, or nullptr when no band covers it.
inline const severity_band* band_of(const instrument& in, int total) noexcept {
  for (const auto& b : in.bands)
    if (total >= b.min && total <= b.max) return &b;
  return nullptr;
}

/// @brief True when `total` is at or beyond `cutoff` in the worse direction.
inline bool at_or_worse(const instrument& in, int total, int cutoff) noexcept {
  return in.direction == score_direction::higher_is_worse ? total >= cutoff : total <= cutoff;
}

/// @brief True when `total` is at or better than `cutoff`.
inline bool at_or_better(const instrument& in, int total, int cutoff) noexcept {
  return in.direction == score_direction::higher_is_worse ? total <= cutoff : total >= cutoff;
}

}  // namespace iptkit
