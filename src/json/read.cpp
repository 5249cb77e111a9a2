#include <iptkit/json/read.hpp>

#include <iptkit/json/detail/parse.hpp>
#include <iptkit/json/detail/read_fast.hpp>
#include <iptkit/json/detail/read_value.hpp>

#include <algorithm>
#include <cctype>

#include <boost/json/serialize.hpp>

namespace iptkit {

void place(read_error& e, std::size_t line, std::size_t column) {
  if (!e.line) {
    e.line = line;
    return;
  }
  // Only the first line of the inner text shares its line with what precedes it.
  if (*e.line == 1 && e.column) e.column = column + *e.column - 1;
  e.line = line + *e.line - 1;
}

namespace {
std::string join_errors(const std::vector<read_error>& errors) {
  std::string s = std::to_string(errors.size()) + " error(s) in the document";
  for (const auto& e : errors) s += "\n  " + to_string(e);
  return s;
}
}  // namespace

decode_error::decode_error(std::vector<read_error> errors)
    : std::runtime_error(join_errors(errors)), errors_(std::move(errors)) {}

namespace json::detail {

std::string join_quoted(const std::vector<std::string_view>& names) {
  std::string s;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) s += ", ";
    s += names[i];
  }
  return s;
}

bool read_date(const bj::value& v, date& out, read_context& c) {
  if (!v.is_string()) return wrong_type(v, "a date YYYY-MM-DD", c);
  const std::string_view s = v.get_string();
  if (auto d = parse_date(s)) {
    out = *d;
    return true;
  }
  c.fail(error_kind::bad_date,
         has_date_shape(s)
             ? "expected a calendar date YYYY-MM-DD; found " +
                   (c.redact ? std::string("a date") : c.found(v)) + ", which does not exist"
             : "expected a date YYYY-MM-DD; found " + c.found(v));
  return false;
}

bool satisfies(const meta::identifier& r, std::string_view value) noexcept {
  const bool chars_ok = std::all_of(value.begin(), value.end(), [](unsigned char ch) {
    return std::isalnum(ch) || ch == '.' || ch == '_' || ch == '-';
  });
  return chars_ok && value.size() >= r.min_length && value.size() <= r.max_length;
}

// Each check is the one-pass reader's predicate (read_fast.hpp) plus the error it reports.
bool check(const meta::in_range& r, std::int64_t value, read_context& c) {
  if (satisfies(r, value)) return true;
  const bool open = r.max == std::numeric_limits<std::int64_t>::max();
  c.fail(error_kind::out_of_range,
         (open ? "expected an integer of at least " + std::to_string(r.min)
               : "expected an integer from " + std::to_string(r.min) + " to " + std::to_string(r.max)) +
             "; found " + c.found_integer(value));
  return false;
}

bool check(const meta::real_range& r, double value, read_context& c) {
  if (satisfies(r, value)) return true;
  c.fail(error_kind::out_of_range, "expected a number from " + bj::serialize(bj::value(r.min)) +
                                       " to " + bj::serialize(bj::value(r.max)) + "; found " +
                                       c.found(bj::value(value)));
  return false;
}

bool check(const meta::identifier& r, const std::string& value, read_context& c) {
  if (satisfies(r, value)) return true;
  c.fail(error_kind::bad_format, "expected " + std::to_string(r.min_length) + "-" +
                                     std::to_string(r.max_length) +
                                     " characters of A-Z a-z 0-9 . _ -; found " + c.found_string(value));
  return false;
}

bool check(const meta::non_empty& r, const std::string& value, read_context& c) {
  if (satisfies(r, value)) return true;
  c.fail(error_kind::bad_format, "expected a non-empty string; found \"\"");
  return false;
}

bool check(const meta::schema_version& r, const std::string& value, read_context& c) {
  if (satisfies(r, value)) return true;
  c.fail(error_kind::unsupported_schema, "expected \"" + std::string(r.value) + "\"; found " +
                                             c.found_string(value) +
                                             ", a format this reader does not support");
  return false;
}

bool check(const meta::registered_protocol& r, const std::string& value, read_context& c) {
  if (satisfies(r, value, c.protocols)) return true;
  const auto& registry = or_builtin(c.protocols);
  const auto ids = registry.ids();
  c.fail(error_kind::bad_enum,
         (ids.empty() ? std::string("expected an adaptation of the catalog, which holds none")
                      : "expected one of " + join_quoted(ids)) +
             "; found " + c.found_string(value));
  return false;
}

}  // namespace json::detail

result<case_record> read_case(std::string_view json, const read_options& options, const catalog& cat) {
  return read_json<case_record>(json, options, cat);
}

result<std::vector<protocol>> read_protocols(std::string_view json, const read_options& options) {
  return read_json<std::vector<protocol>>(json, options);
}

result<std::vector<instrument>> read_instruments(std::string_view json, const read_options& options) {
  return read_json<std::vector<instrument>>(json, options);
}

}  // namespace iptkit
