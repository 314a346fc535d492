// bytes_internal.h — helpers shared by the files of bytes and bytearray methods
// (bytes.cpp, bytes_text.cpp, percent_format.cpp); not used outside them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "runtime/object.h"
#include "runtime/ops.h"

namespace tributary::lib {

bool is_bytearray(Value v); // a bytearray or a subclass
// bytes or bytearray holding `data`, like the receiver `self`.
Value make_like(Value self, std::string_view data);
// The receiver's bytes (a bytes or bytearray).
std::string_view self_view(Value self);
// A part of self's data: self itself when the part is all of an exact bytes
// object (CPython shares it: `b.strip() is b`), else a new object like self.
Value part_of(Value self, std::string_view part);
// A bytes-like argument, or TypeError "a bytes-like object is required, not 'str'".
std::string_view buffer_arg(Value v);
bool is_ascii_space(unsigned char c);
// The argument checks of METH_NOARGS and METH_O methods, naming the method's
// type: "bytearray.upper() takes no arguments (1 given)".
std::string method_qualname(Value self, const char* name);
void check_no_args(Value self, const Args& a, const char* name);
void check_one_arg(Value self, const Args& a, const char* name);
// The unicode_escape and raw_unicode_escape codecs (escape_codecs.cpp), for an
// encoding name lowered with '-' for '_'; nullopt for any other encoding.
std::optional<std::string> escape_encode(std::string_view utf8, std::string_view normalized_encoding);
std::optional<std::string> escape_decode(std::string_view data, std::string_view normalized_encoding,
                                         std::string_view errors);
// Registers the ASCII text methods (bytes_text.cpp) on bytes and bytearray.
void add_bytes_text_methods();

} // namespace tributary::lib
