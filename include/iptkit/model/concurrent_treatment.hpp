#pragma once
/// @file
/// @brief Treatment given alongside IPT (medication or another psychotherapy).

#include <iptkit/meta/enum_printing.hpp>
#include <iptkit/model/date.hpp>
#include <boost/describe.hpp>
#include <optional>
#include <string>

namespace iptkit {

/// @brief What kind of concurrent treatment.
enum class treatment_kind { antidepressant, other_medication, other_psychotherapy };
BOOST_DESCRIBE_ENUM(treatment_kind, antidepressant, other_medication, other_psychotherapy)
IPTKIT_ENUM_PRINTING(treatment_kind)

/// @brief A concurrent treatment with its dates ("IPT is often combined with medication" [seed]).
struct concurrent_treatment {
  treatment_kind kind{};                 ///< antidepressant, other medication, other psychotherapy
  std::optional<std::string> name;       ///< free text, removed by de-identification
  date start_date{};                     ///< when it started
  std::optional<date> end_date;          ///< when it stopped, if it did
  friend bool operator==(const concurrent_treatment&, const concurrent_treatment&) = default;
};
BOOST_DESCRIBE_STRUCT(concurrent_treatment, (), (kind, name, start_date, end_date))

}  // namespace iptkit
