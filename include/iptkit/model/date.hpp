#pragma once
/// @file
/// @brief Calendar dates of the case document (ISO 8601 `YYYY-MM-DD`).

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace iptkit {

/// @brief A calendar date. The model never stores dates as strings.
using date = std::chrono::year_month_day;

/// @brief Parses `YYYY-MM-DD` exactly; nullopt for any other shape or a day that does not exist.
std::optional<date> parse_date(std::string_view text) noexcept;

/// @brief True when `text` has the shape `YYYY-MM-DD` (digits and dashes), whether or not it exists.
bool has_date_shape(std::string_view text) noexcept;

/// @brief Formats a date as `YYYY-MM-DD`; a year outside 0-9999 is written with its sign
/// (`+12026-01-05`, `-0001-01-05`), which no reader here accepts as a date.
std::string format_date(date d);

/// @brief Whole days from `from` to `to` (negative when `to` is earlier).
inline long days_between(date from, date to) noexcept {
  return static_cast<long>((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count());
}

/// @brief The date `days` days after `d`.
inline date add_days(date d, long days) noexcept {
  return date{std::chrono::sys_days{d} + std::chrono::days{days}};
}

}  // namespace iptkit
