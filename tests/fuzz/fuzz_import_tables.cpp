// Fuzz target: the four tidy tables (cases, sessions, assessments, relationships), separated by a
// form feed. The importer never throws; every error names one of the tables (or none, for the
// missing cases table); every case it makes is well formed, and goes out through the complete
// tables and back in unchanged. The columnar path (import_cohort_columns) agrees with the cases:
// from the rows of their tables it makes the columns cohort_columns::append() makes of them, or
// refuses them (sessions out of date order, totals beyond a scale).
#include <iptkit/export/tidy.hpp>
#include <iptkit/import/tables.hpp>
#include <iptkit/json/check.hpp>
#include <iptkit/outcomes/cohort_columns.hpp>


#include "../table_columns_support.hpp"
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
    if (keep) continue;
    const auto o = test::columns_of(r.cases, t);
    const auto made = import_cohort_columns(o.view());
    if (!made.ok()) {
      for (const auto& e : made.errors)
        fuzz::check(e.message.find("date order") != std::string::npos || e.field == "total" ||
                        e.kind == import_error_kind::unknown_code,
                    "the columnar path refuses tables the importer took, for another reason");
      continue;
    }
    const auto want = to_columns(r.cases);
    const auto& got = made.columns;
    fuzz::check(got.case_id == want.case_id && got.instruments == want.instruments && got.offset == want.offset &&
                    got.instrument == want.instrument && got.day == want.day && got.total == want.total &&
                    got.first_attended_day == want.first_attended_day && got.last_acute_day == want.last_acute_day &&
                    got.attended == want.attended && got.completer == want.completer &&
                    got.relapse_instrument == want.relapse_instrument,
                "the columnar path and the cases disagree");
  }
  return 0;
}
