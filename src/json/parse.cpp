// JSON text to DOM with the checks Boost.JSON 1.81's parser lacks: duplicate keys (it silently
// keeps the last) and the JSON Pointer of the place a syntax error or depth limit was hit.
#include <iptkit/json/detail/parse.hpp>

#include <iptkit/detail/excerpt.hpp>

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value_stack.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <unordered_map>
#include <unordered_set>
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

std::string describe_string(std::string_view s, bool redact) {
  return redact ? std::string("a string") : iptkit::detail::quoted_excerpt(s);
}

std::string describe_found(const bj::value& v, bool redact) {
  switch (v.kind()) {
    case bj::kind::null: return "null";
    case bj::kind::bool_: return redact ? "true or false" : v.get_bool() ? "true" : "false";
    case bj::kind::object: return "an object";
    case bj::kind::array: return "a list";
    case bj::kind::string: return describe_string(v.get_string(), redact);
    case bj::kind::int64:
    case bj::kind::uint64: return redact ? "an integer" : bj::serialize(v);
    case bj::kind::double_: {
      // The parser turns 1e400 into infinity and 2^64 into a double: say so rather than show
      // "inf" or digits that were never written.
      const double d = v.get_double();
      if (!std::isfinite(d)) return "a number too large for a 64-bit float";
      if (std::trunc(d) == d && std::fabs(d) >= 0x1p63) return "an integer too large for 64 bits";
      if (redact) return "a number";
      // Shortest round-trip form, with ".0" kept so that 1.0 does not read as the integer 1.
      char buf[32];
      auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
      std::string text(buf, end);
      if (text.find_first_of(".eEn") == std::string::npos) text += ".0";
      return text;
    }
  }
  return "a value";
}

std::size_t max_bytes(const read_options& options, text_kind kind) noexcept {
  return kind == text_kind::cohort_array ? options.max_cohort_bytes : options.max_document_bytes;
}

read_error too_large(std::size_t size, std::size_t limit) {
  return {"", error_kind::limit_exceeded,
          "expected a document of at most " + std::to_string(limit) + " bytes; found " +
              std::to_string(size) + " bytes",
          std::nullopt};
}

namespace {

// Frames track the pointer of the value being built and, for objects, the keys seen so far.
// The limits of read_options are checked as each value begins, before anything is stored.
class dom_handler {
 public:
  constexpr static std::size_t max_object_size = bj::object::max_size();
  constexpr static std::size_t max_array_size = bj::array::max_size();
  constexpr static std::size_t max_key_size = bj::string::max_size();
  constexpr static std::size_t max_string_size = bj::string::max_size();

  dom_handler(std::vector<read_error>& errors, const read_options& options, text_kind kind)
      : errors_(errors), options_(options), kind_(kind) {
    stack.reset();
  }

  bj::value_stack stack;
  std::string path;
  /// The limit that stopped the parse, if one did.
  std::optional<read_error> limit;

  bool on_document_begin(bj::error_code&) { return true; }
  bool on_document_end(bj::error_code&) { return true; }

  bool on_object_begin(bj::error_code& ec) {
    if (!begin_value(ec)) return false;
    frames_.push_back({false, 0, path.size(), {}});
    return true;
  }
  bool on_object_end(std::size_t n, bj::error_code&) {
    frames_.pop_back();
    stack.push_object(n);
    end_value();
    return true;
  }
  bool on_array_begin(bj::error_code& ec) {
    if (!begin_value(ec)) return false;
    frames_.push_back({true, 0, path.size(), {}});
    return true;
  }
  bool on_array_end(std::size_t n, bj::error_code&) {
    frames_.pop_back();
    stack.push_array(n);
    end_value();
    return true;
  }
  bool on_key_part(std::string_view s, std::size_t n, bj::error_code& ec) {
    if (!key_fits(n, ec)) return false;
    key_ += s;
    stack.push_chars(s);
    return true;
  }
  bool on_key(std::string_view s, std::size_t n, bj::error_code& ec) {
    if (!key_fits(n, ec)) return false;
    key_ += s;
    auto& f = frames_.back();
    if (++f.count > options_.max_list_length)
      return stop(ec, bj::error::object_too_large, f.path_size,
                  "expected an object of at most " + std::to_string(options_.max_list_length) +
                      " members; found more");
    path.resize(f.path_size);
    append_pointer_token(path, key_);
    if (!f.keys.insert(key_).second) {
      errors_.push_back({path, error_kind::duplicate_key,
                         "expected each key once per object; found " +
                             (options_.redact ? std::string("the same key") : describe_string(key_, false)) +
                             " again",
                         std::nullopt});
    }
    key_.clear();
    stack.push_key(s);
    return true;
  }
  bool on_string_part(std::string_view s, std::size_t n, bj::error_code& ec) {
    if (!in_string_) {
      if (!begin_value(ec)) return false;
      in_string_ = true;
    }
    if (!string_fits(n, ec)) return false;
    stack.push_chars(s);
    return true;
  }
  bool on_string(std::string_view s, std::size_t n, bj::error_code& ec) {
    if (!in_string_ && !begin_value(ec)) return false;
    in_string_ = false;
    if (!string_fits(n, ec)) return false;
    stack.push_string(s);
    end_value();
    return true;
  }
  bool on_number_part(std::string_view, bj::error_code& ec) {
    if (!in_number_) {
      if (!begin_value(ec)) return false;
      in_number_ = true;
    }
    return true;
  }
  bool on_int64(std::int64_t i, std::string_view, bj::error_code& ec) {
    if (!scalar(ec)) return false;
    stack.push_int64(i);
    return true;
  }
  bool on_uint64(std::uint64_t u, std::string_view, bj::error_code& ec) {
    if (!scalar(ec)) return false;
    stack.push_uint64(u);
    return true;
  }
  bool on_double(double d, std::string_view, bj::error_code& ec) {
    if (!scalar(ec)) return false;
    stack.push_double(d);
    return true;
  }
  bool on_bool(bool b, bj::error_code& ec) {
    if (!scalar(ec)) return false;
    stack.push_bool(b);
    return true;
  }
  bool on_null(bj::error_code& ec) {
    if (!scalar(ec)) return false;
    stack.push_null();
    return true;
  }
  bool on_comment_part(std::string_view, bj::error_code&) { return true; }
  bool on_comment(std::string_view, bj::error_code&) { return true; }

 private:
  struct frame {
    bool is_array;
    std::size_t count;      // elements or keys so far
    std::size_t path_size;  // the pointer of the container itself
    std::unordered_set<std::string> keys;  // a set: an object of many keys stays linear
  };

  // Records the limit at the pointer of the first `path_size` characters and stops the parser.
  bool stop(bj::error_code& ec, bj::error code, std::size_t path_size, std::string message) {
    path.resize(path_size);
    limit = read_error{path, error_kind::limit_exceeded, std::move(message), std::nullopt};
    ec = code;
    return false;
  }
  bool string_fits(std::size_t n, bj::error_code& ec) {
    if (n <= options_.max_string_bytes) return true;
    return stop(ec, bj::error::string_too_large, path.size(),
                "expected a string of at most " + std::to_string(options_.max_string_bytes) +
                    " bytes; found a longer one");
  }
  bool key_fits(std::size_t n, bj::error_code& ec) {
    if (n <= options_.max_string_bytes) return true;
    return stop(ec, bj::error::key_too_large, frames_.back().path_size,
                "expected keys of at most " + std::to_string(options_.max_string_bytes) +
                    " bytes; found a longer one");
  }

  // An array element's pointer is set when it begins; an object member's when its key ends.
  bool begin_value(bj::error_code& ec) {
    if (frames_.empty() || !frames_.back().is_array) return true;
    auto& f = frames_.back();
    // A cohort's array of cases is held to max_cohort_bytes alone.
    const bool cases = kind_ == text_kind::cohort_array && frames_.size() == 1;
    if (f.count >= options_.max_list_length && !cases)
      return stop(ec, bj::error::array_too_large, f.path_size,
                  "expected a list of at most " + std::to_string(options_.max_list_length) +
                      " elements; found more");
    path.resize(f.path_size);
    path += '/';
    path += std::to_string(f.count);
    return true;
  }
  void end_value() {
    if (frames_.empty()) return;
    auto& f = frames_.back();
    if (f.is_array) ++f.count;
    path.resize(f.path_size);
  }
  bool scalar(bj::error_code& ec) {
    if (!in_number_ && !begin_value(ec)) return false;
    in_number_ = false;
    end_value();
    return true;
  }

  std::vector<read_error>& errors_;
  const read_options& options_;
  text_kind kind_;
  std::vector<frame> frames_;
  std::string key_;
  bool in_string_ = false;
  bool in_number_ = false;
};

}  // namespace

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

std::optional<std::vector<std::string_view>> array_elements(std::string_view text) {
  constexpr std::string_view blank = " \t\r\n";
  text = strip_bom(text);
  const std::size_t open = text.find_first_not_of(blank);
  if (open == std::string_view::npos || text[open] != '[') return std::nullopt;
  std::vector<std::string_view> elements;
  const auto add = [&](std::size_t begin, std::size_t end) {
    auto element = text.substr(begin, end - begin);
    const auto first = element.find_first_not_of(blank);
    element = element.substr(first == std::string_view::npos ? element.size() : first);  // stays in `text`
    element = element.substr(0, element.find_last_not_of(blank) + 1);
    elements.push_back(element);
  };
  std::size_t depth = 0;
  std::size_t start = open + 1;
  bool in_string = false;
  bool escaped = false;
  for (std::size_t i = open + 1; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    switch (c) {
      case '"': in_string = true; break;
      case '[': case '{': ++depth; break;
      case ',':
        if (depth == 0) {
          add(start, i);
          start = i + 1;
        }
        break;
      case ']': case '}':
        if (depth > 0) {
          --depth;
          break;
        }
        if (c != ']' || text.find_first_not_of(blank, i + 1) != std::string_view::npos) return std::nullopt;
        // `[]` has no element; `[1,]` has an empty last one, which reading reports.
        if (!elements.empty() || text.substr(start, i - start).find_first_not_of(blank) != std::string_view::npos)
          add(start, i);
        return elements;
      default: break;
    }
  }
  return std::nullopt;  // the array never closes
}

namespace {

// A forward scan of JSON text that never reads past its end and stops (returns false) at the
// first byte that cannot continue a value: locate() runs on invalid texts too.
class value_scanner {
 public:
  explicit value_scanner(std::string_view text) : t_(text) {}
  [[nodiscard]] std::size_t at() const noexcept { return i_; }
  [[nodiscard]] bool at_end() const noexcept { return i_ >= t_.size(); }
  [[nodiscard]] char peek() const noexcept { return at_end() ? '\0' : t_[i_]; }
  void advance() noexcept { ++i_; }

  void blank() noexcept {
    while (!at_end() && (t_[i_] == ' ' || t_[i_] == '\t' || t_[i_] == '\n' || t_[i_] == '\r')) ++i_;
  }
  bool expect(char c) noexcept {
    blank();
    if (peek() != c) return false;
    ++i_;
    return true;
  }
  // A string at the cursor; its unescaped text into `out` when given.
  bool string(std::string* out) {
    if (peek() != '"') return false;
    const std::size_t begin = i_++;
    bool escapes = false;
    while (!at_end() && t_[i_] != '"') {
      if (t_[i_] == '\\') {
        escapes = true;
        ++i_;
      }
      ++i_;
    }
    if (at_end()) return false;
    ++i_;
    if (!out) return true;
    if (!escapes) {
      out->assign(t_.substr(begin + 1, i_ - begin - 2));
      return true;
    }
    bj::error_code ec;
    const auto v = bj::parse(t_.substr(begin, i_ - begin), ec);
    if (ec || !v.is_string()) return false;
    out->assign(v.get_string());
    return true;
  }
  // Skips one whole value (brackets and quotes counted, as array_elements does).
  bool skip_value() {
    blank();
    std::size_t depth = 0;
    do {
      const char c = peek();
      if (c == '"') {
        if (!string(nullptr)) return false;
      } else if (c == '{' || c == '[') {
        ++depth, ++i_;
      } else if (c == '}' || c == ']') {
        if (depth == 0) return false;
        --depth, ++i_;
      } else if (depth > 0) {
        if (at_end()) return false;
        ++i_;
      } else {
        const std::size_t begin = i_;
        while (!at_end() && std::string_view(",]}: \t\r\n\"[{").find(t_[i_]) == std::string_view::npos) ++i_;
        return i_ > begin;
      }
    } while (depth > 0);
    return true;
  }

 private:
  std::string_view t_;
  std::size_t i_ = 0;
};

// The offsets of the values at the pointers of `wanted` (every prefix of a target is in it), one
// pass: values off every wanted path are skipped whole.
std::unordered_map<std::string, std::size_t> value_offsets(std::string_view text,
                                                           const std::unordered_set<std::string>& wanted) {
  std::unordered_map<std::string, std::size_t> found;
  value_scanner s(text);
  struct frame {
    bool is_array;
    std::size_t count;
    std::size_t path_size;
  };
  std::vector<frame> frames;
  std::string path, key;
  // Reads up to a member's value: its key and ':' (the cursor is after '{' or ',').
  const auto member = [&] {
    s.blank();
    if (!s.string(&key) || !s.expect(':')) return false;
    path.resize(frames.back().path_size);
    append_pointer_token(path, key);
    return true;
  };
  while (true) {
    // At a value.
    s.blank();
    if (s.at_end()) return found;
    if (!wanted.contains(path)) {
      if (!s.skip_value()) return found;
    } else {
      found[path] = s.at();
      const char c = s.peek();
      if (c == '{' || c == '[') {
        s.advance();
        frames.push_back({c == '[', 0, path.size()});
        s.blank();
        if (s.peek() == (c == '[' ? ']' : '}')) {
          s.advance();
          frames.pop_back();
        } else if (c == '[') {
          path += "/0";
          continue;
        } else {
          if (!member()) return found;
          continue;
        }
      } else if (!s.skip_value()) {
        return found;
      }
    }
    // After a value: the next element or member, or the end of containers.
    while (true) {
      if (frames.empty()) return found;
      auto& f = frames.back();
      s.blank();
      if (s.peek() == ',') {
        s.advance();
        if (f.is_array) {
          path.resize(f.path_size);
          path += '/';
          path += std::to_string(++f.count);
        } else if (!member()) {
          return found;
        }
        break;
      }
      if (s.peek() != (f.is_array ? ']' : '}')) return found;
      s.advance();
      path.resize(f.path_size);
      frames.pop_back();
    }
  }
}

}  // namespace

void locate(std::string_view text, std::vector<error_target>& targets) {
  text = strip_bom(text);
  std::unordered_set<std::string> wanted;
  for (const auto& t : targets) {
    if (t.error->line) continue;
    for (std::string_view p = t.pointer;; p = p.substr(0, p.rfind('/'))) {
      if (!wanted.emplace(p).second || p.empty()) break;  // its prefixes are in already
    }
  }
  if (wanted.empty()) return;
  const auto found = value_offsets(text, wanted);
  // Each target at its value or deepest existing container; lines counted in one sweep.
  std::vector<std::pair<std::size_t, read_error*>> at;
  for (auto& t : targets) {
    if (t.error->line) continue;
    for (std::string_view p = t.pointer;; p = p.substr(0, p.rfind('/'))) {
      if (const auto f = found.find(std::string(p)); f != found.end()) {
        at.emplace_back(f->second, t.error);
        break;
      }
      if (p.empty()) break;
    }
  }
  std::sort(at.begin(), at.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::size_t line = 1, line_start = 0, i = 0;
  for (const auto& [offset, error] : at) {
    for (; i < offset; ++i)
      if (text[i] == '\n') ++line, line_start = i + 1;
    error->line = line;
    error->column = offset - line_start + 1;
  }
}

void locate(std::string_view text, std::vector<read_error>& errors) {
  std::vector<error_target> targets;
  targets.reserve(errors.size());
  for (auto& e : errors) targets.push_back({&e, e.path});
  locate(text, targets);
}

namespace {

// What a common mistake at a syntax error is, said plainly (the parser says only "syntax error").
std::string syntax_hint(std::string_view text, std::size_t at) {
  const auto rest = text.substr(std::min(at, text.size()));
  const auto starts = [&](std::string_view p) { return rest.substr(0, p.size()) == p; };
  if (at == 0 && (starts("\xFE\xFF") || starts("\xFF\xFE")))
    return " (UTF-16 text; JSON must be UTF-8: RFC 8259, section 8.1)";
  if (starts("\xEF\xBB\xBF")) return " (a byte order mark is accepted only at the very start)";
  if (!rest.empty() && static_cast<unsigned char>(rest[0]) >= 0x80)
    return " (bytes that are not UTF-8; JSON must be UTF-8: RFC 8259, section 8.1)";
  if (starts("NaN") || starts("Infinity") || starts("-Infinity") || starts("+"))
    return " (NaN, Infinity and a leading + are not JSON numbers: RFC 8259, section 6)";
  return "";
}

}  // namespace

std::optional<bj::value> parse_dom(std::string_view text, const read_options& options,
                                   std::vector<read_error>& errors, text_kind kind) {
  text = strip_bom(text);
  if (const auto limit = max_bytes(options, kind); text.size() > limit) {
    errors.push_back(too_large(text.size(), limit));
    return std::nullopt;
  }
  bj::parse_options parse_options;
  // A cohort's array is one level above its cases.
  parse_options.max_depth = effective_max_depth(options) + (kind == text_kind::cohort_array ? 1 : 0);
  bj::basic_parser<dom_handler> parser(parse_options, errors, options, kind);
  bj::error_code ec;
  const std::size_t consumed = parser.write_some(false, text.data(), text.size(), ec);
  if (!ec && consumed < text.size()) ec = bj::error::extra_data;
  if (!ec) return parser.handler().stack.release();
  // Where parsing stopped: the place of a syntax error and of a limit hit while parsing.
  const auto [line, column] = line_column(text, consumed);
  if (auto& limit = parser.handler().limit) {
    limit->line = line;
    limit->column = column;
    errors.push_back(std::move(*limit));
    return std::nullopt;
  }
  const bool too_deep = ec == bj::error::too_deep;
  std::string message =
      too_deep ? "expected at most " + std::to_string(effective_max_depth(options)) +
                     " levels of nesting; found more"
      : text.find_first_not_of(" \t\r\n") == std::string_view::npos
          ? std::string("expected a JSON value; found an empty document")
          : "expected valid JSON; found " + ec.message() + syntax_hint(text, consumed);
  errors.push_back({parser.handler().path,
                    too_deep ? error_kind::limit_exceeded : error_kind::syntax,
                    std::move(message), line, column});
  return std::nullopt;
}

}  // namespace iptkit::json::detail
