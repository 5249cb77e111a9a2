#include <iptkit/model/date.hpp>

#include <cstdio>

namespace iptkit {

bool has_date_shape(std::string_view t) noexcept {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (t[i] < '0' || t[i] > '9') return false;
  return true;
}

std::optional<date> parse_date(std::string_view t) noexcept {
  if (!has_date_shape(t)) return std::nullopt;
  auto number = [&](std::size_t from, std::size_t len) {  // digits only (has_date_shape)
    int v = 0;
    for (std::size_t i = from; i < from + len; ++i) v = v * 10 + (t[i] - '0');
    return v;
  };
  const date d{std::chrono::year{number(0, 4)}, std::chrono::month{static_cast<unsigned>(number(5, 2))},
               std::chrono::day{static_cast<unsigned>(number(8, 2))}};
  if (!d.ok()) return std::nullopt;
  return d;
}

std::string format_date(date d) {
  char buf[16];
  const int y = static_cast<int>(d.year());
  // A year outside 0-9999 gets a sign (ISO 8601's expanded form), never a clamp: a date must not
  // turn silently into another one, and the reader rejects this shape (bad_date).
  std::snprintf(buf, sizeof buf, y >= 0 && y <= 9999 ? "%04d-%02u-%02u" : "%+05d-%02u-%02u", y,
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf;
}

}  // namespace iptkit
