// io_internal.h — what io_module.cpp (`_io`'s bases, StringIO, BytesIO,
// TextIOWrapper) and io_file.cpp (FileIO and the Buffered* classes) share.
#pragma once

#include <string_view>

#include "runtime/object.h"

namespace tributary::lib::io {

[[noreturn]] void unsupported(std::string_view what); // io.UnsupportedOperation
[[noreturn]] void closed_error();                     // "I/O operation on closed file."
// A size argument: None or an int (negative: all).
int64_t size_arg(const Args& a, const char* name);

// io_file.cpp: the methods of FileIO, BufferedReader, BufferedWriter,
// BufferedRandom and BufferedRWPair (their types are made by io_module.cpp's
// init_io_type with these object sizes), and a blank object of each layout.
extern const uint32_t kFileIOSize, kBufferedSize;
void init_file_types(Type& fileio, Type& reader, Type& writer, Type& random, Type& rwpair);
Value blank_file_object(Type* layout);

} // namespace tributary::lib::io
