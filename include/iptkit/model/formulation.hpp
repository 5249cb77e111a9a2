#pragma once
/// @file
/// @brief The interpersonal formulation shared with the patient at the end of the initial phase.

#include <iptkit/meta/field_rules.hpp>
#include <iptkit/model/focus.hpp>
#include <boost/describe.hpp>
#include <optional>
#include <string>
#include <vector>

namespace iptkit {

/// @brief The formulation: one (at most two) problem areas, the first primary (Guide ch.2).
struct formulation {
  int agreed_session = 1;              ///< session at which it was shared
  bool patient_agreed = false;         ///< explicit agreement obtained
  std::optional<std::string> summary;  ///< free text, removed by de-identification
  std::vector<iptkit::focus> focus;    ///< first = primary
  friend bool operator==(const formulation&, const formulation&) = default;
};
BOOST_DESCRIBE_STRUCT(formulation, (), (agreed_session, patient_agreed, summary, focus))

template <>
inline constexpr auto meta::field_rules<formulation> = std::tuple{
    meta::field(&formulation::agreed_session, meta::session_count(1))};

}  // namespace iptkit
