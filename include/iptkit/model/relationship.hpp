#pragma once
/// @file
/// @brief One person of the interpersonal inventory, with each side's expectations ([Dietz 2018]).

#include <iptkit/meta/enum_printing.hpp>
#include <iptkit/meta/field_rules.hpp>
#include <iptkit/model/date.hpp>
#include <boost/describe.hpp>
#include <optional>
#include <string>
#include <vector>

namespace iptkit {

/// @brief Whose expectation of the relationship it is.
enum class expectation_holder { patient, other };
BOOST_DESCRIBE_ENUM(expectation_holder, patient, other)
IPTKIT_ENUM_PRINTING(expectation_holder)

/// @brief Whether an expectation is met; unmet ones mark a role dispute (Guide ch.6).
enum class expectation_status { met, partly_met, unmet };
BOOST_DESCRIBE_ENUM(expectation_status, met, partly_met, unmet)
IPTKIT_ENUM_PRINTING(expectation_status)

/// @brief One side's expectation of the relationship.
struct expectation {
  expectation_holder holder{};       ///< the patient's or the other person's
  std::string text;                  ///< free text, removed by de-identification
  expectation_status status{};       ///< met, partly met, unmet
  std::optional<int> importance;     ///< 1 (little) .. 5 (essential)
  friend bool operator==(const expectation&, const expectation&) = default;
};
BOOST_DESCRIBE_STRUCT(expectation, (), (holder, text, status, importance))

template <>
inline constexpr auto meta::field_rules<expectation> = std::tuple{
    meta::field(&expectation::importance, meta::in_range{1, 5})};

/// @brief How the person is related to the patient.
enum class relationship_kind {
  partner, former_partner, parent, child, sibling, grandparent, other_family,
  friend_, colleague, community, professional, other
};
// `friend` is a C++ keyword; the enumerator is spelled `friend_` and described as "friend".
BOOST_DESCRIBE_ENUM(relationship_kind, partner, former_partner, parent, child, sibling, grandparent,
                    other_family, friend_, colleague, community, professional, other)
IPTKIT_ENUM_PRINTING(relationship_kind)

/// @brief Whether the relationship goes on, ended, ended by death, or is broken off.
enum class relationship_status { current, past, deceased, estranged };
BOOST_DESCRIBE_ENUM(relationship_status, current, past, deceased, estranged)
IPTKIT_ENUM_PRINTING(relationship_status)

/// @brief How often the patient and the person are in contact.
enum class contact_frequency { daily, weekly, monthly, rarely, none };
BOOST_DESCRIBE_ENUM(contact_frequency, daily, weekly, monthly, rarely, none)
IPTKIT_ENUM_PRINTING(contact_frequency)

/// @brief A significant person in the interpersonal inventory ([ISIPT] [Dietz 2018] [Markowitz]).
struct relationship {
  std::string id;                              ///< unique within the case; referenced by focus and maintenance
  std::string label;                           ///< how the patient refers to the person (free text)
  relationship_kind kind{};                    ///< partner, parent, ...
  relationship_status status{};                ///< current, past, deceased, estranged
  int closeness = 1;                           ///< closeness-circle ring, 1 innermost .. 4
  std::optional<contact_frequency> contact;    ///< how often in contact
  std::optional<int> support;                  ///< 0 none .. 4 very high
  std::optional<int> conflict;                 ///< 0 none .. 4 very high
  std::vector<expectation> expectations;       ///< each side's expectations
  std::vector<std::string> satisfying;         ///< free text
  std::vector<std::string> unsatisfying;       ///< free text
  std::vector<std::string> desired_changes;    ///< free text
  std::optional<bool> changed_near_onset;      ///< changed near the onset of symptoms
  std::optional<date> loss_date;               ///< date of death (deceased) or of the ending
  friend bool operator==(const relationship&, const relationship&) = default;
};
BOOST_DESCRIBE_STRUCT(relationship, (),
                      (id, label, kind, status, closeness, contact, support, conflict, expectations,
                       satisfying, unsatisfying, desired_changes, changed_near_onset, loss_date))

template <>
inline constexpr auto meta::field_rules<relationship> = std::tuple{
    meta::field(&relationship::id, meta::non_empty{}),
    meta::field(&relationship::closeness, meta::in_range{1, 4}),
    meta::field(&relationship::support, meta::in_range{0, 4}),
    meta::field(&relationship::conflict, meta::in_range{0, 4})};

}  // namespace iptkit
