// struct_format.h — struct format strings: parsing, packing and unpacking.
//
// A format is parsed once into a Layout (one Item per value, or per run of
// pad bytes / string bytes) with CPython's sizes, alignment and byte orders on
// an x86-64 Linux host: '@' native sizes and alignment; '=' and '<' standard
// sizes, little-endian; '>' and '!' standard sizes, big-endian. CPython packs
// '<'/'=' items whose standard size equals the native one with the native
// routines, and the native and standard routines word their range errors
// differently; `Item::check` records which wording applies.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "runtime/object.h"

namespace tributary::lib::structfmt {

enum class Order : uint8_t { Native, Little, Big };

// How an integer item checks its range (CPython routine family, see struct_module.cpp).
enum class IntCheck : uint8_t { Native, LittleStd, BigStd };

struct Item {
  char code;       // format character
  size_t offset;   // byte offset in the packed data
  size_t size;     // bytes (for 's', 'p' and 'x': the count)
  IntCheck check;
};

struct Layout {
  Order order = Order::Native;
  GcVector<Item> items; // every item but 'x' consumes one value
  size_t size = 0;
  size_t nvalues = 0;
};

// Parses `fmt`; raises struct.error ("bad char in struct format", ...).
Layout parse(std::string_view fmt);
// Packs `values` into `out` (layout.size bytes); raises struct.error on a count mismatch.
void pack_into(const Layout& layout, std::span<const Value> values, unsigned char* out, const char* fname);
std::string pack(const Layout& layout, std::span<const Value> values);
// Unpacks exactly layout.size bytes at `data`.
Tuple* unpack(const Layout& layout, const unsigned char* data);

// For the JIT (jit/record_builtins.cpp): which unpacking function of the
// module `fn` is, and the layout of a format str as the functions parse it
// (cached), or null, raising nothing, when it does not parse.
enum class UnpackFn : uint8_t { None, Unpack, UnpackFrom };
UnpackFn unpack_function(NativeFn fn);
const Layout* parsed_layout(Value fmt);

// The struct.error exception type.
Type& error_type();

} // namespace tributary::lib::structfmt
