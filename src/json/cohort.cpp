#include <iptkit/json/cohort.hpp>

#include <iptkit/json/detail/parse.hpp>
#include <iptkit/json/detail/read_fast.hpp>
#include <iptkit/json/detail/read_value.hpp>

#include <boost/json/parse.hpp>
#include <algorithm>
#include <type_traits>
#include <istream>
#include <sstream>

namespace iptkit {

jsonl_reader::jsonl_reader(std::istream& in, read_options options, const catalog& cat)
    : in_(&in), options_(options), catalog_(&cat) {}

namespace {

std::optional<std::string> readable_id(const boost::json::value& v) {
  const auto* id = v.is_object() ? v.get_object().if_contains("case_id") : nullptr;
  if (!id || !id->is_string()) return std::nullopt;
  const std::string_view s = id->get_string();
  if (!json::detail::satisfies(meta::identifier{1, 64}, s)) return std::nullopt;
  return std::string(s);
}

// An entry, named by the case read or, when it could not be read, by `source`'s readable id.
template <class Source>
cohort_entry entry_of(std::size_t line, std::size_t index, result<case_record>&& value, const Source& source) {
  std::optional<std::string> id;
  if (value) id = value->case_id;
  else if constexpr (std::is_same_v<Source, boost::json::value>) id = readable_id(source);
  else id = readable_case_id(source);
  return cohort_entry{.line = line, .index = index, .value = std::move(value), .case_id = std::move(id)};
}

// `r` with `fix(error)` applied to each of its errors and warnings: how a case read on its own
// (a JSON Lines line, an array element) is placed in the whole input.
template <class Fix>
result<case_record> placed(result<case_record>&& r, Fix fix) {
  auto warnings = std::move(r).warnings();
  for (auto& w : warnings) fix(w);
  if (r) return result<case_record>(std::move(*r), std::move(warnings));
  auto errors = std::move(r).errors();
  for (auto& e : errors) fix(e);
  return result<case_record>::failure(std::move(errors), std::move(warnings));
}

// Reads one line (without its '\n') into `line` and its length into `length`, storing at most
// `limit` bytes: a longer line is read to its end but not kept (`line` is left empty), so one
// endless line cannot exhaust memory. False at the end of the input. std::getline has no such
// bound; istream::getline fills a buffer at a time.
bool read_bounded_line(std::istream& in, std::string& line, std::size_t limit, std::size_t& length) {
  line.clear();
  length = 0;
  bool any = false;
  char buffer[1 << 16];
  while (true) {
    in.getline(buffer, sizeof buffer);
    const auto got = static_cast<std::size_t>(in.gcount());
    const bool buffer_full = in.fail() && !in.eof() && got == sizeof buffer - 1;
    const bool ended_by_newline = !in.fail() && !in.eof();
    const std::size_t kept = ended_by_newline ? got - 1 : got;  // the '\n' was counted
    any = any || got > 0;
    length += kept;
    if (length <= limit) line.append(buffer, kept);
    else line.clear();
    if (!buffer_full) break;
    in.clear(in.rdstate() & ~std::ios::failbit);  // a long line: go on reading it
  }
  return any;
}

// Each case of an array read on its own (array_elements), its errors placed in the whole text.
std::vector<cohort_entry> read_elements(std::string_view text, const std::vector<std::string_view>& elements,
                                        read_options options, const catalog& cat) {
  // The array is the text: its cases are held to its size, not to max_document_bytes.
  options.max_document_bytes = std::max(options.max_document_bytes, options.max_cohort_bytes);
  std::vector<cohort_entry> entries;
  entries.reserve(elements.size());
  std::size_t offset = 0, line = 1, column = 1;  // advanced element by element: one pass in all
  for (std::size_t i = 0; i < elements.size(); ++i) {
    const auto start = static_cast<std::size_t>(elements[i].data() - text.data());
    const auto [l, c] = json::detail::line_column(text.substr(offset, start - offset), start - offset);
    column = l == 1 ? column + c - 1 : c;
    line += l - 1;
    offset = start;
    auto r = placed(read_case(elements[i], options, cat), [&](read_error& e) { place(e, line, column); });
    entries.push_back(entry_of(0, i, std::move(r), elements[i]));
  }
  return entries;
}

}  // namespace

std::optional<cohort_entry> jsonl_reader::next() {
  std::size_t length = 0;
  // Room for a trailing '\r' besides the largest document.
  const std::size_t limit = options_.max_document_bytes + 1;
  while (read_bounded_line(*in_, line_, limit, length)) {
    ++line_number_;
    const bool too_long = length > limit;
    if (!too_long && !line_.empty() && line_.back() == '\r') line_.pop_back();
    if (!too_long && line_.find_first_not_of(" \t") == std::string::npos) continue;
    auto read = too_long ? result<case_record>::failure({json::detail::too_large(length, options_.max_document_bytes)})
                         : read_case(line_, options_, *catalog_);
    // Each line is parsed on its own, as line 1: placed at the file's line.
    auto r = placed(std::move(read), [&](read_error& e) { place(e, line_number_, 1); });
    // A line too long to keep has no text to take an id from.
    return entry_of(line_number_, index_++, std::move(r), too_long ? std::string_view{} : std::string_view(line_));
  }
  return std::nullopt;
}

std::vector<cohort_entry> read_case_lines(std::string_view jsonl, const read_options& options,
                                          const catalog& cat) {
  std::istringstream in{std::string(jsonl)};
  jsonl_reader reader(in, options, cat);
  std::vector<cohort_entry> entries;
  while (auto e = reader.next()) entries.push_back(std::move(*e));
  return entries;
}

result<std::vector<cohort_entry>> read_case_array(std::string_view json, const read_options& options,
                                                  const catalog& cat) {
  using namespace json::detail;
  // A valid array is read in one pass; anything else goes the DOM way, case by case.
  if (std::vector<case_record> cases; read_fast(json, options, text_kind::cohort_array, cases, &cat.protocols)) {
    std::vector<cohort_entry> entries;
    entries.reserve(cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i)
      entries.push_back(entry_of(0, i, result<case_record>(std::move(cases[i])), std::string_view{}));
    return entries;
  }
  std::vector<read_error> parse_errors;
  auto dom = parse_dom(json, options, parse_errors, text_kind::cohort_array);
  if (!dom) {
    // A case that breaks a limit is that case's error, as a JSON Lines line's would be: the
    // parse stopped inside it, so every case is read again on its own.
    const bool inside_a_case = std::any_of(parse_errors.begin(), parse_errors.end(), [](const read_error& e) {
      return e.kind == error_kind::limit_exceeded && e.path.size() > 1;
    });
    if (inside_a_case)
      if (const auto elements = array_elements(json)) return read_elements(strip_bom(json), *elements, options, cat);
    return result<std::vector<cohort_entry>>::failure(std::move(parse_errors));
  }
  if (!dom->is_array()) {
    return result<std::vector<cohort_entry>>::failure(
        {{"", error_kind::wrong_type, "expected a list of case documents; found " + describe_found(*dom, options.redact),
          std::nullopt}});
  }
  const auto& cases = dom->get_array();
  std::vector<cohort_entry> entries;
  entries.reserve(cases.size());
  // Errors are located in the whole text once, after every case is walked: one pass in all.
  std::vector<error_target> targets;
  const auto target = [&](std::size_t i, std::vector<read_error>& errors) {
    for (auto& e : errors) {
      std::string path = "/";  // appended, not `"/" + std::string`: GCC 12's -Wrestrict false positive at -O3
      path += std::to_string(i);
      path += e.path;
      targets.push_back({&e, std::move(path)});
    }
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    auto c = context_for(options, cat);
    // Duplicate keys were found by the parser with the array index in front of the path.
    const std::string prefix = "/" + std::to_string(i);
    for (const auto& e : parse_errors) {
      if (e.path.compare(0, prefix.size(), prefix) == 0 &&
          (e.path.size() == prefix.size() || e.path[prefix.size()] == '/')) {
        auto local = e;
        local.path.erase(0, prefix.size());
        c.errors.push_back(std::move(local));
      }
    }
    entries.push_back(entry_of(0, i, walk<case_record>(&cases[i], std::move(c)), cases[i]));
  }
  // The errors are kept apart from their results while they are located, then put back.
  std::vector<std::vector<read_error>> errors(entries.size()), warnings(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    warnings[i] = std::move(entries[i].value).warnings();
    target(i, warnings[i]);
    if (!entries[i].value) {
      errors[i] = std::move(entries[i].value).errors();
      target(i, errors[i]);
    }
  }
  locate(json, targets);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    auto& v = entries[i].value;
    v = v ? result<case_record>(std::move(*v), std::move(warnings[i]))
          : result<case_record>::failure(std::move(errors[i]), std::move(warnings[i]));
  }
  return entries;
}

namespace {
bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}
}  // namespace

cohort_shape detect_cohort_shape(std::string_view name, std::string_view text) {
  if (ends_with(name, ".jsonl") || ends_with(name, ".ndjson")) return cohort_shape::lines;
  const auto first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first != std::string_view::npos && text[first] == '[') return cohort_shape::array;
  if (ends_with(name, ".json")) return cohort_shape::single;
  // A pretty-printed document's first line ("{") is not a whole JSON value; a one-line document
  // has nothing after it.
  std::istringstream lines{std::string(text)};
  std::string first_line;
  while (std::getline(lines, first_line) && first_line.find_first_not_of(" \t\r") == std::string::npos) {
  }
  boost::json::error_code ec;
  boost::json::parse(first_line, ec);
  if (ec) return cohort_shape::single;
  for (std::string l; std::getline(lines, l);)
    if (l.find_first_not_of(" \t\r") != std::string::npos) return cohort_shape::lines;
  return cohort_shape::single;
}

std::optional<std::string> readable_case_id(std::string_view document) {
  boost::json::error_code ec;
  const auto v = boost::json::parse(json::detail::strip_bom(document), ec);  // at most 32 deep
  if (ec) return std::nullopt;
  return readable_id(v);
}

read_error too_large_input(std::size_t limit) {
  return {"", error_kind::limit_exceeded,
          "expected an input of at most " + std::to_string(limit) +
              " bytes; found more (JSON Lines files are read line by line)",
          std::nullopt, std::nullopt};
}

namespace {

// What a JSON Lines reader reads when the shape had to be found first: the bytes already read
// for that (`head`), then the rest of the stream; or a text in memory, without a copy.
class prefixed_buffer : public std::streambuf {
 public:
  prefixed_buffer(std::string head, std::istream* rest) : head_(std::move(head)), rest_(rest) {
    setg(head_.data(), head_.data(), head_.data() + head_.size());
  }
  explicit prefixed_buffer(std::string_view text) {
    // Only read through: the text is never written.
    char* begin = const_cast<char*>(text.data());
    setg(begin, begin, begin + text.size());
  }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    if (!rest_ || (!rest_->read(chunk_, sizeof chunk_) && rest_->gcount() <= 0)) return traits_type::eof();
    setg(chunk_, chunk_, chunk_ + rest_->gcount());
    return traits_type::to_int_type(*gptr());
  }

 private:
  std::string head_;
  std::istream* rest_ = nullptr;
  char chunk_[1 << 16];
};

constexpr std::string_view blank_bytes = " \t\r\n";

// The start of a stream as detect_cohort_shape() needs it to decide as it would on the whole
// input: through the first non-blank byte when that is `[`, else through the first non-blank
// line and the next non-blank byte after it (or the end); at most `limit` + 1 bytes.
std::string read_head(std::istream& in, std::size_t limit) {
  std::string head;
  std::size_t first = std::string::npos, line_end = std::string::npos, searched = 0;
  char chunk[1 << 16];
  while (head.size() <= limit) {
    if (!in.read(chunk, sizeof chunk) && in.gcount() <= 0) break;
    head.append(chunk, static_cast<std::size_t>(in.gcount()));
    if (first == std::string::npos) {
      first = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
      if (first == std::string::npos) continue;
      if (head[first] == '[') break;
      searched = first;
    }
    if (line_end == std::string::npos) {
      line_end = head.find('\n', searched);
      if (line_end == std::string::npos) {
        searched = head.size();
        continue;
      }
      searched = line_end;
    }
    if (head.find_first_not_of(blank_bytes, searched) != std::string::npos) break;
    searched = head.size();
  }
  return head;
}

// Appends to `text` from `in` until it holds more than `limit` bytes or the input ends.
void read_rest(std::istream& in, std::string& text, std::size_t limit) {
  char chunk[1 << 16];
  while (text.size() <= limit && (in.read(chunk, sizeof chunk) || in.gcount() > 0))
    text.append(chunk, static_cast<std::size_t>(in.gcount()));
  if (text.size() > limit) text.resize(limit + 1);
}

bool named_lines(std::string_view name) { return ends_with(name, ".jsonl") || ends_with(name, ".ndjson"); }

}  // namespace

std::string read_at_most(std::istream& in, std::size_t limit) {
  std::string text;
  read_rest(in, text, limit);
  return text;
}

struct cohort_reader::line_stream {
  line_stream(std::istream& in, const read_options& options, const catalog& cat) : reader(in, options, cat) {}
  line_stream(std::unique_ptr<prefixed_buffer> b, const read_options& options, const catalog& cat)
      : buffer(std::move(b)), stream(std::make_unique<std::istream>(buffer.get())), reader(*stream, options, cat) {}
  std::unique_ptr<prefixed_buffer> buffer;
  std::unique_ptr<std::istream> stream;
  jsonl_reader reader;
};

cohort_reader::cohort_reader(std::istream& in, std::string source, read_options options, const catalog& cat)
    : in_(&in), source_(std::move(source)), options_(options), catalog_(&cat) {}
cohort_reader::cohort_reader(std::string_view text, std::string source, read_options options, const catalog& cat)
    : text_(text), source_(std::move(source)), options_(options), catalog_(&cat) {}
cohort_reader::cohort_reader(cohort_reader&&) noexcept = default;
cohort_reader& cohort_reader::operator=(cohort_reader&&) noexcept = default;
cohort_reader::~cohort_reader() = default;

cohort_entry cohort_reader::whole_input_failed(std::vector<read_error> errors) {
  whole_failed_ = true;
  return cohort_entry{.value = result<case_record>::failure(std::move(errors))};
}

void cohort_reader::start() {
  std::string read;  // an array or a document read whole from the stream
  std::string_view text = text_;
  if (in_) {
    if (named_lines(source_)) {  // streamed as it is: memory does not grow with the file
      shape_ = cohort_shape::lines;
      lines_ = std::make_unique<line_stream>(*in_, options_, *catalog_);
      return;
    }
    read = read_head(*in_, options_.max_cohort_bytes);
    shape_ = detect_cohort_shape(source_, read);
    if (shape_ == cohort_shape::lines) {
      lines_ = std::make_unique<line_stream>(std::make_unique<prefixed_buffer>(std::move(read), in_), options_, *catalog_);
      return;
    }
    read_rest(*in_, read, options_.max_cohort_bytes);
    text = read;
  } else {
    shape_ = detect_cohort_shape(source_, text);
  }
  // An input in memory is held to its size whatever its shape; a stream, unless it is streamed.
  if (text.size() > options_.max_cohort_bytes) {
    entries_.push_back(whole_input_failed({too_large_input(options_.max_cohort_bytes)}));
    return;
  }
  switch (*shape_) {
    case cohort_shape::lines:
      lines_ = std::make_unique<line_stream>(std::make_unique<prefixed_buffer>(text), options_, *catalog_);
      return;
    case cohort_shape::array: {
      auto array = read_case_array(text, options_, *catalog_);
      if (array) entries_ = std::move(*array);
      else entries_.push_back(whole_input_failed(std::move(array).errors()));
      return;
    }
    case cohort_shape::single:
      entries_.push_back(entry_of(0, 0, read_case(text, options_, *catalog_), text));
      return;
  }
}

std::optional<cohort_entry> cohort_reader::next() {
  if (!shape_) start();
  std::optional<cohort_entry> e;
  if (lines_) e = lines_->reader.next();
  else if (next_ < entries_.size()) e = std::move(entries_[next_++]);
  if (!e) {
    entries_.clear();
    return e;
  }
  e->source = source_;
  // A whole input that could not be cut into cases is shown as one document.
  e->shape = whole_failed_ ? cohort_shape::single : *shape_;
  return e;
}

std::vector<cohort_entry> read_cohort(std::string_view name, std::string_view text,
                                      const read_options& options, const catalog& cat) {
  cohort_reader reader(text, std::string(name), options, cat);
  std::vector<cohort_entry> entries;
  while (auto e = reader.next()) entries.push_back(std::move(*e));
  return entries;
}

}  // namespace iptkit
