// Shared pieces of the statistics (common.hpp). Distributions come from Boost.Math, header-only
// and part of Boost::headers, so the library gains no dependency.
#include "common.hpp"

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/fisher_f.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <stdexcept>

namespace iptkit::stats::detail {

double normal_upper_two_sided(double z) {
  return 2 * boost::math::cdf(boost::math::complement(boost::math::normal_distribution<>{}, std::fabs(z)));
}

double chi_squared_upper(double x, double df) {
  if (x <= 0) return 1;
  return boost::math::cdf(boost::math::complement(boost::math::chi_squared_distribution<>{df}, x));
}

double t_quantile(double p, double df) {
  return boost::math::quantile(boost::math::students_t_distribution<>{df}, p);
}

double t_upper_two_sided(double t, double df) {
  return 2 * boost::math::cdf(boost::math::complement(boost::math::students_t_distribution<>{df}, std::fabs(t)));
}

double f_quantile(double p, double df1, double df2) {
  return boost::math::quantile(boost::math::fisher_f_distribution<>{df1, df2}, p);
}

double f_upper(double f, double df1, double df2) {
  if (f <= 0) return 1;
  return boost::math::cdf(boost::math::complement(boost::math::fisher_f_distribution<>{df1, df2}, f));
}

namespace {
constexpr std::size_t shown_per_kind = 5;
}

void error_list::element(std::string_view kind, const std::string& message) {
  auto it = std::find_if(counts_.begin(), counts_.end(), [&](const count& c) { return c.kind == kind; });
  if (it == counts_.end()) {
    counts_.push_back({std::string(kind), 0});
    it = counts_.end() - 1;
  }
  if (++it->n <= shown_per_kind) out_.push_back(message);
}

void error_list::finish() {
  for (const auto& c : counts_) {
    if (c.n <= shown_per_kind) continue;
    std::string line = "... and ";
    line += std::to_string(c.n - shown_per_kind);
    line += " more ";
    line += c.kind;
    out_.push_back(std::move(line));
  }
}

void check_length(std::vector<std::string>& errors, std::string_view name, std::size_t n,
                  std::string_view reference, std::size_t expected) {
  if (n == expected) return;
  std::string m(name);
  m += " has ";
  m += std::to_string(n);
  m += " values but ";
  m += reference;
  m += " has ";
  m += std::to_string(expected);
  m += ": expected one per subject";
  errors.push_back(std::move(m));
}

std::string element_message(std::string_view name, std::size_t i, std::string_view found, std::string_view rule) {
  std::string m(name);
  m += "[";
  m += std::to_string(i);
  m += "] is ";
  m += found;
  m += ": ";
  m += rule;
  return m;
}

void check_finite(error_list& list, std::string_view name, std::span<const double> v) {
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (!std::isinf(v[i])) continue;
    list.element("infinite values",
                 element_message(name, i, number(v[i]), "expected a finite number (NaN marks a missing value)"));
  }
}

void check_reference(std::vector<std::string>& errors, const std::optional<std::string>& reference,
                     const std::vector<std::string>& names, std::string_view what) {
  if (!reference || std::find(names.begin(), names.end(), *reference) != names.end()) return;
  std::string m = "reference arm ";
  m += *reference;
  m += " has no ";
  m += what;
  m += ": expected one of the arms";
  errors.push_back(std::move(m));
}

void throw_if(std::string_view what, const std::vector<std::string>& errors) {
  if (errors.empty()) return;
  std::string message = "iptkit::stats::";
  message += what;
  message += ": ";
  for (std::size_t i = 0; i < errors.size(); ++i) {
    if (i) message += "; ";
    message += errors[i];
  }
  throw std::invalid_argument(message);
}

levels index_levels(std::span<const std::string> labels) {
  std::map<std::string, std::size_t, std::less<>> seen;
  for (const auto& l : labels) seen.emplace(l, 0);
  levels out;
  out.names.reserve(seen.size());
  for (auto& [name, i] : seen) {
    i = out.names.size();
    out.names.push_back(name);
  }
  out.index.reserve(labels.size());
  for (const auto& l : labels) out.index.push_back(seen.find(l)->second);
  return out;
}

std::string number(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, x);
  return std::string(buf, r.ptr);
}

bool cholesky(std::vector<double>& a, std::size_t p, double tolerance) {
  double scale = 0;
  for (std::size_t i = 0; i < p; ++i) scale = std::max(scale, std::fabs(a[i * p + i]));
  if (scale == 0) return p == 0;
  for (std::size_t j = 0; j < p; ++j) {
    double d = a[j * p + j];
    for (std::size_t k = 0; k < j; ++k) d -= a[j * p + k] * a[j * p + k];
    // A pivot that is tiny next to the original diagonal: a column that is (nearly) a combination
    // of the others.
    if (!(d > tolerance * std::max(std::fabs(a[j * p + j]), tolerance * scale))) return false;
    const double root = std::sqrt(d);
    a[j * p + j] = root;
    for (std::size_t i = j + 1; i < p; ++i) {
      double s = a[i * p + j];
      for (std::size_t k = 0; k < j; ++k) s -= a[i * p + k] * a[j * p + k];
      a[i * p + j] = s / root;
    }
    for (std::size_t i = 0; i < j; ++i) a[i * p + j] = 0;
  }
  return true;
}

std::vector<double> cholesky_solve(const std::vector<double>& l, std::size_t p, std::vector<double> b) {
  for (std::size_t i = 0; i < p; ++i) {
    for (std::size_t k = 0; k < i; ++k) b[i] -= l[i * p + k] * b[k];
    b[i] /= l[i * p + i];
  }
  for (std::size_t i = p; i-- > 0;) {
    for (std::size_t k = i + 1; k < p; ++k) b[i] -= l[k * p + i] * b[k];
    b[i] /= l[i * p + i];
  }
  return b;
}

std::vector<double> cholesky_inverse(const std::vector<double>& l, std::size_t p) {
  std::vector<double> inv(p * p);
  for (std::size_t j = 0; j < p; ++j) {
    std::vector<double> e(p, 0.0);
    e[j] = 1;
    const auto col = cholesky_solve(l, p, std::move(e));
    for (std::size_t i = 0; i < p; ++i) inv[i * p + j] = col[i];
  }
  return inv;
}

}  // namespace iptkit::stats::detail
