// The trial record in the case document: every field reads, writes back byte for byte and checks
// its constraints; documents without it are unchanged.
#include "test_support.hpp"
#include "trial_case.hpp"

#include <iptkit/json/read.hpp>
#include <iptkit/json/write.hpp>
#include <iptkit/model/case_record.hpp>

#include <gtest/gtest.h>

#include <string>


namespace {

using namespace iptkit;

TEST(trial, every_field_reads_and_writes_back_byte_for_byte) {
  const auto c = test::trial_case();
  const std::string text = write_case(c);
  const auto back = read_case(text);
  ASSERT_TRUE(back.has_value()) << to_string(back.errors().front());
  EXPECT_EQ(back.value(), c);
  EXPECT_EQ(write_case(back.value()), text);
  // Spelled as the case format spells them: `not` (the C++ name is not_), in declaration order.
  EXPECT_NE(text.find("\"related\": \"not\""), std::string::npos) << text;
  EXPECT_LT(text.find("\"trial\""), text.find("\"therapist_id\""));
  EXPECT_LT(text.find("\"risk_reviews\"") == std::string::npos ? 0 : text.find("\"risk_reviews\""),
            text.find("\"discontinuation\""));
}

TEST(trial, a_document_without_it_is_unchanged) {
  const std::string text = test::read_file(test::source_dir() / "tests/data/base-case.json");
  const auto c = read_case(text).value();
  EXPECT_FALSE(c.trial || c.therapist_id || c.group_id || c.discontinuation);
  EXPECT_TRUE(c.adverse_events.empty());
  EXPECT_EQ(write_case(c), text);
}

TEST(trial, ids_and_required_fields_are_checked_with_their_paths) {
  auto c = test::trial_case();
  c.therapist_id = "Dr Smith";  // a name with a space is not a code
  c.sessions.at(1).therapist_id = "";
  c.adverse_events.at(0).description.clear();
  const std::string text = write_case(c, {json_style::pretty, /*unchecked=*/true});
  const auto r = read_case(text);
  ASSERT_FALSE(r.has_value());
  std::vector<std::string> paths;
  for (const auto& e : r.errors()) paths.push_back(e.path);
  EXPECT_NE(std::find(paths.begin(), paths.end(), "/therapist_id"), paths.end());
  EXPECT_NE(std::find(paths.begin(), paths.end(), "/sessions/1/therapist_id"), paths.end());
  EXPECT_NE(std::find(paths.begin(), paths.end(), "/adverse_events/0/description"), paths.end());
}

TEST(trial, an_unknown_reason_names_the_allowed_ones) {
  std::string text = write_case(test::trial_case());
  text.replace(text.find("\"moved_away\""), 12, "\"moved\"");
  const auto r = read_case(text);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.errors().front().path, "/discontinuation/reason");
  EXPECT_NE(r.errors().front().message.find("withdrew_consent"), std::string::npos) << r.errors().front().message;
}

}  // namespace
