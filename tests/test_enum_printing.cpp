// Printing without print.hpp: an enum, a finding and a read error print with only the header that
// declares them, and an application's own generic printer for described enums (the usual
// Boost.Describe example) neither hides nor competes with iptkit's.
#include <iptkit/json/read_error.hpp>
#include <iptkit/model/session.hpp>
#include <iptkit/rules/finding.hpp>

#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>
#include <gtest/gtest.h>

#include <ostream>
#include <sstream>
#include <string>
#include <type_traits>

namespace app {

enum class colour { red, green };
BOOST_DESCRIBE_ENUM(colour, red, green)

// An application's printer for every described enum, as in Boost.Describe's examples.
template <class E, class = std::enable_if_t<boost::describe::has_describe_enumerators<E>::value>>
std::ostream& operator<<(std::ostream& os, const E& e) {
  const char* name = "(unnamed)";
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) {
    if (D.value == e) name = D.name;
  });
  return os << "app:" << name;
}

std::string print_inside_app(iptkit::phase p, colour c) {
  std::ostringstream os;
  os << p << ' ' << c;  // iptkit's plain function wins for phase; the template prints colour
  return os.str();
}

}  // namespace app

namespace {

template <class T>
std::string streamed(const T& value) {
  std::ostringstream os;
  os << value;
  return os.str();
}

TEST(enum_printing, types_print_with_only_their_own_header) {
  EXPECT_EQ(streamed(iptkit::phase::termination), "termination");
  EXPECT_EQ(to_string(iptkit::attendance::no_show), "no_show");
  const iptkit::finding f{"S010", iptkit::severity::warning, "/sessions/0", "late"};
  EXPECT_EQ(streamed(f), "S010 warning /sessions/0: late");
  const iptkit::read_error e{"/x", iptkit::error_kind::syntax, "bad", {}, {}};
  EXPECT_EQ(streamed(e), to_string(e));
}

TEST(enum_printing, an_applications_generic_printer_does_not_collide) {
  EXPECT_EQ(app::print_inside_app(iptkit::phase::middle, app::colour::green), "middle app:green");
}

TEST(enum_printing, using_namespace_iptkit_leaves_application_enums_alone) {
  using namespace iptkit;
  std::ostringstream os;
  os << app::colour::red << ' ' << phase::initial;
  EXPECT_EQ(os.str(), "app:red initial");
}

}  // namespace
