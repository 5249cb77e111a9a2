// Fuzz target: one case document through read_case, strict and lax. The one-pass reader and the
// DOM reader must agree, and a case that reads must survive write_case and a second read unchanged.
#include <iptkit/json/read.hpp>
#include <iptkit/json/write.hpp>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace iptkit;
  const auto text = fuzz::text_of(data, size);
  for (const bool lax : {false, true}) {
    read_options options;
    options.lax = lax;
    const auto r = fuzz::read_checked<case_record>(text, options);
    if (!r) continue;
    for (const auto style : {json_style::compact, json_style::pretty}) {
      const auto again = read_case(write_case(*r, {style}));
      fuzz::check(again && *again == *r, "a case read does not survive write_case and read_case");
    }
  }
  return 0;
}
