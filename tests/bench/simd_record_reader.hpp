// Issue 16 goal 2, a trial: the journal's fast record reader
// (core/record_reader.hpp) written on simdjson's On Demand API instead of by
// hand. Same contract: it yields exactly the record the tree reader
// (record_from_json) yields, or says no and leaves the line to the tree
// reader. It is stricter than fast::read_record in one way: keys the tree
// reader ignores (unknown envelope or history keys) and keys written with
// escapes send the line to the tree reader instead of being skipped (On
// Demand does not validate what it skips). Only the benchmark
// (json_readers.cpp) uses it.
#pragma once
#include <string_view>

#include "core/dataset.hpp"

namespace desk::simd {

// As fast::read_record: reads one record line's JSON into the table of its
// type; false (nothing stored) when this reader does not take the line, or
// with `only_new` when a record of that id is already there.
bool read_record(std::string_view text, Dataset& into, bool only_new = false);

// For comparison: simdjson's DOM parser on the line, building no record (a
// DOM reader would take at least this long).
bool dom_parse_only(std::string_view text);

const char* version();
// simdjson's implementation chosen at run time (On Demand's stage 1: UTF-8
// and structure) and the one this file's On Demand code is compiled for
// (stage 2: reading values; fallback unless built with -march=haswell or so).
const char* active_implementation();
const char* builtin_implementation();

}  // namespace desk::simd
