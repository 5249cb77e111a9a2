#include <iptkit/json/write.hpp>

#include <iptkit/json/check.hpp>
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

void write_case(std::string& out, const case_record& c, const write_options& options, const catalog& cat) {
  require_writable(c, options, cat);
  json::detail::write_document(out, c, options.style == json_style::pretty);
}

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
