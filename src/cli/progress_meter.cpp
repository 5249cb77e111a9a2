// The progress line of a long run on standard error (docs/cli.md, "Progress").
#include "cli.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace iptkit::cli {

namespace {

long long now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// How long a run goes before its line appears: two seconds, or IPTKIT_PROGRESS_DELAY_MS (for
// tests, which need the line from a short run). Anything but a whole number of milliseconds
// keeps the default.
long long delay_ms() {
  const char* text = std::getenv("IPTKIT_PROGRESS_DELAY_MS");
  if (!text || !*text) return 2000;
  char* end = nullptr;
  const long long ms = std::strtoll(text, &end, 10);
  return *end == '\0' && ms >= 0 ? ms : 2000;
}

bool wanted(const common_options& o) {
  switch (o.progress) {
    case progress_mode::on: return true;
    case progress_mode::off: return false;
    case progress_mode::automatic: break;
  }
  return !o.quiet && is_terminal(2);  // never into a pipe or a file unless asked
}

void write_stderr(const std::string& text) {
  std::fwrite(text.data(), 1, text.size(), stderr);
  std::fflush(stderr);
}

// `12,345`: a count with thousands separators.
std::string grouped(std::size_t n) {
  std::string s = std::to_string(n);
  for (auto i = static_cast<long>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), 1, ',');
  return s;
}

}  // namespace

progress_meter::progress_meter(const common_options& o, std::string what, std::optional<std::size_t> total)
    : enabled_(wanted(o)),
      prefix_(o.verb.empty() ? std::string("iptkit: ") : std::string("iptkit ").append(o.verb).append(": ")),
      what_(std::move(what)),
      total_(total),
      start_ms_(now_ms()),
      delay_ms_(enabled_ ? delay_ms() : 0) {}

progress_meter::~progress_meter() {
  if (drawn_ms_ >= 0 && !finished_) std::fputc('\n', stderr);
}

long long progress_meter::elapsed_ms() const { return now_ms() - start_ms_; }

void progress_meter::tick(std::size_t done) {
  done_ = done;
  if (!enabled_) return;
  const long long now = elapsed_ms();
  if (now < delay_ms_ || (drawn_ms_ >= 0 && now - drawn_ms_ < 200)) return;
  draw(done, now);
}

void progress_meter::draw(std::size_t done, long long now) {
  // Appended piece by piece: `"\r" + std::string` trips GCC 12's -Wrestrict at -O3.
  std::string line = "\r";
  line += prefix_;
  line += grouped(done);
  if (total_) {
    line += " of ";
    line += grouped(*total_);
  }
  line += ' ';
  line += what_;
  if (total_ && *total_ > 0) {
    line += " (";
    line += std::to_string(done * 100 / *total_);
    line += "%)";
  }
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, ", %.1f s", static_cast<double>(now) / 1000.0);
  line += seconds;
  const std::size_t width = line.size() - 1;
  if (width < width_) line.append(width_ - width, ' ');  // blank the rest of a longer line
  write_stderr(line);
  width_ = width;
  drawn_ms_ = now;
  shown_ = true;
}

void progress_meter::clear() {
  if (drawn_ms_ < 0) return;
  std::string blank(width_ + 2, ' ');
  blank.front() = blank.back() = '\r';
  write_stderr(blank);
  width_ = 0;
  drawn_ms_ = -1;
}

void progress_meter::finish() {
  if (finished_) return;
  finished_ = true;
  if (!shown_) return;  // a short run: nothing was shown, nothing to end
  draw(done_, elapsed_ms());
  write_stderr("\n");
  drawn_ms_ = -1;
}

}  // namespace iptkit::cli
