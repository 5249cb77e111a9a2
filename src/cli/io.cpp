// Input, output and terminal plumbing of the command line.
#include "cli.hpp"

#include <cerrno>
#include <cstring>
#include <random>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace iptkit::cli {

std::string read_all(std::istream& in) {
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

namespace {

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

}  // namespace

read_options reading(const common_options& o) {
  read_options options;
  options.lax = o.lax;
  options.redact = o.redact;
  return options;
}

catalog load_catalog(const common_options& o) {
  catalog r;
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
    if (auto invalid = r.protocols.try_add_all(std::move(*loaded)); !invalid.empty())
      throw fatal(first_error(o.protocols_file, invalid));
  }
  if (!o.instruments_file.empty()) {
    auto loaded = read_instruments(load(o.instruments_file));
    if (!loaded) throw fatal(first_error(o.instruments_file, loaded.errors()));
    if (auto invalid = r.instruments.try_add_all(std::move(*loaded)); !invalid.empty())
      throw fatal(first_error(o.instruments_file, invalid));
  }
  return r;
}

void read_inputs(const std::vector<std::string>& files, const read_options& options, const catalog& cat,
                 const std::function<void(input_case&&)>& sink) {
  for (const auto& file : files) {
    if (file != "-" && std::filesystem::is_directory(file)) throw fatal(file + ": is a folder, not a file");
    std::ifstream stream;
    if (file != "-") {
      stream.open(file, std::ios::binary);
      if (!stream) throw fatal(file + ": cannot open the file");
    }
    std::istream& in = file == "-" ? std::cin : stream;
    // The library's one cohort reader: JSON Lines streamed, anything else read whole within
    // max_cohort_bytes.
    cohort_reader reader(in, file, options, cat);
    while (auto entry = reader.next()) sink(std::move(*entry));
    if (in.bad()) throw fatal(file + ": cannot read the file");
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

loaded_cohort load_cohort(const std::vector<std::string>& files, const read_options& options, const catalog& cat,
                          const common_options& common) {
  loaded_cohort out;
  progress_meter meter(common, "cases read");
  read_inputs(files, options, cat, [&](input_case&& c) {
    ++out.total;
    if (c.value) out.cases.push_back(std::move(*c.value));
    else out.unreadable.push_back(std::move(c));
    meter.tick(out.total);
  });
  meter.finish();
  return out;
}

// The stream of an output_file: a buffer over a POSIX file descriptor, so that the file can be
// fsynced before it is renamed and a failed write is reported with its errno (ENOSPC, EFBIG).
class output_file::fd_buffer : public std::streambuf {
 public:
  explicit fd_buffer(int fd) : fd_(fd) { setp(buffer_, buffer_ + sizeof buffer_); }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  bool drain() {
    const char* p = pbase();
    auto n = static_cast<std::size_t>(pptr() - pbase());
    while (n > 0 && error_ == 0) {
      const auto w = ::write(fd_, p, n);
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) error_ = w < 0 ? errno : EIO;
      else p += w, n -= static_cast<std::size_t>(w);
    }
    setp(buffer_, buffer_ + sizeof buffer_);
    return error_ == 0;
  }
  int fd_;
  int error_ = 0;
  char buffer_[1 << 16];
};

namespace {

namespace fs = std::filesystem;

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  if (fs::exists(a, ec) && fs::exists(b, ec)) return fs::equivalent(a, b, ec) && !ec;
  const auto ca = fs::weakly_canonical(a, ec);
  if (ec) return false;
  const auto cb = fs::weakly_canonical(b, ec);
  return !ec && ca == cb;
}

std::string system_error_text(int error) { return std::strerror(error); }

// A name for the temporary file beside `target` that no other run picks: pid and a random part.
std::string temporary_name(const fs::path& target) {
  static constexpr char hex[] = "0123456789abcdef";
  std::random_device random;
  std::string suffix;
  for (int i = 0; i < 8; ++i) suffix += hex[random() % 16];
  std::string name = ".";  // appended, not `"." + std::string`: GCC 12's -Wrestrict false positive at -O3
  name += target.filename().string();
  name += ".tmp-";
  name += std::to_string(::getpid());
  name += '-';
  name += suffix;
  return (target.parent_path() / name).string();
}

// The rename is durable only once the folder's entry is on disk too; best effort (not every
// file system lets a folder be fsynced).
void sync_folder(const fs::path& file) {
  const auto dir = file.parent_path().empty() ? fs::path(".") : file.parent_path();
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

void check_outputs(std::span<const std::string> inputs, std::span<const std::string> outputs) {
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    if (outputs[i].empty() || outputs[i] == "-") continue;
    for (const auto& input : inputs)
      if (input != "-" && same_file(input, outputs[i]))
        throw fatal(outputs[i] + ": is the input " + input + "; iptkit never writes over its input (choose another output)");
    for (std::size_t j = 0; j < i; ++j)
      if (outputs[j] != "-" && !outputs[j].empty() && same_file(outputs[i], outputs[j]))
        throw fatal(outputs[i] + ": given for two outputs; each output needs its own file");
  }
}

output_file::output_file(const std::string& path, output_rules rules)
    : path_(path), private_new_(rules.private_new) {
  if (path == "-") return;
  check_outputs(rules.inputs, std::span(&path, 1));
  fs::path target(path);
  std::error_code ec;
  if (fs::is_symlink(fs::symlink_status(target, ec))) {  // replace what it points to, keep the link
    target = fs::weakly_canonical(target, ec);
    if (ec) throw fatal(path + ": cannot follow the symbolic link (" + ec.message() + ")");
  }
  target_ = target.string();
  if (fs::is_directory(target)) throw fatal(path + ": is a folder, not a file");
  if (private_new_ && fs::exists(fs::symlink_status(path, ec)))
    throw fatal(path + ": already exists; it is never overwritten");
  // A device or pipe (/dev/null, /dev/stdout, a FIFO) is written in place: renaming over it
  // would replace it with an ordinary file.
  struct ::stat st {};
  const bool exists = ::stat(target_.c_str(), &st) == 0;
  if (exists && !S_ISREG(st.st_mode)) {
    fd_ = ::open(target_.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd_ < 0) throw fatal(path + ": cannot write here (" + system_error_text(errno) + ")");
  } else {
    const ::mode_t mode = private_new_ ? S_IRUSR | S_IWUSR : 0666;  // the umask applies to 0666
    for (int attempt = 0; fd_ < 0 && attempt < 16; ++attempt) {
      temp_ = temporary_name(target);
      fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
      if (fd_ < 0 && errno != EEXIST) break;
    }
    if (fd_ < 0) {
      const int error = errno;
      temp_.clear();
      throw fatal(path + ": cannot write here (" + system_error_text(error) + ")");
    }
    // The replacement keeps the old file's permissions (a 0600 file stays private).
    if (private_new_) ::fchmod(fd_, S_IRUSR | S_IWUSR);  // whatever the umask
    else if (exists) ::fchmod(fd_, st.st_mode & 07777);
  }
  buffer_ = std::make_unique<fd_buffer>(fd_);
  file_ = std::make_unique<std::ostream>(buffer_.get());
}

output_file::~output_file() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
}

std::ostream& output_file::stream() { return file_ ? *file_ : std::cout; }

void output_file::fail(int error) {
  std::string message = path_ + ": writing failed (" + system_error_text(error) + ")";
  if (!temp_.empty()) message += "; " + path_ + (private_new_ ? " was not created" : " is unchanged");
  throw fatal(message);
}

void output_file::commit() {
  if (!file_) {
    std::cout.flush();
    if (!std::cout) throw fatal("cannot write to standard output");
    committed_ = true;
    return;
  }
  file_->flush();
  if (buffer_->error() != 0 || !*file_) fail(buffer_->error() ? buffer_->error() : EIO);
  // On disk before it replaces the old file: a crash after the rename must not leave it empty.
  if (!temp_.empty() && ::fsync(fd_) != 0) fail(errno);
  const int closed = ::close(fd_);
  fd_ = -1;
  if (closed != 0 && errno != EINTR) fail(errno);
  if (temp_.empty()) {  // written in place (a device or pipe)
    committed_ = true;
    return;
  }
  if (private_new_) {
    // link() never replaces an existing file, unlike rename(): a file made meanwhile is kept.
    if (::link(temp_.c_str(), target_.c_str()) != 0) {
      const int error = errno;
      if (error == EEXIST) throw fatal(path_ + ": already exists; it is never overwritten");
      fail(error);
    }
    ::unlink(temp_.c_str());
  } else if (::rename(temp_.c_str(), target_.c_str()) != 0) {
    fail(errno);
  }
  committed_ = true;
  sync_folder(target_);
}

void make_output_folder(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir)) throw fatal(dir + ": cannot create the folder");
}

bool lines_output(std::string_view out) {
  return out == "-" || ends_with(out, ".jsonl") || ends_with(out, ".ndjson");
}

std::string cases_text(const std::vector<case_record>& cases, bool lines, bool single, const catalog& cat) {
  if (lines) {
    std::string text;
    for (const auto& c : cases) {
      write_case(text, c, {json_style::compact}, cat);
      text += '\n';
    }
    return text;
  }
  const write_options pretty{json_style::pretty};
  return single ? write_case(cases.front(), pretty, cat) : to_json(cases, pretty, cat);
}

void write_output(const std::string& path, const std::string& content, output_rules rules) {
  output_file out(path, rules);
  out.stream() << content;
  out.commit();
}

std::string where(const input_case& c) {
  if (c.line) return c.source + ":" + std::to_string(c.line);
  if (c.shape == cohort_shape::array) return c.source + " [" + std::to_string(c.index) + "]";
  return c.source;
}

bool is_terminal(int fd) { return ::isatty(fd) == 1; }

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
