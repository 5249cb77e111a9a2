#include <iptkit/json/write.hpp>

#include <iptkit/json/check.hpp>
#include <iptkit/json/detail/check_value.hpp>
#include <iptkit/json/detail/write_value.hpp>

namespace iptkit {

namespace json::detail {

void write_string(std::string& out, std::string_view s) {
  out_buffer b(out);
  fast::put_string(b, s);
}

}  // namespace json::detail

void require_writable(const case_record& c, const write_options& options, const catalog& cat) {
  if (!options.unchecked) require_well_formed(c, {}, cat);
}

void require_writable(const std::vector<case_record>& cases, const write_options& options, const catalog& cat) {
  if (!options.unchecked) require_well_formed(std::span<const case_record>(cases), {}, 0, cat);
}

namespace {

// The check made while writing; only when it fails is the case walked again, for the errors.
template <class T>
void write_checked(std::string& out, const T& value, const write_options& options, const catalog& cat) {
  const bool pretty = options.style == json_style::pretty;
  if (!options.unchecked) {
    if (json::detail::write_if_well_formed(out, value, pretty, {}, cat.protocols)) return;
    require_writable(value, options, cat);  // throws the reader's errors
    // Well formed after all: only the pretty text went past a limit the compact text keeps to.
  }
  json::detail::write_document(out, value, pretty);
}

}  // namespace

void write_case(std::string& out, const case_record& c, const write_options& options, const catalog& cat) {
  write_checked(out, c, options, cat);
}

namespace json::detail {

void write_cases(std::string& out, const std::vector<case_record>& cases, const write_options& options,
                 const catalog& cat) {
  write_checked(out, cases, options, cat);
}

}  // namespace json::detail

std::string write_case(const case_record& c, const write_options& options, const catalog& cat) {
  std::string out;
  out.reserve(4096);
  write_case(out, c, options, cat);
  return out;
}

std::string write_protocols(const std::vector<protocol>& protocols, const write_options& options) {
  return to_json(protocols, options);
}

std::string write_instruments(const std::vector<instrument>& instruments,
                              const write_options& options) {
  return to_json(instruments, options);
}

}  // namespace iptkit
