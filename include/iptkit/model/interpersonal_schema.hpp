#pragma once
/// @file
/// @brief The maladaptive interpersonal schema of metacognitive interpersonal therapy (MIT).

#include <iptkit/meta/field_rules.hpp>
#include <boost/describe.hpp>
#include <optional>
#include <string>
#include <vector>

namespace iptkit {

/// @brief MIT's focus: a maladaptive interpersonal schema, the patient's recurring expectation of
/// how others answer a core wish, and how the self then reacts (Dimaggio, Montano, Popolo &
/// Salvatore 2015, "Metacognitive Interpersonal Therapy for Personality Disorders", Routledge).
/// MIT works on this, not on the four IPT problem areas.
struct interpersonal_schema {
  std::string wish;                       ///< the core wish or need, e.g. to be appreciated
  std::optional<std::string> self_image;  ///< how the self is seen in relation to the wish
  std::string other_response;             ///< the response of the other the patient expects
  std::string self_response;              ///< the self's emotional and behavioural reaction to it
  std::vector<std::string> relationships; ///< ids of the relationships where the schema shows
  friend bool operator==(const interpersonal_schema&, const interpersonal_schema&) = default;
};
BOOST_DESCRIBE_STRUCT(interpersonal_schema, (), (wish, self_image, other_response, self_response, relationships))

template <>
inline constexpr auto meta::field_rules<interpersonal_schema> = std::tuple{
    meta::field(&interpersonal_schema::wish, meta::non_empty{}),
    meta::field(&interpersonal_schema::other_response, meta::non_empty{}),
    meta::field(&interpersonal_schema::self_response, meta::non_empty{})};

}  // namespace iptkit
