// Hostile input through the C++ importers: the importers' bad-input corpus (tests/data/bad-import,
// README.md there). Every entry gives exactly the expected errors, in order, and the expected number
// of cases (FHIR: of assessments), with short messages; with redact the same errors.
#include <iptkit/import/fhir.hpp>
#include <iptkit/import/redcap.hpp>
#include <iptkit/import/tables.hpp>
#include <iptkit/json/cohort.hpp>
#include <iptkit/meta/enum.hpp>

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "test_support.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace {

using namespace iptkit;
namespace fs = std::filesystem;

const fs::path corpus_dir = test::source_dir() / "tests/data/bad-import";

// The fields of an error that are compared, in this order (README.md, "Format").
const std::vector<std::string> compared = {"kind",    "read_kind", "source", "line",  "row",     "field",
                                           "path",    "case_id",   "record", "event", "instance"};

// An error as one line of `key=value` pairs in the order above, absent and empty fields left out:
// the same text from an import_issue and from an entry of expected.json.
struct located {
  std::string text;
  friend bool operator==(const located&, const located&) = default;
};

std::ostream& operator<<(std::ostream& os, const located& e) { return os << "{" << e.text << "}"; }

located located_of(const std::vector<std::pair<std::string, std::string>>& fields) {
  located out;
  for (const auto& key : compared)
    for (const auto& [k, v] : fields)
      if (k == key && !v.empty()) out.text += (out.text.empty() ? "" : ", ") + k + "=" + v;
  return out;
}

located found_error(const import_issue& e) {
  const auto number = [](const std::optional<std::size_t>& n) { return n ? std::to_string(*n) : std::string(); };
  return located_of({{"kind", std::string(meta::enum_name(e.kind))},
                     {"read_kind", e.read_kind ? std::string(meta::enum_name(*e.read_kind)) : std::string()},
                     {"source", fs::path(e.source).filename().string()},
                     {"line", number(e.line)},
                     {"row", number(e.row)},
                     {"field", e.field},
                     {"path", e.path},
                     {"case_id", e.case_id},
                     {"record", e.record},
                     {"event", e.event},
                     {"instance", number(e.instance)}});
}

struct expectation {
  std::size_t cases = 0;  // tables and REDCap: the cases imported ("cases"); FHIR: the assessments ("imported")
  std::vector<located> errors;
};

bool is_fhir(const fs::path& dir) { return dir.parent_path().filename() == "fhir"; }

expectation expected_of(const fs::path& dir) {
  const auto doc = boost::json::parse(test::read_file(dir / "expected.json"));  // kept: we range over its members
  const auto& root = doc.as_object();
  expectation out;
  out.cases = static_cast<std::size_t>(root.at(is_fhir(dir) ? "imported" : "cases").to_number<std::int64_t>());
  for (const auto& v : root.at("errors").as_array()) {
    std::vector<std::pair<std::string, std::string>> fields;
    for (const auto& [key, value] : v.as_object()) {
      EXPECT_NE(std::find(compared.begin(), compared.end(), std::string(key)), compared.end())
          << dir << ": unknown key " << key;
      fields.emplace_back(std::string(key), value.is_string() ? std::string(value.get_string())
                                                                : boost::json::serialize(value));
    }
    out.errors.push_back(located_of(fields));
  }
  return out;
}

// The corpus entries: "tables/NAME", "redcap/NAME" and "fhir/NAME", sorted.
std::vector<std::string> entries() {
  std::vector<std::string> out;
  for (const char* importer : {"tables", "redcap", "fhir"}) {
    if (!fs::is_directory(corpus_dir / importer)) continue;
    for (const auto& e : fs::directory_iterator(corpus_dir / importer))
      if (e.is_directory()) out.push_back(std::string(importer) + "/" + e.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// An input file of an entry under its own name, or a source that was not given.
csv_source source(const fs::path& dir, const std::string& name) {
  if (!fs::exists(dir / name)) return {};
  return {name, test::read_file(dir / name)};
}

// What an import gave, whichever importer: its errors and unused parts, and the number of cases
// imported (FHIR: of assessments).
struct outcome {
  std::vector<import_issue> errors;
  std::vector<import_issue> unused;
  std::size_t imported = 0;
  bool ok = false;
};

outcome outcome_of(const import_result& r) { return {r.errors, r.unused, r.cases.size(), r.ok()}; }

// The one input file of a FHIR entry (README.md, "Format").
const char* const fhir_inputs[] = {"responses.json", "responses.ndjson", "bundle.json"};

// A FHIR entry: its input, attached to the cases of cases.jsonl when the entry has one.
outcome run_fhir(const fs::path& dir, bool redact) {
  std::vector<csv_source> inputs;
  for (const char* name : fhir_inputs)
    if (fs::exists(dir / name)) inputs.push_back(source(dir, name));
  fhir_import_options options;
  options.read.redact = redact;
  if (fs::exists(dir / "cases.jsonl")) {
    options.attach = fhir_attach::to_cases;
    for (auto& e : read_cohort("cases.jsonl", test::read_file(dir / "cases.jsonl"))) {
      if (e.value) options.cases.push_back(std::move(e.value).value());
      else ADD_FAILURE() << dir << ": cases.jsonl line " << e.line << " does not read";
    }
  }
  const auto r = import_questionnaire_responses(inputs, options);
  return {r.errors, r.unused, r.assessments.size(), r.ok()};
}

outcome run(const std::string& entry, bool redact) {
  const fs::path dir = corpus_dir / entry;
  if (entry.starts_with("fhir/")) return run_fhir(dir, redact);
  if (entry.starts_with("tables/")) {
    const tidy_csv_input in{source(dir, "cases.csv"), source(dir, "sessions.csv"), source(dir, "assessments.csv"),
                            source(dir, "relationships.csv")};
    import_options options;
    options.read.redact = redact;
    return outcome_of(import_tables(in, options));
  }
  redcap_input in;
  in.dictionary = source(dir, "dictionary.csv");
  in.records = source(dir, fs::exists(dir / "records.json") ? "records.json" : "records.csv");
  in.mapping = source(dir, "mapping.json");
  redcap_options options;
  options.read.redact = redact;
  return outcome_of(import_redcap(in, options));
}

class bad_import : public ::testing::TestWithParam<std::string> {};

TEST_P(bad_import, gives_the_expected_errors_and_short_messages) {
  const auto expected = expected_of(corpus_dir / GetParam());
  for (const bool redact : {false, true}) {
    const auto result = run(GetParam(), redact);
    std::vector<located> got;
    for (const auto& e : result.errors) got.push_back(found_error(e));
    EXPECT_EQ(got, expected.errors) << GetParam() << (redact ? " (redacted)" : "");
    EXPECT_EQ(result.imported, expected.cases) << GetParam() << (redact ? " (redacted)" : "");
    EXPECT_EQ(result.ok, expected.errors.empty()) << GetParam();
    for (const auto* list : {&result.errors, &result.unused})
      for (const auto& e : *list) {
        EXPECT_FALSE(e.message.empty()) << GetParam();
        EXPECT_LT(e.message.size(), 1024u) << GetParam() << ": " << e.message.substr(0, 1024);
      }
  }
}

INSTANTIATE_TEST_SUITE_P(corpus, bad_import, ::testing::ValuesIn(entries()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& ch : name)
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return name;
                         });

TEST(bad_import_corpus, is_large_enough_and_every_entry_is_complete) {
  std::size_t tables = 0, redcap = 0, accepted = 0, fhir = 0, fhir_accepted = 0;
  for (const auto& entry : entries()) {
    const fs::path dir = corpus_dir / entry;
    EXPECT_TRUE(fs::exists(dir / "expected.json")) << entry;
    if (entry.starts_with("fhir/")) {
      ++fhir;
      const auto inputs = std::count_if(std::begin(fhir_inputs), std::end(fhir_inputs),
                                        [&](const char* name) { return fs::exists(dir / name); });
      EXPECT_EQ(inputs, 1) << entry << ": one input file";
      if (fs::exists(dir / "expected.json") && expected_of(dir).errors.empty()) ++fhir_accepted;
      continue;
    }
    if (entry.starts_with("tables/")) {
      ++tables;
      EXPECT_TRUE(fs::exists(dir / "cases.csv")) << entry;
    } else {
      ++redcap;
      for (const char* file : {"dictionary.csv", "mapping.json"})
        EXPECT_TRUE(fs::exists(dir / file)) << entry << ": " << file;
      EXPECT_NE(fs::exists(dir / "records.csv"), fs::exists(dir / "records.json")) << entry << ": one records file";
    }
    if (fs::exists(dir / "expected.json") && expected_of(dir).errors.empty()) ++accepted;
  }
  EXPECT_GE(tables, 8u);
  EXPECT_GE(redcap, 8u);
  EXPECT_GE(accepted, 3u);  // the spreadsheet exports that must be accepted
  EXPECT_GE(fhir, 10u);
  EXPECT_GE(fhir_accepted, 3u);  // an in-progress response, an LHC-Forms response, a Bundle with a Patient
}

}  // namespace
