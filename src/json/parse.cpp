// JSON text to DOM with the checks Boost.JSON 1.81's parser lacks: duplicate keys (it silently
// keeps the last) and the JSON Pointer of the place a syntax error or depth limit was hit.
#include <iptkit/json/detail/parse.hpp>

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value_stack.hpp>

#include <algorithm>
#include <charconv>
#include <string>
#include <vector>

namespace iptkit::json::detail {

namespace bj = boost::json;

void append_pointer_token(std::string& pointer, std::string_view token) {
  pointer += '/';
  for (char ch : token) {
    if (ch == '~') pointer += "~0";
    else if (ch == '/') pointer += "~1";
    else pointer += ch;
  }
}

std::string describe_found(const bj::value& v) {
  switch (v.kind()) {
    case bj::kind::null: return "null";
    case bj::kind::bool_: return v.get_bool() ? "true" : "false";
    case bj::kind::object: return "an object";
    case bj::kind::array: return "a list";
    case bj::kind::string: {
      constexpr std::size_t shown = 60;
      const auto& s = v.get_string();
      std::string text = bj::serialize(bj::string_view(s.data(), std::min(s.size(), shown)));
      if (s.size() > shown) text.insert(text.size() - 1, "...");
      return text;
    }
    case bj::kind::double_: {
      // Shortest round-trip form, with ".0" kept so that 1.0 does not read as the integer 1.
      char buf[32];
      auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v.get_double());
      std::string text(buf, end);
      if (text.find_first_of(".eEn") == std::string::npos) text += ".0";
      return text;
    }
    default: return bj::serialize(v);
  }
}

namespace {

// Frames track the pointer of the value being built and, for objects, the keys seen so far.
class dom_handler {
 public:
  constexpr static std::size_t max_object_size = bj::object::max_size();
  constexpr static std::size_t max_array_size = bj::array::max_size();
  constexpr static std::size_t max_key_size = bj::string::max_size();
  constexpr static std::size_t max_string_size = bj::string::max_size();

  explicit dom_handler(std::vector<read_error>& errors) : errors_(errors) { stack.reset(); }

  bj::value_stack stack;
  std::string path;

  bool on_document_begin(bj::error_code&) { return true; }
  bool on_document_end(bj::error_code&) { return true; }

  bool on_object_begin(bj::error_code&) {
    begin_value();
    frames_.push_back({false, 0, path.size(), {}});
    return true;
  }
  bool on_object_end(std::size_t n, bj::error_code&) {
    frames_.pop_back();
    stack.push_object(n);
    end_value();
    return true;
  }
  bool on_array_begin(bj::error_code&) {
    begin_value();
    frames_.push_back({true, 0, path.size(), {}});
    return true;
  }
  bool on_array_end(std::size_t n, bj::error_code&) {
    frames_.pop_back();
    stack.push_array(n);
    end_value();
    return true;
  }
  bool on_key_part(std::string_view s, std::size_t, bj::error_code&) {
    key_ += s;
    stack.push_chars(s);
    return true;
  }
  bool on_key(std::string_view s, std::size_t, bj::error_code&) {
    key_ += s;
    auto& f = frames_.back();
    path.resize(f.path_size);
    append_pointer_token(path, key_);
    if (std::find(f.keys.begin(), f.keys.end(), key_) != f.keys.end()) {
      errors_.push_back({path, error_kind::duplicate_key,
                         "expected each key once per object; found \"" + key_ + "\" again",
                         std::nullopt});
    } else {
      f.keys.push_back(key_);
    }
    key_.clear();
    stack.push_key(s);
    return true;
  }
  bool on_string_part(std::string_view s, std::size_t, bj::error_code&) {
    if (!in_string_) {
      begin_value();
      in_string_ = true;
    }
    stack.push_chars(s);
    return true;
  }
  bool on_string(std::string_view s, std::size_t, bj::error_code&) {
    if (!in_string_) begin_value();
    in_string_ = false;
    stack.push_string(s);
    end_value();
    return true;
  }
  bool on_number_part(std::string_view, bj::error_code&) {
    if (!in_number_) {
      begin_value();
      in_number_ = true;
    }
    return true;
  }
  bool on_int64(std::int64_t i, std::string_view, bj::error_code&) {
    scalar();
    stack.push_int64(i);
    return true;
  }
  bool on_uint64(std::uint64_t u, std::string_view, bj::error_code&) {
    scalar();
    stack.push_uint64(u);
    return true;
  }
  bool on_double(double d, std::string_view, bj::error_code&) {
    scalar();
    stack.push_double(d);
    return true;
  }
  bool on_bool(bool b, bj::error_code&) {
    scalar();
    stack.push_bool(b);
    return true;
  }
  bool on_null(bj::error_code&) {
    scalar();
    stack.push_null();
    return true;
  }
  bool on_comment_part(std::string_view, bj::error_code&) { return true; }
  bool on_comment(std::string_view, bj::error_code&) { return true; }

 private:
  struct frame {
    bool is_array;
    std::size_t next_index;
    std::size_t path_size;  // the pointer of the container itself
    std::vector<std::string> keys;
  };

  // An array element's pointer is set when it begins; an object member's when its key ends.
  void begin_value() {
    if (!frames_.empty() && frames_.back().is_array) {
      path.resize(frames_.back().path_size);
      path += '/';
      path += std::to_string(frames_.back().next_index);
    }
  }
  void end_value() {
    if (frames_.empty()) return;
    auto& f = frames_.back();
    if (f.is_array) ++f.next_index;
    path.resize(f.path_size);
  }
  void scalar() {
    if (!in_number_) begin_value();
    in_number_ = false;
    end_value();
  }

  std::vector<read_error>& errors_;
  std::vector<frame> frames_;
  std::string key_;
  bool in_string_ = false;
  bool in_number_ = false;
};

// 1-based line and column of a byte offset.
std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

}  // namespace

std::optional<bj::value> parse_dom(std::string_view text, std::size_t max_depth,
                                   std::vector<read_error>& errors) {
  bj::parse_options options;
  options.max_depth = max_depth;
  bj::basic_parser<dom_handler> parser(options, errors);
  bj::error_code ec;
  const std::size_t consumed = parser.write_some(false, text.data(), text.size(), ec);
  if (!ec && consumed < text.size()) ec = bj::error::extra_data;
  if (ec) {
    const auto [line, column] = line_column(text, consumed);
    const bool too_deep = ec == bj::error::too_deep;
    std::string where = "line " + std::to_string(line) + ", column " + std::to_string(column);
    std::string message =
        too_deep ? "expected at most " + std::to_string(max_depth) +
                       " levels of nesting; found more at " + where
        : text.find_first_not_of(" \t\r\n") == std::string_view::npos
            ? std::string("expected a JSON value; found an empty document")
            : "expected valid JSON; found " + ec.message() + " at " + where;
    errors.push_back({parser.handler().path,
                      too_deep ? error_kind::limit_exceeded : error_kind::syntax,
                      std::move(message), std::nullopt});
    return std::nullopt;
  }
  return parser.handler().stack.release();
}

}  // namespace iptkit::json::detail
