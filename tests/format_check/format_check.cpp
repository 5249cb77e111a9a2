// std::formatter of print.hpp, compiled where the standard library has <format> (GCC 12's
// libstdc++ has not): run by run.py with the LLVM libc++ of the `ziglang` package from PyPI.
// Plain checks, not GoogleTest: the program links against libc++, the system's GoogleTest against
// libstdc++.
#include <iptkit/model/relationship.hpp>
#include <iptkit/model/session.hpp>
#include <iptkit/print.hpp>

#include <cstdio>
#include <string>

#if !defined(IPTKIT_HAS_STD_FORMAT)
#error "this standard library has no std::format: print.hpp declares no formatter"
#endif

static_assert(iptkit::detail::print_lookup::iptkit_enum<iptkit::phase>);

namespace app {
enum class colour { red, green };
BOOST_DESCRIBE_ENUM(colour, red, green)
std::string to_string(colour);  // an application's own printing: the formatter must not claim it
}  // namespace app
static_assert(!iptkit::detail::print_lookup::iptkit_enum<app::colour>);

namespace {

int failures = 0;

void expect(const std::string& found, const std::string& expected) {
  if (found == expected) return;
  std::printf("FAILED: expected [%s], found [%s]\n", expected.c_str(), found.c_str());
  ++failures;
}

}  // namespace

int main() {
  expect(std::format("{}", iptkit::relationship_kind::friend_), "friend");
  expect(std::format("[{:>8}]", iptkit::phase::middle), "[  middle]");
  expect(std::format("[{:<9}]", iptkit::attendance::no_show), "[no_show  ]");
  expect(std::format("{}", static_cast<iptkit::severity>(7)), "severity(7)");
  const iptkit::finding f{"F007", iptkit::severity::warning, "", "no focus agreed"};
  expect(std::format("{}", f), "F007 warning (case): no focus agreed");
  expect(std::format("{}", f), to_string(f));
  const iptkit::read_error e{"/sessions/3/date", iptkit::error_kind::bad_date, "expected a date", 40, 15};
  expect(std::format("{}", e), "line 40, column 15: /sessions/3/date: expected a date (bad_date)");
  iptkit::import_issue i;
  i.source = "sessions.csv";
  i.line = 4;
  i.field = "date";
  i.message = "expected a date";
  expect(std::format("{}", i), "sessions.csv:4: date: expected a date");
  expect(std::format("{}", iptkit::to_string(iptkit::parse_date("2026-01-05").value())), "2026-01-05");
  std::printf("%s: %d failure(s)\n", failures ? "FAILED" : "passed", failures);
  return failures ? 1 : 0;
}
