#pragma once
/// @file
/// @brief The interpersonal affective focus (IPAF) of dynamic interpersonal therapy (DIT).

#include <iptkit/meta/field_rules.hpp>
#include <boost/describe.hpp>
#include <optional>
#include <string>
#include <vector>

namespace iptkit {

/// @brief DIT's focus: one recurring, largely unconscious pattern of relating that patient and
/// therapist agree to work on by the end of the initial phase, described by its four components
/// (Lemma, Target & Fonagy 2011, "Brief Dynamic Interpersonal Therapy", ch. 6). DIT works on
/// this, not on the four IPT problem areas.
struct affective_focus {
  std::string self_representation;   ///< how the patient experiences themself in the pattern
  std::string other_representation;  ///< how the other is experienced in it
  std::string affect;                ///< the feeling that links the two
  std::optional<std::string> defensive_function;  ///< what the pattern protects the patient from
  std::vector<std::string> relationships;  ///< ids of the relationships where the pattern shows
  friend bool operator==(const affective_focus&, const affective_focus&) = default;
};
BOOST_DESCRIBE_STRUCT(affective_focus, (),
                      (self_representation, other_representation, affect, defensive_function, relationships))

template <>
inline constexpr auto meta::field_rules<affective_focus> = std::tuple{
    meta::field(&affective_focus::self_representation, meta::non_empty{}),
    meta::field(&affective_focus::other_representation, meta::non_empty{}),
    meta::field(&affective_focus::affect, meta::non_empty{})};

}  // namespace iptkit
