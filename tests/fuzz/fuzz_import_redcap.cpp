// Fuzz target: a REDCap import of three parts separated by a form feed: the data dictionary, the
// records (CSV or flat JSON) and the mapping. The importer never throws; every issue renders and
// names one of the three inputs; every case it makes is well formed; a mapping error stops the
// import before any record is read.
#include <iptkit/import/redcap.hpp>
#include <iptkit/json/check.hpp>

#include "fuzz_support.hpp"

#include <algorithm>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace iptkit;
  const auto parts = fuzz::parts_of<3>(fuzz::text_of(data, size));
  const redcap_input in{{"dictionary.csv", parts[0]}, {"records.csv", parts[1]}, {"mapping.json", parts[2]}};
  const auto r = import_redcap(in);
  for (const auto* list : {&r.errors, &r.unused})
    for (const auto& e : *list) {
      fuzz::check(e.source == "dictionary.csv" || e.source == "records.csv" || e.source == "mapping.json",
                  "an import issue names no input");
      fuzz::check(!to_string(e).empty(), "an import issue renders empty");
    }
  const bool mapping_error = std::any_of(r.errors.begin(), r.errors.end(),
                                         [](const import_issue& e) { return e.kind == import_error_kind::mapping; });
  fuzz::check(!mapping_error || (r.cases.empty() && r.rows_read == 0), "records read despite a mapping error");
  fuzz::check(r.cases.size() <= r.rows_read, "more cases than rows");
  for (const auto& c : r.cases) fuzz::check(check(c).empty(), "an imported case is not well formed");
  return 0;
}
