#include "describe_class.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <limits>
#include <iterator>
#include <optional>
#include <string_view>
#include <utility>

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

std::string allowed(const std::vector<std::string_view>& spellings, std::string_view class_name) {
  std::string out;
  std::size_t shown_count = 0;
  for (auto s : spellings) {
    if (out.size() + s.size() > 160) break;
    if (!out.empty()) out += ", ";
    out += s;
    ++shown_count;
  }
  if (shown_count < spellings.size()) {
    out += ", ... " + std::to_string(spellings.size()) + " in all";
    if (!class_name.empty()) out += ": list(iptkit." + std::string(class_name) + ")";
  }
  return out;
}

std::string suggestion(std::string_view found, const std::vector<std::string_view>& spellings) {
  if (found.size() > 64) return "";
  // Levenshtein distance, one row at a time; spellings are short.
  const auto distance = [&](std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
      std::size_t diagonal = row[0];
      row[0] = i;
      for (std::size_t j = 1; j <= b.size(); ++j) {
        const std::size_t up = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
        diagonal = up;
      }
    }
    return row[b.size()];
  };
  std::string_view best;
  std::size_t best_distance = 3;
  for (auto s : spellings)
    if (const auto d = distance(found, s); d < best_distance) {
      best = s;
      best_distance = d;
    }
  return best.empty() ? "" : " (did you mean '" + std::string(best) + "'?)";
}

std::string shown(pybind11::handle src) {
  const py::str r = py::repr(src);
  if (py::len(r) <= 60) return r.cast<std::string>();
  return py::str(r[py::slice(0, 57, 1)]).cast<std::string>() + "...";  // cut between characters, not bytes
}

}  // namespace iptkit::python::enum_detail

namespace iptkit::python::field_detail {

bool is_missing_marker(py::handle value) {
  if (PyFloat_Check(value.ptr())) return std::isnan(PyFloat_AsDouble(value.ptr()));  // numpy's float64 too
  const std::string_view type = Py_TYPE(value.ptr())->tp_name;
  return type == "NAType" || type == "NaTType" || type.ends_with(".NAType") || type.ends_with(".NaTType");
}

std::string with_article(const std::string& noun) {
  const bool vowel = !noun.empty() && std::string_view("AEIOUaeiou").find(noun.front()) != std::string_view::npos;
  return (vowel ? "an " : "a ") + noun;
}

std::string call_problem(const std::string& class_name, const std::vector<std::string_view>& fields,
                         const std::vector<std::string_view>& required, const py::args& args, const py::kwargs& kwargs) {
  if (!args.empty())
    return class_name + "() takes keyword arguments only (" + std::to_string(args.size()) +
           " positional given): " + class_name + "(" + std::string(fields.front()) + "=..., ...)";
  std::string out;
  for (const auto& [key, _] : kwargs) {
    const std::string name = py::str(key).cast<std::string>();
    if (std::find(fields.begin(), fields.end(), name) != fields.end()) continue;
    out += out.empty() ? "" : "; ";
    out += class_name + " has no field " + enum_detail::shown(key) + enum_detail::suggestion(name, fields);
  }
  std::string missing;
  for (auto f : required)
    if (!kwargs.contains(py::str(std::string(f)))) missing += (missing.empty() ? "" : ", ") + std::string(f);
  if (!missing.empty()) out += (out.empty() ? "" : "; ") + class_name + ": missing required field(s) " + missing;
  if (out.empty()) out = class_name + ": the arguments match no constructor";  // not reached: the call would have matched
  std::string all;
  for (auto f : fields) all += (all.empty() ? "" : ", ") + std::string(f);
  out += " (fields: " + all + ")";
  if (out.size() <= 480) return out;
  std::size_t cut = 477;
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // between characters
  return out.substr(0, cut) + "...";
}

std::string found(py::handle value) {
  if (value.is_none()) return "None";
  const std::string type = py::type::handle_of(value).attr("__name__").cast<std::string>();
  // Scalars are quoted (cut short); anything else is named by its type and size, never printed.
  if (PyUnicode_Check(value.ptr()) || PyLong_Check(value.ptr()) || PyFloat_Check(value.ptr()))
    return type + " " + enum_detail::shown(value);
  if (py::hasattr(value, "isoformat") && py::hasattr(value, "year"))  // a date, datetime or Timestamp
    return type + " " + py::str(value.attr("isoformat")()).cast<std::string>().substr(0, 40);
  if (PySequence_Check(value.ptr()) || PyAnySet_Check(value.ptr()) || PyDict_Check(value.ptr())) {
    const Py_ssize_t n = PyObject_Length(value.ptr());
    if (n >= 0) return type + " of " + std::to_string(n) + (n == 1 ? " item" : " items");
    PyErr_Clear();
  }
  return type;
}

}  // namespace iptkit::python::field_detail

namespace iptkit::python {

namespace {

struct documented_field {
  std::string_view type, field, doc;
};

// Sorted by type, then field (the generator writes them so).
constexpr documented_field documented_fields[] = {
#include "field_docs.inc"
};

}  // namespace

const char* field_doc(std::string_view type, std::string_view field) {
  const auto* end = std::end(documented_fields);
  const auto* at = std::lower_bound(std::begin(documented_fields), end, std::pair{type, field},
                                    [](const documented_field& d, const auto& key) {
                                      return std::pair{d.type, d.field} < key;
                                    });
  return at != end && at->type == type && at->field == field ? at->doc.data() : "";
}

std::optional<case_pickle> case_pickle_of(const case_record& c) {
  const write_options compact{json_style::compact};
  case_pickle out;
  try {
    write_case(out.json, c, compact, catalog::builtin());
    return out;
  } catch (const decode_error& e) {
    // A trial's own adaptation is what the built-in catalog refuses most often; unpickling has no
    // catalog, so the case travels with a built-in one and gets its own back when read.
    const auto& errors = e.errors();
    const bool only_adaptation = std::all_of(errors.begin(), errors.end(), [](const read_error& r) {
      return r.path == "/adaptation";
    });
    if (!only_adaptation || c.adaptation.empty()) return std::nullopt;
  }
  case_record copy = c;
  copy.adaptation = "ipt";  // built in, as every catalog starts from the built-ins
  try {
    out.json.clear();
    write_case(out.json, copy, compact, catalog::builtin());
  } catch (const decode_error&) {
    return std::nullopt;
  }
  out.adaptation = c.adaptation;
  return out;
}

case_record case_from_pickle(std::string_view json, std::optional<std::string> adaptation) {
  // A case built in code may be larger than a document the readers accept by default.
  read_options options;
  options.max_document_bytes = options.max_string_bytes = options.max_list_length = options.max_cohort_bytes =
      std::numeric_limits<std::size_t>::max();
  options.max_depth = max_depth_ceiling;
  case_record c = value_or_raise(read_json<case_record>(json, options, catalog::builtin()));
  if (adaptation) c.adaptation = std::move(*adaptation);
  return c;
}

}  // namespace iptkit::python
