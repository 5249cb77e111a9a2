// Fuzz target: whatever decodes as a case (lax) goes through every consumer of a case: validation
// with every rule, outcomes, cohort statistics and
// course progress.
#include <iptkit/json/read.hpp>
#include <iptkit/outcomes/outcomes.hpp>
#include <iptkit/outcomes/statistics.hpp>
#include <iptkit/planning/progress.hpp>
#include <iptkit/rules/validate.hpp>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace iptkit;
  read_options options;
  options.lax = true;
  const auto r = read_case(fuzz::text_of(data, size), options);
  if (!r) return 0;
  const auto& c = *r;
  for (const auto& f : validate(c)) fuzz::check(!f.code.empty(), "a finding without a rule code");
  const auto rows = outcomes(c);
  const std::span<const case_record> one(&c, 1);
  for (const auto& row : rows) fuzz::check(row.case_index == 0, "an outcome row of another case");
  for (const auto by : {group_by::none, group_by::arm, group_by::adaptation, group_by::site})
    summarize(rows, group_labels(one, by), by);
  // A case that reads is well formed: progress() can refuse only an instrument the catalog lacks.
  const auto progress_ok = [&](date as_of) {
    const auto p = progress(c, as_of);
    for (const auto& e : p.errors())
      fuzz::check(e.kind == error_kind::bad_enum && e.path.starts_with("/assessments/") &&
                      e.path.ends_with("/instrument"),
                  "progress() refuses a case that reads for another reason than an unknown instrument");
  };
  progress_ok(c.contract.start_date);
  if (!c.sessions.empty()) progress_ok(c.sessions.back().date);
  return 0;
}
