#include <iptkit/json/write.hpp>

#include <iptkit/json/detail/write_value.hpp>

namespace iptkit {

namespace json::detail {

void write_string(std::string& out, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  out += '"';
  std::size_t run = 0;  // copy unescaped runs in one append
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto ch = static_cast<unsigned char>(s[i]);
    if (ch >= 0x20 && ch != '"' && ch != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        out += "\\u00";
        out += hex[ch >> 4];
        out += hex[ch & 0xF];
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

}  // namespace json::detail

void write_case(std::string& out, const case_record& c, const write_options& options) {
  json::detail::write_document(out, c, options.style == json_style::pretty);
}

std::string write_case(const case_record& c, const write_options& options) {
  std::string out;
  out.reserve(4096);
  write_case(out, c, options);
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
