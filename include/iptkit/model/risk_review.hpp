#pragma once
/// @file
/// @brief A clinician's review of risk after an alert (a risk item above 0, rule A007).

#include <iptkit/meta/enum_printing.hpp>
#include <iptkit/model/date.hpp>
#include <boost/describe.hpp>
#include <optional>
#include <string>

namespace iptkit {

/// @brief Who reviewed the risk (a role, never a name).
enum class reviewer_role { therapist, supervisor, psychiatrist, general_practitioner, crisis_team, other };
BOOST_DESCRIBE_ENUM(reviewer_role, therapist, supervisor, psychiatrist, general_practitioner, crisis_team, other)
IPTKIT_ENUM_PRINTING(reviewer_role)

/// @brief What the review concluded.
enum class risk_review_outcome {
  no_current_risk,  ///< assessed: no current risk that needs action
  safety_plan,      ///< a safety plan made or updated with the patient
  referred_urgent,  ///< referred for urgent assessment (crisis team, psychiatry)
  emergency         ///< emergency services involved
};
BOOST_DESCRIBE_ENUM(risk_review_outcome, no_current_risk, safety_plan, referred_urgent, emergency)
IPTKIT_ENUM_PRINTING(risk_review_outcome)

/// @brief One risk review. It resolves every risk alert of an assessment dated on or before it:
/// an alert nobody has reviewed since its assessment stays open in every view.
struct risk_review {
  iptkit::date date{};               ///< when the risk was reviewed
  reviewer_role reviewed_by{};       ///< the reviewer's role
  risk_review_outcome outcome{};     ///< what it concluded
  std::optional<std::string> notes;  ///< free text, removed by de-identification
  friend bool operator==(const risk_review&, const risk_review&) = default;
};
BOOST_DESCRIBE_STRUCT(risk_review, (), (date, reviewed_by, outcome, notes))

}  // namespace iptkit
