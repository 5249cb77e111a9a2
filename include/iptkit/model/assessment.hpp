#pragma once
/// @file
/// @brief A symptom measure taken on a date (PHQ-9, GAD-7, BDI-II, HAM-D-17 or a registered one).

#include <iptkit/meta/enum_printing.hpp>
#include <iptkit/meta/field_rules.hpp>
#include <iptkit/model/date.hpp>
#include <boost/describe.hpp>
#include <optional>
#include <string>
#include <vector>

namespace iptkit {

/// @brief Who scored the measure.
enum class rater { self, clinician };
BOOST_DESCRIBE_ENUM(rater, self, clinician)
IPTKIT_ENUM_PRINTING(rater)

/// @brief One administration of an instrument; at least one of `items` and `total` is present.
struct assessment {
  std::string instrument;              ///< `phq9`, `gad7`, `bdi2`, `hamd17` or a registered id
  iptkit::date date{};                 ///< when it was taken
  std::optional<int> session;          ///< the session number it belongs to
  std::optional<iptkit::rater> rater;  ///< self or clinician
  std::vector<int> items;              ///< item scores in instrument order
  std::optional<int> total;            ///< total score
  friend bool operator==(const assessment&, const assessment&) = default;
};
BOOST_DESCRIBE_STRUCT(assessment, (), (instrument, date, session, rater, items, total))

template <>
inline constexpr auto meta::field_rules<assessment> = std::tuple{
    meta::field(&assessment::instrument, meta::non_empty{}),
    meta::field(&assessment::session, meta::session_count(1)),
    meta::field(&assessment::total, meta::score())};

template <>
inline constexpr auto meta::object_rules<assessment> = std::tuple{
    meta::one_of_required{&assessment::items, &assessment::total}};

}  // namespace iptkit
