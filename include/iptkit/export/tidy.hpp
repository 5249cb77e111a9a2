#pragma once
/// @file
/// @brief Tidy (long) tables of a cohort, one row per observation with `case_id` and `day` (days
/// since the contract start) on every row (interop-privacy.md "Tidy tables").

#include <iptkit/measures/instrument_registry.hpp>
#include <iptkit/model/case_record.hpp>
#include <boost/describe.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace iptkit {

/// @brief One assessment of a case: when, which instrument, its scored total and band.
struct assessment_row {
  std::size_t case_index = 0;         ///< position of the case in the input
  std::string case_id;                ///< the case's identifier
  std::optional<std::string> arm;     ///< the case's trial arm
  std::string instrument;             ///< instrument id
  int day = 0;                        ///< days since the contract start (negative before it)
  iptkit::date date{};                ///< the assessment date
  std::optional<int> session;         ///< the session it belongs to
  std::optional<int> total;           ///< the scored total (score_total), when scorable
  std::optional<std::string> band;    ///< the total's severity band, when the instrument has bands
  friend bool operator==(const assessment_row&, const assessment_row&) = default;
};
BOOST_DESCRIBE_STRUCT(assessment_row, (),
                      (case_index, case_id, arm, instrument, day, date, session, total, band))

/// @brief Appends the rows of one case's assessments, in document order.
void append_assessment_rows(const case_record& c, std::size_t case_index,
                            const instrument_registry& instruments, std::vector<assessment_row>& out);

}  // namespace iptkit
