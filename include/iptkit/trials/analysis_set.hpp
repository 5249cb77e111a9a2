#pragma once
/// @file
/// @brief Analysis sets of a trial: who is analysed, and in which arm (ICH E9 1998, section 5.2;
/// ICH E9(R1) 2019). Cohort statistics take one and state it (docs/trials.md "Analysis sets").

#include <iptkit/meta/enum_printing.hpp>
#include <iptkit/model/case_record.hpp>
#include <iptkit/rules/finding.hpp>
#include <boost/describe.hpp>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace iptkit {

/// @brief Which cases an analysis takes.
enum class analysis_set : std::uint8_t {
  completers,   ///< every case, outcomes where baseline and endpoint were both observed
  itt,          ///< intention to treat: every randomised case, in the arm it was allocated to
  per_protocol  ///< randomised, received the allocated arm, finished treatment, measured, no major deviation
};
BOOST_DESCRIBE_ENUM(analysis_set, completers, itt, per_protocol)
IPTKIT_ENUM_PRINTING(analysis_set)

/// @brief What an intention-to-treat analysis does with a binary outcome (response, remission)
/// whose endpoint is missing. The endpoint is the last observation within the acute course
/// (docs/outcomes.md), so a case that stopped early has one unless it was never measured after
/// its baseline; `discontinued_non_response` also counts every discontinued case as a failure.
enum class missing_outcome : std::uint8_t {
  non_response,              ///< counted as not responding / not remitting (the default: conservative)
  left_out,                  ///< left out of the denominator
  discontinued_non_response  ///< as non_response, and a discontinued case fails whatever its last measure
};
BOOST_DESCRIBE_ENUM(missing_outcome, non_response, left_out, discontinued_non_response)
IPTKIT_ENUM_PRINTING(missing_outcome)

/// @brief The cases of an analysis set: per case whether it is in, the arm it is analysed in, and
/// why it is out.
struct analysis_population {
  iptkit::analysis_set set = analysis_set::completers;  ///< the set
  std::vector<std::uint8_t> member;                     ///< per case: 1 in the set
  std::vector<std::string> arm;                         ///< per case: `trial.allocation` (itt, per_protocol) or `arm`; "(none)" when absent
  std::vector<std::string> excluded_because;            ///< per case: empty when in, else why not
  std::vector<std::uint8_t> discontinued;               ///< per case: 1 with a `discontinuation` record
  std::size_t size = 0;                                 ///< cases in the set
  friend bool operator==(const analysis_population&, const analysis_population&) = default;
};
BOOST_DESCRIBE_STRUCT(analysis_population, (), (set, member, arm, excluded_because, discontinued, size))

/// @brief What is wrong with a request for `set` (empty when it can be made): an intention-to-treat
/// or per-protocol set of cases none of which was randomised (the set would be silently empty),
/// or per-protocol without one `major_deviation` entry per case.
std::vector<std::string> analysis_set_errors(std::span<const case_record> cases, analysis_set set,
                                             std::span<const std::uint8_t> major_deviation = {});
/// @copydoc analysis_set_errors(std::span<const case_record>, analysis_set, std::span<const std::uint8_t>)
std::vector<std::string> analysis_set_errors(std::span<const case_record* const> cases, analysis_set set,
                                             std::span<const std::uint8_t> major_deviation = {});

/// @brief The cases of `set`. `completers` takes every case but records screened and never
/// randomised (`trial` without `randomised_on`); the statistics then use the rows with baseline
/// and endpoint. `itt` takes every randomised case in its allocated arm. `per_protocol` takes the
/// randomised cases that received their allocated arm (`arm` equals `trial.allocation`, with an
/// attended session), finished treatment (an attended termination-phase session), were not
/// discontinued, have measures (ICH E9: "availability of the measurements") and no major protocol
/// deviation: `major_deviation[i]` is 1 when case i has
/// an error-severity finding (major_deviations()).
/// @throws std::invalid_argument when analysis_set_errors() is not empty.
analysis_population select_analysis_set(std::span<const case_record> cases, analysis_set set,
                                        std::span<const std::uint8_t> major_deviation = {});
/// @copydoc select_analysis_set(std::span<const case_record>, analysis_set, std::span<const std::uint8_t>)
analysis_population select_analysis_set(std::span<const case_record* const> cases, analysis_set set,
                                        std::span<const std::uint8_t> major_deviation = {});

/// @brief Per case, 1 when it has an error-severity finding: the major protocol deviations of
/// per_protocol, from validate_cohort()'s findings.
std::vector<std::uint8_t> major_deviations(std::span<const std::vector<finding>> findings);

}  // namespace iptkit
