#pragma once
/// @file
/// @brief The CONSORT 2010 flow of a trial computed from its case records: every box a count with
/// the case ids behind it, per arm (Schulz, Altman and Moher 2010, BMJ 340:c332, figure 1).

#include <iptkit/model/case_record.hpp>
#include <iptkit/trials/analysis_set.hpp>
#include <boost/describe.hpp>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace iptkit {

/// @brief One box of the diagram: how many, and who (case ids in input order).
struct consort_box {
  std::size_t n = 0;                  ///< patients in the box
  std::vector<std::string> case_ids;  ///< their case ids, in input order
  friend bool operator==(const consort_box&, const consort_box&) = default;
};
BOOST_DESCRIBE_STRUCT(consort_box, (), (n, case_ids))

/// @brief The patients who gave one reason. A patient may give several reasons, so these counts
/// can add up to more than the box they explain.
struct consort_reason {
  std::string reason;    ///< the reason as recorded (an exclusion label, or a discontinuation reason)
  consort_box patients;  ///< who gave it
  friend bool operator==(const consort_reason&, const consort_reason&) = default;
};
BOOST_DESCRIBE_STRUCT(consort_reason, (), (reason, patients))

/// @brief The allocation, follow-up and analysis boxes of one arm (by `trial.allocation`).
struct consort_arm {
  std::string arm;                                  ///< the allocated arm
  consort_box allocated;                            ///< randomised to this arm
  consort_box received_allocated;                   ///< at least one attended session, in the allocated arm
  consort_box did_not_receive;                      ///< allocated, but no attended session of that arm
  consort_box lost_to_follow_up;                    ///< discontinued as `lost_to_follow_up`
  consort_box discontinued;                         ///< discontinued for another reason
  std::vector<consort_reason> discontinued_reasons; ///< discontinued (lost to follow-up included), by reason
  consort_box analysed;                             ///< in the analysis set (intention to treat: every allocated case)
  consort_box excluded_from_analysis;               ///< allocated but not in the analysis set
  std::vector<consort_reason> excluded_reasons;     ///< why, per reason (select_analysis_set()'s reasons)
  friend bool operator==(const consort_arm&, const consort_arm&) = default;
};
BOOST_DESCRIBE_STRUCT(consort_arm, (),
                      (arm, allocated, received_allocated, did_not_receive, lost_to_follow_up, discontinued,
                       discontinued_reasons, analysed, excluded_from_analysis, excluded_reasons))

/// @brief The whole flow: enrolment, then one consort_arm per allocated arm (in order of first
/// appearance), and notes on records the diagram could not place as they are.
struct consort_flow {
  std::string analysis_set = "itt";                  ///< the set `analysed` counts
  consort_box assessed;                              ///< screened: records with `trial.eligible`
  consort_box excluded;                              ///< assessed and not randomised
  consort_box not_eligible;                          ///< of those: `eligible` false
  consort_box declined;                              ///< of those: `eligible` true (eligible, not randomised)
  std::vector<consort_reason> exclusion_reasons;     ///< patients per exclusion reason
  std::size_t exclusion_reasons_given = 0;           ///< reasons in all (a patient may give several)
  consort_box randomised;                            ///< `trial.randomised_on` present
  std::vector<consort_arm> arms;                     ///< per allocated arm
  std::vector<std::string> notes;                    ///< what the counts leave out or assume, one sentence each
  friend bool operator==(const consort_flow&, const consort_flow&) = default;
};
BOOST_DESCRIBE_STRUCT(consort_flow, (),
                      (analysis_set, assessed, excluded, not_eligible, declined, exclusion_reasons,
                       exclusion_reasons_given, randomised, arms, notes))

/// @brief The CONSORT flow of `cases` (docs/trials.md). Analysed is intention to treat: every
/// randomised case in its allocated arm. Never guesses silently: a randomised record without an
/// allocation goes to the arm "(none)", and every such assumption is one line of `notes`.
consort_flow consort(std::span<const case_record> cases);
/// @copydoc consort(std::span<const case_record>)
consort_flow consort(std::span<const case_record* const> cases);

/// @brief The CONSORT flow with `analysed` and `excluded from analysis` (with reasons) from an
/// analysis set of the same cases (select_analysis_set(): itt or per_protocol).
/// @throws std::invalid_argument for the completers set (it depends on the instrument: a case is
/// a completer of one measure and not of another) or a population of other cases.
consort_flow consort(std::span<const case_record> cases, const analysis_population& population);
/// @copydoc consort(std::span<const case_record>, const analysis_population&)
consort_flow consort(std::span<const case_record* const> cases, const analysis_population& population);

}  // namespace iptkit
