#include "describe_class.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace iptkit::python {

std::string camel_case(std::string_view snake) {
  if (snake == "case_record") return "Case";  // the document is "a case" everywhere in the spec
  std::string out;
  bool upper = true;
  for (char ch : snake) {
    if (ch == '_') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(ch))) : ch;
    upper = false;
  }
  return out;
}

std::string python_identifier(std::string_view spelling) {
  static constexpr std::array<std::string_view, 35> keywords{
      "False", "None",   "True",    "and",      "as",     "assert", "async", "await", "break",
      "class", "continue", "def",   "del",      "elif",   "else",   "except", "finally", "for",
      "from",  "global", "if",      "import",   "in",     "is",     "lambda", "nonlocal", "not",
      "or",    "pass",   "raise",   "return",   "try",    "while",  "with",  "yield"};
  std::string out(spelling);
  if (std::find(keywords.begin(), keywords.end(), spelling) != keywords.end()) out += '_';
  return out;
}

case_refs case_pointers(const py::iterable& cases) {
  case_refs out{py::list(cases), {}};
  out.cases.reserve(out.keep.size());
  for (auto c : out.keep) {
    if (!py::isinstance<case_record>(c))
      throw py::type_error("iptkit: expected Case objects; found a " +
                           py::str(py::type::handle_of(c).attr("__name__")).cast<std::string>() + " at position " +
                           std::to_string(out.cases.size()));
    out.cases.push_back(&c.cast<const case_record&>());
  }
  return out;
}

read_options reading(bool lax, bool redact, const read_limits* limits) {
  read_options o;
  if (limits) static_cast<read_limits&>(o) = *limits;
  o.lax = lax;
  o.redact = redact;
  return o;
}

}  // namespace iptkit::python

namespace iptkit::python::enum_detail {

std::string shown(pybind11::handle src) {
  const py::str r = py::repr(src);
  if (py::len(r) <= 60) return r.cast<std::string>();
  return py::str(r[py::slice(0, 57, 1)]).cast<std::string>() + "...";  // cut between characters, not bytes
}

}  // namespace iptkit::python::enum_detail
