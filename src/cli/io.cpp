// Input, output and terminal plumbing of the command line.
#include "cli.hpp"

#include <iptkit/json/detail/read_fast.hpp>

#include <boost/json/parse.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace iptkit::cli {

namespace {

std::string read_all(std::istream& in) {
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// At most `limit` + 1 bytes of `in`: enough to tell that an input is too large without holding
// all of it (standard input may be endless).
std::string read_at_most(std::istream& in, std::size_t limit) {
  std::string text;
  char buffer[1 << 16];
  while (text.size() <= limit && in.read(buffer, sizeof buffer).gcount() > 0)
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
  if (text.size() > limit) text.resize(limit + 1);
  return text;
}

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// The case_id of a case that could not be read, when it is a well-formed one: any other value
// (a name typed into the field, a megabyte of text, terminal escapes) is not shown.
std::optional<std::string> readable_case_id(const boost::json::value& v) {
  const auto* id = v.is_object() ? v.get_object().if_contains("case_id") : nullptr;
  if (!id || !id->is_string()) return std::nullopt;
  const std::string_view s = id->get_string();
  if (!json::detail::satisfies(meta::identifier{1, 64}, s)) return std::nullopt;
  return std::string(s);
}

std::optional<std::string> sniff_case_id(std::string_view text) {
  boost::json::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec) return std::nullopt;
  return readable_case_id(v);
}

void read_lines(const std::string& file, std::istream& in, const read_options& options,
                const std::function<void(input_case&&)>& sink) {
  jsonl_reader reader(in, options);
  while (auto entry = reader.next()) {
    input_case c{file, entry->line, entry->index, std::nullopt, std::move(entry->value)};
    c.case_id = c.value ? std::optional(c.value->case_id) : sniff_case_id(reader.current_line());
    sink(std::move(c));
  }
}

}  // namespace

read_options reading(const common_options& o, const registries& r) {
  read_options options;
  options.lax = o.lax;
  options.redact = o.redact;
  options.protocols = &r.protocols;
  return options;
}

registries load_registries(const common_options& o) {
  registries r;
  const auto load = [](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw fatal(path + ": cannot open the file");
    return read_all(in);
  };
  const auto first_error = [](const std::string& path, const std::vector<read_error>& errors) {
    return path + ": " + to_string(errors.front()) +
           (errors.size() > 1 ? " (and " + std::to_string(errors.size() - 1) + " more)" : "");
  };
  if (!o.protocols_file.empty()) {
    auto loaded = read_protocols(load(o.protocols_file));
    if (!loaded) throw fatal(first_error(o.protocols_file, loaded.errors()));
    r.protocols.add_all(std::move(*loaded));
  }
  if (!o.instruments_file.empty()) {
    auto loaded = read_instruments(load(o.instruments_file));
    if (!loaded) throw fatal(first_error(o.instruments_file, loaded.errors()));
    r.instruments.add_all(std::move(*loaded));
  }
  return r;
}

void read_inputs(const std::vector<std::string>& files, const read_options& options,
                 const std::function<void(input_case&&)>& sink) {
  for (const auto& file : files) {
    if (file != "-" && std::filesystem::is_directory(file)) throw fatal(file + ": is a folder, not a file");
    std::ifstream stream;
    if (file != "-") {
      stream.open(file, std::ios::binary);
      if (!stream) throw fatal(file + ": cannot open the file");
    }
    std::istream& in = file == "-" ? std::cin : stream;
    if (file != "-" && (ends_with(file, ".jsonl") || ends_with(file, ".ndjson"))) {
      read_lines(file, in, options, sink);  // streamed: memory does not grow with the file
    } else {
      const std::string text = read_at_most(in, options.max_cohort_bytes);
      if (in.bad()) throw fatal(file + ": cannot read the file");
      if (text.size() > options.max_cohort_bytes) {  // one unreadable input, not read further
        sink({file, std::nullopt, 0, std::nullopt,
              result<case_record>::failure({{"", error_kind::limit_exceeded,
                                             "expected an input of at most " + std::to_string(options.max_cohort_bytes) +
                                                 " bytes; found more (JSON Lines files are read line by line)",
                                             std::nullopt}})});
        continue;
      }
      switch (detect_cohort_shape(file, text)) {
        case cohort_shape::lines: {
          std::istringstream lines(text);
          read_lines(file, lines, options, sink);
          break;
        }
        case cohort_shape::array: {
          auto array = read_case_array(text, options);
          if (!array) {
            sink({file, std::nullopt, 0, std::nullopt, result<case_record>::failure(array.errors())});
            break;
          }
          std::optional<boost::json::value> dom;  // for the ids of unreadable elements
          for (auto& entry : *array) {
            input_case c{file, std::nullopt, entry.index, std::nullopt, std::move(entry.value)};
            c.in_array = true;
            if (c.value) {
              c.case_id = c.value->case_id;
            } else {
              if (!dom) dom = boost::json::parse(text);  // it parsed once already: no error here
              c.case_id = readable_case_id(dom->get_array()[entry.index]);
            }
            sink(std::move(c));
          }
          break;
        }
        case cohort_shape::single: {
          input_case c{file, std::nullopt, 0, std::nullopt, read_case(text, options)};
          c.case_id = c.value ? std::optional(c.value->case_id) : sniff_case_id(text);
          sink(std::move(c));
          break;
        }
      }
    }
    if (file != "-" && stream.bad()) throw fatal(file + ": cannot read the file");
  }
}

void check_inputs(const std::vector<std::string>& files) {
  for (const auto& file : files) {
    if (file == "-") continue;
    if (std::filesystem::is_directory(file)) throw fatal(file + ": is a folder, not a file");
    if (!std::ifstream(file, std::ios::binary)) throw fatal(file + ": cannot open the file");
  }
}

namespace {
constexpr std::size_t spool_memory = std::size_t{4} << 20;  // bytes kept in memory
}  // namespace

spool::~spool() {
  if (file_) std::fclose(file_);
}

void spool::append(std::string_view text) {
  buffer_ += text;
  if (buffer_.size() >= spool_memory) spill();
}

void spool::spill() {
  if (!file_ && !(file_ = std::tmpfile())) return;  // no temporary file: it stays in memory
  if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size())
    throw fatal("cannot write a temporary file (disk full?)");
  buffer_.clear();
}

void spool::write_to(std::ostream& out) {
  if (file_) {
    if (std::fflush(file_) != 0) throw fatal("cannot write a temporary file (disk full?)");
    std::rewind(file_);
    std::string chunk(std::size_t{1} << 16, '\0');
    while (const std::size_t n = std::fread(chunk.data(), 1, chunk.size(), file_)) out.write(chunk.data(), static_cast<std::streamsize>(n));
    if (std::ferror(file_)) throw fatal("cannot read a temporary file");
  }
  out << buffer_;
}

loaded_cohort load_cohort(const std::vector<std::string>& files, const read_options& options,
                          const common_options& common) {
  loaded_cohort out;
  progress_meter meter(common, "cases read");
  read_inputs(files, options, [&](input_case&& c) {
    ++out.total;
    if (c.value) out.cases.push_back(std::move(*c.value));
    else out.unreadable.push_back(std::move(c));
    meter.tick(out.total);
  });
  meter.finish();
  return out;
}

output_file::output_file(const std::string& path) : path_(path) {
  if (path == "-") return;
  namespace fs = std::filesystem;
  const fs::path target(path);
  if (fs::is_directory(target)) throw fatal(path + ": is a folder, not a file");
  // A device or pipe (/dev/null, /dev/stdout, a FIFO) is written in place: renaming over it
  // would replace it with an ordinary file.
  std::error_code ec;
  const auto status = fs::status(target, ec);
  if (!ec && fs::exists(status) && !fs::is_regular_file(status)) {
    file_ = std::make_unique<std::ofstream>(path, std::ios::binary);
    if (!*file_) throw fatal(path + ": cannot write here");
    return;
  }
  temp_ = (target.parent_path() / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()))).string();
  file_ = std::make_unique<std::ofstream>(temp_, std::ios::binary | std::ios::trunc);
  if (!*file_) throw fatal(path + ": cannot write here");
}

output_file::~output_file() {
  if (!committed_ && !temp_.empty()) {
    file_.reset();
    std::error_code ignored;
    std::filesystem::remove(temp_, ignored);
  }
}

std::ostream& output_file::stream() { return file_ ? *file_ : std::cout; }

void output_file::commit() {
  if (!file_) {
    std::cout.flush();
    if (!std::cout) throw fatal("cannot write to standard output");
    committed_ = true;
    return;
  }
  file_->flush();
  const bool written = static_cast<bool>(*file_);
  file_.reset();  // closes the file
  if (!written) throw fatal(path_ + ": writing failed (disk full?)");
  if (temp_.empty()) {  // written in place (a device or pipe)
    committed_ = true;
    return;
  }
  std::error_code ec;
  std::filesystem::rename(temp_, path_, ec);
  if (ec) throw fatal(path_ + ": cannot write here");
  committed_ = true;
}

void make_output_folder(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir)) throw fatal(dir + ": cannot create the folder");
}

bool lines_output(std::string_view out) {
  return out == "-" || ends_with(out, ".jsonl") || ends_with(out, ".ndjson");
}

std::string cases_text(const std::vector<case_record>& cases, bool lines, bool single) {
  if (lines) {
    std::string text;
    for (const auto& c : cases) {
      write_case(text, c, {json_style::compact});
      text += '\n';
    }
    return text;
  }
  return single ? write_case(cases.front()) : to_json(cases);
}

void write_output(const std::string& path, const std::string& content) {
  output_file out(path);
  out.stream() << content;
  out.commit();
}

std::string where(const input_case& c) {
  if (c.line) return c.file + ":" + std::to_string(*c.line);
  if (c.in_array) return c.file + " [" + std::to_string(c.index) + "]";
  return c.file;
}

bool is_terminal(int fd) { return ::isatty(fd) == 1; }

progress_meter::progress_meter(const common_options& o, std::string what)
    : enabled_(!o.quiet && is_terminal(2)), what_(std::move(what)) {}

void progress_meter::tick(std::size_t done) {
  last_ = done;
  if (!enabled_ || done % 256 != 0) return;
  const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::steady_clock::now().time_since_epoch()).count();
  if (now - last_ms_ < 250) return;
  last_ms_ = now;
  shown_ = true;
  std::fprintf(stderr, "\r%zu %s...", done, what_.c_str());
  std::fflush(stderr);
}

void progress_meter::finish() {
  if (shown_) std::fprintf(stderr, "\r%zu %s.   \n", last_, what_.c_str());
}

std::string text_table(const std::vector<std::string>& header,
                       const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> width(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) width[i] = header[i].size();
  for (const auto& r : rows)
    for (std::size_t i = 0; i < r.size() && i < width.size(); ++i) width[i] = std::max(width[i], r[i].size());
  std::string out;
  const auto line = [&](const std::vector<std::string>& cells) {
    std::string l;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      l += cells[i];
      if (i + 1 < cells.size()) l.append(width[i] - cells[i].size() + 2, ' ');
    }
    l.erase(l.find_last_not_of(' ') + 1);
    out += l + "\n";
  };
  line(header);
  for (const auto& r : rows) line(r);
  return out;
}

}  // namespace iptkit::cli
