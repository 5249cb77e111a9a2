#pragma once
/// @file
/// @brief Checks of cases built in code (not read from JSON): the structural errors reading their
/// canonical JSON would give, so that nothing is written that the reader rejects.

#include <iptkit/catalog.hpp>
#include <iptkit/json/read_error.hpp>
#include <iptkit/json/read_options.hpp>
#include <iptkit/measures/instrument.hpp>
#include <iptkit/model/case_record.hpp>
#include <iptkit/model/protocol.hpp>
#include <cstddef>
#include <span>
#include <vector>

namespace iptkit {

/// @brief Every structural error of `c`: exactly the errors read_case() reports, under the same
/// `options` (limits, redaction) and catalog, for the compact canonical JSON of `c` written without
/// a check — same JSON Pointers, kinds and messages, in the same order. Empty for a well-formed
/// case. Covers what a type cannot hold back: field constraints (an identifier's pattern, a
/// closeness of 1-4, a session number of 1-1000, an adaptation the catalog lacks),
/// enum values outside the enum, dates that do not exist (2026-02-30) or have no four-digit
/// year, object rules (an assessment with neither items nor total), unique ids, the read limits
/// and bytes that are not UTF-8.
/// @note One difference from reading: a string that is not UTF-8 is reported at its own path,
/// where the parser of the written text could only say where the bytes stopped it.
std::vector<read_error> check(const case_record& c, const read_options& options = {},
                              const catalog& cat = catalog::builtin());

/// @brief check() of a protocol (a registry entry or a trial's manual).
std::vector<read_error> check(const protocol& p, const read_options& options = {});

/// @brief check() of an instrument definition.
std::vector<read_error> check(const instrument& i, const read_options& options = {});

/// @brief True when check() finds nothing. Allocates nothing for a well-formed case and stops at
/// the first problem: the writers call it on every case.
bool is_well_formed(const case_record& c, const read_options& options = {},
                    const catalog& cat = catalog::builtin());

/// @brief Throws decode_error with check()'s errors when `c` is not well formed: the writers'
/// refusal. `options` as for check().
void require_well_formed(const case_record& c, const read_options& options = {},
                         const catalog& cat = catalog::builtin());

/// @brief require_well_formed() of a cohort: one decode_error with the errors of every case that
/// is not well formed, each path prefixed with `/<first_index + position>` (the case's pointer in
/// a JSON array of the cohort).
void require_well_formed(std::span<const case_record> cases, const read_options& options = {},
                         std::size_t first_index = 0, const catalog& cat = catalog::builtin());
/// @copydoc require_well_formed(std::span<const case_record>, const read_options&, std::size_t, const catalog&)
void require_well_formed(std::span<const case_record* const> cases, const read_options& options = {},
                         std::size_t first_index = 0, const catalog& cat = catalog::builtin());

}  // namespace iptkit
