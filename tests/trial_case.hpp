#pragma once
// A case with every field of the trial record filled, for the tests of reading, tables and
// de-identification.
#include "test_support.hpp"

#include <iptkit/json/read.hpp>
#include <iptkit/model/case_record.hpp>

namespace iptkit::test {

// The base case with every field of the trial record filled.
inline case_record trial_case() {
  case_record c = read_case(read_file(source_dir() / "tests/data/base-case.json")).value();
  c.trial = trial_record{parse_date("2026-01-02").value(), "ipt", "leeds", "severe", true, {}};
  c.therapist_id = "th-07";
  c.group_id = "grp.3";
  c.sessions.at(1).therapist_id = "th-09";  // a session taken by a colleague
  c.discontinuation = discontinuation{parse_date("2026-03-01").value(), discontinuation_reason::moved_away,
                                      discontinued_by::patient, "moved to another city"};
  c.adverse_events.push_back({parse_date("2026-02-10").value(), false, "headache", relatedness::not_});
  c.adverse_events.push_back({parse_date("2026-02-20").value(), true, "admitted after a fall", std::nullopt});
  return c;
}

}  // namespace iptkit::test
