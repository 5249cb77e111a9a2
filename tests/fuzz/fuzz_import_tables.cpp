// Fuzz target: the four tidy tables (cases, sessions, assessments, relationships), separated by a
// form feed. The importer never throws; every error names one of the tables (or none, for the
// missing cases table); every case it makes is well formed, and goes out through the complete
// tables and back in unchanged.
#include <iptkit/export/tidy.hpp>
#include <iptkit/import/tables.hpp>
#include <iptkit/json/check.hpp>

#include "fuzz_support.hpp"


extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace iptkit;
  const auto parts = fuzz::parts_of<4>(fuzz::text_of(data, size));
  const tidy_csv_input in{{"cases.csv", parts[0]},
                          {parts[1].empty() ? "" : "sessions.csv", parts[1]},
                          {parts[2].empty() ? "" : "assessments.csv", parts[2]},
                          {parts[3].empty() ? "" : "relationships.csv", parts[3]}};
  for (const bool keep : {false, true}) {
    const auto r = import_tables(in, {.keep_unknown_columns = keep});
    for (const auto& e : r.errors) {
      fuzz::check(e.source.empty() || e.source.ends_with(".csv"), "an import error names no table");
      fuzz::check(!to_string(e).empty(), "an import error renders empty");
    }
    fuzz::check(r.ok() || r.cases.size() < r.rows_read + 1, "cases without rows");
    for (const auto& c : r.cases) fuzz::check(check(c).empty(), "an imported case is not well formed");
    if (r.cases.empty()) continue;
    const auto t = make_tidy_tables(r.cases, {.complete = true});
    const auto again = import_tables({{"cases.csv", tidy_csv(t, "cases")},
                                      {"sessions.csv", tidy_csv(t, "sessions")},
                                      {"assessments.csv", tidy_csv(t, "assessments")},
                                      {"relationships.csv", tidy_csv(t, "relationships")}});
    fuzz::check(again.ok() && again.cases == r.cases, "imported cases do not survive the complete tables");
  }
  return 0;
}
