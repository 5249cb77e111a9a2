#pragma once
/// @file
/// @brief The problem areas of IPT and a formulation focus, tagged by `area` ([ISIPT], Guide ch.5-8).

#include <iptkit/meta/enum_printing.hpp>
#include <iptkit/meta/field_rules.hpp>
#include <iptkit/meta/enum.hpp>
#include <iptkit/model/date.hpp>
#include <boost/describe.hpp>
#include <optional>
#include <string>
#include <variant>

namespace iptkit {

/// @brief The four interpersonal problem areas.
enum class problem_area { grief, role_dispute, role_transition, interpersonal_deficits };
BOOST_DESCRIBE_ENUM(problem_area, grief, role_dispute, role_transition, interpersonal_deficits)
IPTKIT_ENUM_PRINTING(problem_area)

/// @brief Grief reactions: normal, and the unresolved forms ([seed] [NCI PDQ]).
enum class grief_type { normal, delayed, distorted, chronic, inhibited };
BOOST_DESCRIBE_ENUM(grief_type, normal, delayed, distorted, chronic, inhibited)
IPTKIT_ENUM_PRINTING(grief_type)

/// @brief Stage of a role dispute (Guide ch.6).
enum class dispute_stage { renegotiation, impasse, dissolution };
BOOST_DESCRIBE_ENUM(dispute_stage, renegotiation, impasse, dissolution)
IPTKIT_ENUM_PRINTING(dispute_stage)

/// @brief The life change behind a role transition.
enum class transition_type {
  marriage, divorce_separation, parenthood, retirement, job_change, job_loss, relocation, illness,
  education, other
};
BOOST_DESCRIBE_ENUM(transition_type, marriage, divorce_separation, parenthood, retirement,
                    job_change, job_loss, relocation, illness, education, other)
IPTKIT_ENUM_PRINTING(transition_type)

/// @brief The pattern of interpersonal deficits (sensitivity) worked on.
enum class deficit_pattern {
  social_isolation, unfulfilling_relationships, emotional_expression, communication_beliefs
};
BOOST_DESCRIBE_ENUM(deficit_pattern, social_isolation, unfulfilling_relationships,
                    emotional_expression, communication_beliefs)
IPTKIT_ENUM_PRINTING(deficit_pattern)

/// @brief Grief focus: symptoms linked to the death of a significant person.
struct grief_focus {
  static constexpr problem_area tag = problem_area::grief;  ///< the `area` spelling
  std::string relationship;                                 ///< id of the deceased person
  iptkit::grief_type grief_type{};                          ///< kind of grief reaction
  friend bool operator==(const grief_focus&, const grief_focus&) = default;
};
BOOST_DESCRIBE_STRUCT(grief_focus, (), (relationship, grief_type))

/// @brief Role-dispute focus: non-reciprocal expectations with a significant other.
struct role_dispute_focus {
  static constexpr problem_area tag = problem_area::role_dispute;  ///< the `area` spelling
  std::string relationship;                                        ///< id of the other party
  dispute_stage stage{};                                           ///< renegotiation, impasse, dissolution
  friend bool operator==(const role_dispute_focus&, const role_dispute_focus&) = default;
};
BOOST_DESCRIBE_STRUCT(role_dispute_focus, (), (relationship, stage))

/// @brief Role-transition focus: difficulty coping with a life change.
struct role_transition_focus {
  static constexpr problem_area tag = problem_area::role_transition;  ///< the `area` spelling
  transition_type transition{};                                       ///< what changed
  std::optional<std::string> old_role;                                ///< free text
  std::optional<std::string> new_role;                                ///< free text
  std::optional<iptkit::date> date;                                   ///< when it happened
  friend bool operator==(const role_transition_focus&, const role_transition_focus&) = default;
};
BOOST_DESCRIBE_STRUCT(role_transition_focus, (), (transition, old_role, new_role, date))

/// @brief Interpersonal-deficits focus: isolation or unsustained relationships.
struct interpersonal_deficits_focus {
  static constexpr problem_area tag = problem_area::interpersonal_deficits;  ///< the `area` spelling
  deficit_pattern pattern{};                                                 ///< what is worked on
  friend bool operator==(const interpersonal_deficits_focus&,
                         const interpersonal_deficits_focus&) = default;
};
BOOST_DESCRIBE_STRUCT(interpersonal_deficits_focus, (), (pattern))

/// @brief One focus of the formulation; the JSON object is tagged by `area`.
using focus = std::variant<grief_focus, role_dispute_focus, role_transition_focus,
                           interpersonal_deficits_focus>;

/// @brief `focus` objects carry their alternative in the key `area`.
template <>
struct meta::variant_tag<focus> {
  static constexpr std::string_view key = "area";   ///< the tag key
  static constexpr std::string_view name = "focus";  ///< the schema's name for the variant
};

/// @brief The problem area of a focus.
inline problem_area area_of(const focus& f) noexcept {
  return std::visit([](const auto& alt) { return std::remove_cvref_t<decltype(alt)>::tag; }, f);
}

/// @brief The relationship id a focus is about (grief and role dispute), if any.
inline const std::string* relationship_of(const focus& f) noexcept {
  if (const auto* g = std::get_if<grief_focus>(&f)) return &g->relationship;
  if (const auto* d = std::get_if<role_dispute_focus>(&f)) return &d->relationship;
  return nullptr;
}

}  // namespace iptkit
