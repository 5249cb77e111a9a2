#pragma once
/// @file
/// @brief The interpersonal formulation shared with the patient at the end of the initial phase.

#include <iptkit/meta/field_rules.hpp>
#include <iptkit/model/affective_focus.hpp>
#include <iptkit/model/focus.hpp>
#include <iptkit/model/interpersonal_schema.hpp>
#include <boost/describe.hpp>
#include <optional>
#include <string>
#include <vector>

namespace iptkit {

/// @brief The formulation shared with the patient. Its focus follows the protocol's focus model:
/// one (at most two) IPT problem areas, the first primary (Guide ch.2); DIT's interpersonal
/// affective focus; or MIT's maladaptive interpersonal schema.
struct formulation {
  int agreed_session = 1;              ///< session at which it was shared
  bool patient_agreed = false;         ///< explicit agreement obtained
  std::optional<std::string> summary;  ///< free text, removed by de-identification
  std::vector<iptkit::focus> focus;    ///< IPT problem areas; first = primary
  std::optional<affective_focus> ipaf;  ///< DIT: the interpersonal affective focus
  std::optional<interpersonal_schema> maladaptive_schema;  ///< MIT: the maladaptive interpersonal schema
  friend bool operator==(const formulation&, const formulation&) = default;
};
BOOST_DESCRIBE_STRUCT(formulation, (), (agreed_session, patient_agreed, summary, focus, ipaf, maladaptive_schema))

/// @brief True when the formulation records a focus of any model: IPT areas, an IPAF or a schema.
inline bool has_focus(const formulation& f) noexcept {
  return !f.focus.empty() || f.ipaf || f.maladaptive_schema;
}

template <>
inline constexpr auto meta::field_rules<formulation> = std::tuple{
    meta::field(&formulation::agreed_session, meta::session_count(1))};

}  // namespace iptkit
