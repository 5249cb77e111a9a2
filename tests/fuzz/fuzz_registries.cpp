// Fuzz target: the protocol and instrument loaders. The input is read as a list of protocols and
// as a list of instruments (strict and lax, the one-pass and DOM readers agreeing); whatever reads
// is registered over the built-ins and put to work: planning from each protocol, and validation,
// outcomes, statistics and progress of a few synthetic cases under a catalog of the loaded registries.
#include <iptkit/catalog.hpp>
#include <iptkit/json/read.hpp>
#include <iptkit/measures/instrument_registry.hpp>
#include <iptkit/model/protocol_registry.hpp>
#include <iptkit/outcomes/outcomes.hpp>
#include <iptkit/outcomes/statistics.hpp>
#include <iptkit/planning/plan.hpp>
#include <iptkit/planning/progress.hpp>
#include <iptkit/rules/validate.hpp>
#include <iptkit/synth/generator.hpp>

#include "fuzz_support.hpp"

namespace {

using namespace iptkit;

// A few synthetic cases (made once: they are the same for every input).
const std::vector<case_record>& sample_cases() {
  static const std::vector<case_record> cases = [] {
    synth_options o;
    o.seed = 9;
    o.cases = 4;
    return synthesize(o);
  }();
  return cases;
}

void use(const catalog& cat) {
  const auto& cases = sample_cases();
  const auto found = validate_cohort(cases, {}, cat);
  fuzz::check(found.size() == cases.size(), "validate_cohort loses a case");
  const auto rows = outcomes(cases, {}, cat);
  summarize(rows, group_labels(cases, group_by::arm), group_by::arm);
  for (const auto& c : cases) (void)progress(c, c.contract.start_date, cat);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = fuzz::text_of(data, size);
  for (const bool lax : {false, true}) {
    read_options options;
    options.lax = lax;
    const auto protocols = fuzz::read_checked<std::vector<protocol>>(text, options);
    const auto instruments = fuzz::read_checked<std::vector<instrument>>(text, options);
    if (!lax) continue;  // lax reads all that strict reads (less the unknown fields)
    if (protocols) {
      catalog cat;
      // A registry takes only consistent entries; what it refuses is never used.
      if (cat.protocols.try_add_all(*protocols).empty()) {
        const date start{std::chrono::year{2026}, std::chrono::January, std::chrono::day{5}};
        for (const auto& p : *protocols) (void)plan(p, start);
        use(cat);
      }
    }
    if (instruments) {
      catalog cat;
      if (cat.instruments.try_add_all(*instruments).empty()) use(cat);
    }
  }
  return 0;
}
