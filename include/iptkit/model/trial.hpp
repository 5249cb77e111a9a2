#pragma once
/// @file
/// @brief The record of a randomised trial a case belongs to: randomisation and screening,
/// discontinuation, adverse events (CONSORT 2010, Schulz, Altman and Moher, BMJ 340:c332).

#include <iptkit/meta/enum_printing.hpp>
#include <iptkit/meta/field_rules.hpp>
#include <iptkit/model/date.hpp>
#include <boost/describe.hpp>
#include <optional>
#include <string>
#include <vector>

namespace iptkit {

/// @brief Randomisation and screening. A screened record that was never randomised has
/// `eligible` (false, or true when the patient declined) and no `randomised_on`.
struct trial_record {
  std::optional<iptkit::date> randomised_on;  ///< date of randomisation
  std::optional<std::string> allocation;      ///< the arm randomised to (the case's `arm` is the arm received)
  std::optional<std::string> site;            ///< randomisation site (the case's `site` where treated)
  std::optional<std::string> stratum;         ///< randomisation stratum label
  std::optional<bool> eligible;               ///< screened: met the inclusion criteria
  std::vector<std::string> exclusion_reasons; ///< why not randomised (trial's own labels; several allowed)
  std::optional<std::string> arm_change_reason;  ///< why the arm received differs from the allocation (free text)
  friend bool operator==(const trial_record&, const trial_record&) = default;
};
BOOST_DESCRIBE_STRUCT(trial_record, (),
                      (randomised_on, allocation, site, stratum, eligible, exclusion_reasons, arm_change_reason))

/// @brief Why a case stopped treatment or follow-up early (CONSORT "discontinued intervention").
enum class discontinuation_reason {
  withdrew_consent,   ///< the patient withdrew consent
  lost_to_follow_up,  ///< could not be reached
  adverse_event,      ///< stopped because of an adverse event
  moved_away,         ///< moved out of the trial's reach
  clinical_decision,  ///< a clinician stopped it (e.g. needed another treatment)
  other               ///< another reason (say which in `notes`)
};
BOOST_DESCRIBE_ENUM(discontinuation_reason, withdrew_consent, lost_to_follow_up, adverse_event, moved_away,
                    clinical_decision, other)
IPTKIT_ENUM_PRINTING(discontinuation_reason)

/// @brief Who decided the discontinuation.
enum class discontinued_by { patient, clinician, investigator };
BOOST_DESCRIBE_ENUM(discontinued_by, patient, clinician, investigator)
IPTKIT_ENUM_PRINTING(discontinued_by)

/// @brief The end of a case's participation before its planned end.
struct discontinuation {
  iptkit::date date{};                  ///< when it was decided
  discontinuation_reason reason{};      ///< why
  std::optional<discontinued_by> by;    ///< who decided
  std::optional<std::string> notes;     ///< free text, removed by de-identification
  friend bool operator==(const discontinuation&, const discontinuation&) = default;
};
BOOST_DESCRIBE_STRUCT(discontinuation, (), (date, reason, by, notes))

/// @brief How likely an adverse event is related to the treatment (`not` in the case format).
enum class relatedness { not_, possibly, probably };
BOOST_DESCRIBE_ENUM(relatedness, not_, possibly, probably)
IPTKIT_ENUM_PRINTING(relatedness)

/// @brief An adverse event during the trial (ICH E2A: serious = fatal, life-threatening,
/// hospitalisation, disability...).
struct adverse_event {
  iptkit::date date{};                ///< onset
  bool serious = false;               ///< a serious adverse event
  std::string description;            ///< free text, replaced by de-identification
  std::optional<relatedness> related; ///< relation to the treatment, as judged
  friend bool operator==(const adverse_event&, const adverse_event&) = default;
};
BOOST_DESCRIBE_STRUCT(adverse_event, (), (date, serious, description, related))

template <>
inline constexpr auto meta::field_rules<adverse_event> = std::tuple{
    meta::field(&adverse_event::description, meta::non_empty{})};

}  // namespace iptkit
