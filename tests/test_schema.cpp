// The JSON Schema is generated from the model; the committed copy must not drift, and iptkit must
// reject every document of tests/data/invalid (the Python test checks an independent validator too).
#include <iptkit/json/read.hpp>
#include <iptkit/json/schema.hpp>
#include <iptkit/meta/enum.hpp>

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "test_support.hpp"

namespace {

using iptkit::test::files_in;
using iptkit::test::read_file;

TEST(schema, committed_copy_equals_the_generated_schema) {
  const std::string committed = read_file(iptkit::test::source_dir() / "docs/schema/case.schema.json");
  EXPECT_EQ(committed, iptkit::case_json_schema())
      << "docs/schema/case.schema.json drifted: regenerate it with "
         "`build/<preset>/examples/print_schema > docs/schema/case.schema.json`";
}

TEST(schema, is_draft_2020_12_and_names_every_case_field) {
  auto schema = boost::json::parse(iptkit::case_json_schema());
  EXPECT_EQ(schema.at_pointer("/$schema"), "https://json-schema.org/draft/2020-12/schema");
  const auto& c = schema.at_pointer("/$defs/case_record/properties").as_object();
  for (auto name : {"schema", "case_id", "adaptation", "contract", "sessions", "maintenance", "notes"})
    EXPECT_TRUE(c.contains(name)) << name;
  EXPECT_EQ(schema.at_pointer("/$defs/case_record/properties/schema/const"), "iptkit.case/1");
  EXPECT_EQ(schema.at_pointer("/$defs/relationship/properties/closeness/maximum"), 4);
  EXPECT_EQ(schema.at_pointer("/$defs/focus/oneOf").as_array().size(), 4u);
  EXPECT_EQ(schema.at_pointer("/$defs/relationship_kind/enum/7"), "friend");
}

TEST(schema, adaptation_enum_follows_the_catalog) {
  iptkit::catalog cat;
  iptkit::protocol p;
  p.id = "trial_manual";
  cat.protocols.add(p);
  auto schema = boost::json::parse(iptkit::case_json_schema(cat));
  const auto& ids = schema.at_pointer("/$defs/case_record/properties/adaptation/enum").as_array();
  EXPECT_EQ(ids.size(), 17u);
  EXPECT_EQ(ids.back(), "trial_manual");
}

TEST(schema, iptkit_rejects_every_invalid_document_with_the_kind_its_name_gives) {
  const auto files = files_in("tests/data/invalid", ".json");
  ASSERT_GE(files.size(), 10u);
  for (const auto& path : files) {
    const std::string name = path.stem().string();
    const std::string kind = name.substr(0, name.find('-'));
    auto r = iptkit::read_case(read_file(path));
    ASSERT_FALSE(r) << path;
    bool found = false;
    for (const auto& e : r.errors()) found = found || iptkit::meta::enum_name(e.kind) == kind;
    EXPECT_TRUE(found) << path << ": first error " << iptkit::to_string(r.errors()[0]);
  }
}

TEST(schema, protocols_schema_is_generated_too) {
  auto schema = boost::json::parse(iptkit::protocols_json_schema());
  EXPECT_EQ(schema.at_pointer("/type"), "array");
  EXPECT_TRUE(schema.at_pointer("/$defs/protocol/properties").as_object().contains("termination_min"));
}

}  // namespace
