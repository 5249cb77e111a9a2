// Fuzz target: one input of QuestionnaireResponses (a resource, a Bundle or NDJSON), read as a
// document and as NDJSON, assessments only and attached to two cases (P-1, P-2). The importer
// never throws; every issue names the input and renders; every assessment it makes meets the case
// format and names an instrument of the catalog; every case it returns is well formed and holds
// each attached assessment at the path it reports.
#include <iptkit/import/fhir.hpp>
#include <iptkit/json/check.hpp>
#include <iptkit/json/write.hpp>

#include "fuzz_support.hpp"

#include <algorithm>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace iptkit;
  const std::string text(fuzz::text_of(data, size));
  static const std::vector<case_record> cases = [] {
    std::vector<case_record> out;
    for (const char* id : {"P-1", "P-2"}) {
      case_record c;
      c.case_id = id;
      c.adaptation = "ipt";
      c.contract.planned_sessions = 12;
      c.contract.start_date = *parse_date("2026-01-05");
      out.push_back(std::move(c));
    }
    return out;
  }();
  for (const char* name : {"input.json", "input.ndjson"})
    for (const auto attach : {fhir_attach::assessments_only, fhir_attach::to_cases}) {
      fhir_import_options options;
      options.attach = attach;
      if (attach == fhir_attach::to_cases) options.cases = cases;
      const auto r = import_questionnaire_responses({{name, text}}, options);
      for (const auto* list : {&r.errors, &r.unused})
        for (const auto& e : *list) {
          fuzz::check(e.source == name || (e.source.empty() && attach == fhir_attach::to_cases),
                      "an issue names no input");
          fuzz::check(!to_string(e).empty(), "an issue renders empty");
        }
      fuzz::check(r.assessments.size() <= r.resources_read, "more assessments than resources");
      for (const auto& a : r.assessments) {
        fuzz::check(catalog::builtin().instruments.find(a.value.instrument) != nullptr, "an unknown instrument");
        fuzz::check(static_cast<bool>(read_json<assessment>(to_json(a.value))), "an assessment the case format rejects");
      }
      if (attach == fhir_attach::assessments_only) {
        fuzz::check(r.cases.empty(), "cases without attaching");
        continue;
      }
      fuzz::check(r.cases.size() == cases.size(), "a given case was lost");
      for (const auto& c : r.cases) fuzz::check(check(c).empty(), "a returned case is not well formed");
      for (const auto& a : r.assessments) {
        const auto it = std::find_if(r.cases.begin(), r.cases.end(), [&](const case_record& c) { return c.case_id == a.case_id; });
        fuzz::check(it != r.cases.end(), "an attached assessment without its case");
        constexpr std::string_view prefix = "/assessments/";
        fuzz::check(a.path.starts_with(prefix) && a.path.size() > prefix.size(), "an attached assessment without a path");
        const auto k = static_cast<std::size_t>(std::stoul(a.path.substr(prefix.size())));
        fuzz::check(k < it->assessments.size() && it->assessments[k] == a.value, "an assessment not at its path");
      }
    }
  return 0;
}
