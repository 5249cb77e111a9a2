// Fuzz target: a cohort text in every layout (JSON Lines, a JSON array, shape by content). Every
// non-blank line is one entry; a case read from a line or an array element is the case that
// read_case reads from that text alone.
#include <iptkit/json/cohort.hpp>
#include <iptkit/json/read.hpp>

#include <boost/json.hpp>

#include <sstream>

#include "fuzz_support.hpp"

namespace {

using namespace iptkit;

// The non-blank lines of `text` as jsonl_reader sees them (a trailing `\r` dropped).
std::vector<std::string> case_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::istringstream in{std::string(text)};
  for (std::string l; std::getline(in, l);) {
    if (!l.empty() && l.back() == '\r') l.pop_back();
    if (l.find_first_not_of(" \t") != std::string::npos) lines.push_back(l);
  }
  return lines;
}

void check_lines(std::string_view text) {
  const auto entries = read_case_lines(text);
  const auto lines = case_lines(text);
  fuzz::check(entries.size() == lines.size(), "read_case_lines skips or invents a line");
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& e = entries[i];
    fuzz::check(e.index == i && e.line >= 1 && (i == 0 || e.line > entries[i - 1].line),
                "JSON Lines entries are out of order");
    const auto alone = read_case(lines[i]);
    fuzz::check(e.value.has_value() == alone.has_value(), "a line reads differently in a cohort");
    if (alone) fuzz::check(*e.value == *alone, "a line reads another value in a cohort");
    for (const auto& err : e.value.errors()) fuzz::check(err.line == e.line, "an error lost its line");
  }
}

void check_array(std::string_view text) {
  const auto array = read_case_array(text);
  if (!array) return;
  // Only a JSON array reads as one; each element read on its own gives the same case.
  boost::json::error_code ec;
  const auto dom = boost::json::parse(text, ec);
  if (ec || !dom.is_array()) return;  // Boost's own limits (depth) may refuse what iptkit reads
  fuzz::check(array->size() == dom.get_array().size(), "read_case_array loses or invents cases");
  for (std::size_t i = 0; i < array->size(); ++i) {
    const auto& e = (*array)[i];
    fuzz::check(e.index == i && e.line == 0, "array entries are out of order");
    if (!e.value) continue;  // duplicate keys, lost in the DOM, fail here but not alone
    const auto alone = read_case(boost::json::serialize(dom.get_array()[i]));
    fuzz::check(alone && *alone == *e.value, "an array element reads another value alone");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = fuzz::text_of(data, size);
  check_lines(text);
  check_array(text);
  for (const std::string_view name : {"cohort", "cohort.json", "cohort.jsonl"}) {
    const auto shape = detect_cohort_shape(name, text);
    const auto entries = read_cohort(name, text);
    if (shape != cohort_shape::lines) fuzz::check(!entries.empty(), "a document or array read as nothing");
  }
  return 0;
}
