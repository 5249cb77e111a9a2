#pragma once
// Internal to the statistics: distributions (Boost.Math), argument checks with messages that say
// what was expected and what was found, group indexing, and a small dense symmetric solver.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace iptkit::stats::detail {

inline constexpr double z95 = 1.959963984540054;  // the 97.5% normal quantile

double normal_upper_two_sided(double z);              // 2 P(Z > |z|)
double chi_squared_upper(double x, double df);        // P(X > x), regularised incomplete gamma
double t_quantile(double p, double df);               // inverse CDF of Student's t
double t_upper_two_sided(double t, double df);        // 2 P(T > |t|)
double f_quantile(double p, double df1, double df2);  // inverse CDF of F
double f_upper(double f, double df1, double df2);     // P(F > f)

/// Collects messages about elements, keeping at most `limit` of each kind and counting the rest.
class error_list {
 public:
  explicit error_list(std::vector<std::string>& out) : out_(out) {}
  // Call once per offending element of `kind`; only the first few are spelled out.
  void element(std::string_view kind, const std::string& message);
  void finish();  // appends "... and N more" lines
 private:
  struct count { std::string kind; std::size_t n = 0; };
  std::vector<std::string>& out_;
  std::vector<count> counts_;
};

/// "name has N values but time has M": the length check of every analysis.
void check_length(std::vector<std::string>& errors, std::string_view name, std::size_t n,
                  std::string_view reference, std::size_t expected);

/// "name[i] is found: rule", the message of one offending element.
std::string element_message(std::string_view name, std::size_t i, std::string_view found, std::string_view rule);

/// "reference arm R has no <what>: expected one of the arms" when `reference` is not among `names`.
void check_reference(std::vector<std::string>& errors, const std::optional<std::string>& reference,
                     const std::vector<std::string>& names, std::string_view what);

/// Each infinite element of `v` as "name[i] is inf: expected a finite number (NaN marks a missing value)".
void check_finite(error_list& list, std::string_view name, std::span<const double> v);

/// Throws std::invalid_argument "iptkit::stats::<what>: <e1>; <e2>" when errors is not empty.
void throw_if(std::string_view what, const std::vector<std::string>& errors);

/// The sorted distinct labels and each element's index into them.
struct levels {
  std::vector<std::string> names;
  std::vector<std::size_t> index;
};
levels index_levels(std::span<const std::string> labels);

/// The number as text, shortest round trip ("2", "-0.5", "nan").
std::string number(double x);

/// In-place Cholesky factor of the symmetric p x p matrix `a` (row-major, lower triangle used);
/// false when it is not positive definite (relative pivot below `tolerance`).
bool cholesky(std::vector<double>& a, std::size_t p, double tolerance = 1e-12);
/// Solves L L' x = b with the factor from cholesky().
std::vector<double> cholesky_solve(const std::vector<double>& l, std::size_t p, std::vector<double> b);
/// The inverse of the matrix whose factor `l` is.
std::vector<double> cholesky_inverse(const std::vector<double>& l, std::size_t p);

}  // namespace iptkit::stats::detail
