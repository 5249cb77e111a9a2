#pragma once
// Internal to the synthetic generator: the randomised-trial record of a case (synth_trial).
// Every draw comes from the case's `purpose::trial` stream (or, for what a therapist or group
// shares, from a stream keyed by its id), so a cohort without trial options is unchanged and one
// with them differs only where the trial record reaches.

#include "cohort_generator.hpp"

#include <iptkit/model/case_record.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace iptkit::synth::detail {

/// What is drawn before the symptom course: whether the record is a screening failure, and who
/// treats the case (the therapist's effect shifts the course).
struct trial_start {
  bool screen_failure = false;
  std::string therapist;
  std::int64_t therapist_shift = 0;  // 16.16, added to the proportional improvement
};

/// Draws the start for case `index` of `c` (profile chosen: site, contract, start date);
/// sets `c.group_id` and `c.therapist_id`.
trial_start start_trial(const generator& g, std::size_t index, case_record& c);

/// Turns a profile into a record screened and never randomised: no arm, no sessions, `trial`
/// with `eligible` and the exclusion reasons.
void make_screen_failure(const generator& g, std::size_t index, case_record& c);

/// What the builder knows at the end that the trial record needs.
struct trial_facts {
  bool dropout = false;
  int intake_total = 0;  // PHQ-9 at intake, for the stratum
  std::vector<std::string> other_arms;
};

/// Adds randomisation, crossover, sessions by colleagues, discontinuation and adverse events.
void finish_trial(const generator& g, std::size_t index, case_record& c, const trial_start& start,
                  const trial_facts& facts);

/// The dates of the follow-up visits kept after `last_acute` (missed ones left out).
std::vector<date> follow_up_visits(const generator& g, std::size_t index, date last_acute);

}  // namespace iptkit::synth::detail
