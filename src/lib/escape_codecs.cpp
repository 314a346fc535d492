// escape_codecs.cpp — the unicode_escape and raw_unicode_escape codecs
// (CPython's Objects/unicodeobject.c escape encoders and decoders), which
// str.encode/bytes.decode and `_codecs` reach through bytes.cpp.
//
// unicode_escape: printable ASCII as is, \t \n \r \\ and \xhh \uhhhh
// \Uhhhhhhhh escapes; decoding reads every Python string-literal escape,
// keeping an unknown one as written, with bytes otherwise Latin-1.
// raw_unicode_escape: Latin-1, with \uhhhh and \Uhhhhhhhh for the code
// points above 0xff; decoding reads those escapes only after an odd number of
// backslashes.
// Errors: 'strict' raises UnicodeDecodeError naming the codec as CPython
// ('unicodeescape'); 'ignore' and 'replace' are honoured; any other handler
// is a LookupError when an error occurs (as bytes.cpp's codecs).
#include <unicode/uchar.h>

#include <optional>
#include <string>

#include <fmt/format.h>

#include "lib/bytes_internal.h"
#include "runtime/exceptions.h"
#include "runtime/str.h"

namespace tributary::lib {

namespace {

enum class Escape { Unicode, Raw };

std::optional<Escape> escape_codec(std::string_view normalized) {
  if (normalized == "unicode-escape" || normalized == "unicodeescape") return Escape::Unicode;
  if (normalized == "raw-unicode-escape" || normalized == "rawunicodeescape") return Escape::Raw;
  return std::nullopt;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void hex_escape(std::string& out, char kind, uint32_t cp, int digits) {
  out += '\\';
  out += kind;
  out += fmt::format("{:0{}x}", cp, digits);
}

struct Decoder {
  std::string_view data;
  std::string_view errors;
  const char* codec;
  bool raw;
  std::string out;

  // An invalid escape at [start, end): the handler's choice, or UnicodeDecodeError.
  void bad(size_t start, size_t end, const char* reason) {
    if (errors == "ignore") return;
    if (errors == "replace") {
      utf8_append(out, 0xFFFD);
      return;
    }
    if (errors != "strict") raise_fmt(types::lookup_error, "unknown error handler name '{}'", errors);
    if (end - start <= 1)
      raise_fmt(types::unicode_decode_error, "'{}' codec can't decode byte 0x{:02x} in position {}: {}", codec,
                static_cast<unsigned char>(data[start]), start, reason);
    raise_fmt(types::unicode_decode_error, "'{}' codec can't decode bytes in position {}-{}: {}", codec, start, end - 1,
              reason);
  }

  // `count` hex digits from data[i] (i advanced past those read); false when fewer.
  bool read_hex(size_t& i, int count, uint32_t& value) {
    value = 0;
    for (; count > 0; --count, ++i) {
      if (i >= data.size() || hex_value(data[i]) < 0) return false;
      value = value * 16 + static_cast<uint32_t>(hex_value(data[i]));
    }
    return true;
  }

  // \x, \u or \U at data[start] (its letter at start + 1): the code point, or an error.
  void hex_sequence(size_t start, size_t& i, char kind) {
    const int count = kind == 'x' ? 2 : kind == 'u' ? 4 : 8;
    uint32_t cp;
    if (!read_hex(i, count, cp)) {
      bad(start, i,
          kind == 'x'   ? "truncated \\xXX escape"
          : kind == 'u' ? "truncated \\uXXXX escape"
                        : "truncated \\UXXXXXXXX escape");
      return;
    }
    if (cp > 0x10FFFF) {
      bad(start, i, raw ? "\\Uxxxxxxxx out of range" : "illegal Unicode character");
      return;
    }
    utf8_append(out, cp);
  }

  void unicode_escape() {
    size_t i = 0;
    while (i < data.size()) {
      auto b = static_cast<unsigned char>(data[i]);
      if (b != '\\') {
        utf8_append(out, b);
        ++i;
        continue;
      }
      size_t start = i++;
      if (i >= data.size()) {
        bad(start, data.size(), "\\ at end of string");
        break;
      }
      char c = data[i++];
      switch (c) {
      case '\n': break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 't': out += '\t'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 'v': out += '\v'; break;
      case 'a': out += '\a'; break;
      case '0':
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7': {
        uint32_t cp = static_cast<uint32_t>(c - '0');
        for (int k = 0; k < 2 && i < data.size() && data[i] >= '0' && data[i] <= '7'; ++k)
          cp = cp * 8 + static_cast<uint32_t>(data[i++] - '0');
        utf8_append(out, cp);
        break;
      }
      case 'x':
      case 'u':
      case 'U': hex_sequence(start, i, c); break;
      case 'N': {
        size_t close = i < data.size() && data[i] == '{' ? data.find('}', i) : std::string_view::npos;
        if (close == std::string_view::npos || close == i + 1) {
          bad(start, close == std::string_view::npos ? data.size() : close + 1, "malformed \\N character escape");
          if (close == std::string_view::npos)
            i = data.size();
          else
            i = close + 1;
          break;
        }
        std::string name(data.substr(i + 1, close - i - 1));
        UErrorCode status = U_ZERO_ERROR;
        UChar32 cp = u_charFromName(U_UNICODE_CHAR_NAME, name.c_str(), &status);
        if (U_FAILURE(status)) {
          status = U_ZERO_ERROR;
          cp = u_charFromName(U_EXTENDED_CHAR_NAME, name.c_str(), &status);
        }
        i = close + 1;
        if (U_FAILURE(status) || cp < 0)
          bad(start, i, "unknown Unicode character name");
        else
          utf8_append(out, static_cast<uint32_t>(cp));
        break;
      }
      default: // an unknown escape stays as written
        out += '\\';
        utf8_append(out, static_cast<unsigned char>(c));
        break;
      }
    }
  }

  void raw_unicode_escape() {
    size_t i = 0;
    while (i < data.size()) {
      auto b = static_cast<unsigned char>(data[i]);
      if (b != '\\') {
        utf8_append(out, b);
        ++i;
        continue;
      }
      size_t run = i;
      while (i < data.size() && data[i] == '\\') {
        out += '\\';
        ++i;
      }
      // \u and \U escape only after an odd number of backslashes.
      if (((i - run) & 1) == 0 || i >= data.size() || (data[i] != 'u' && data[i] != 'U')) continue;
      out.pop_back();
      size_t start = i - 1;
      char kind = data[i++];
      hex_sequence(start, i, kind);
    }
  }
};

} // namespace

std::optional<std::string> escape_encode(std::string_view utf8, std::string_view normalized_encoding) {
  auto codec = escape_codec(normalized_encoding);
  if (!codec) return std::nullopt;
  std::string out;
  out.reserve(utf8.size());
  for (size_t pos = 0; pos < utf8.size();) {
    uint32_t cp = utf8_at(utf8, pos);
    if (*codec == Escape::Raw) {
      if (cp < 0x100)
        out += static_cast<char>(cp);
      else if (cp < 0x10000)
        hex_escape(out, 'u', cp, 4);
      else
        hex_escape(out, 'U', cp, 8);
      continue;
    }
    if (cp == '\\')
      out += "\\\\";
    else if (cp == '\t')
      out += "\\t";
    else if (cp == '\n')
      out += "\\n";
    else if (cp == '\r')
      out += "\\r";
    else if (cp >= 0x20 && cp < 0x7F)
      out += static_cast<char>(cp);
    else if (cp < 0x100)
      hex_escape(out, 'x', cp, 2);
    else if (cp < 0x10000)
      hex_escape(out, 'u', cp, 4);
    else
      hex_escape(out, 'U', cp, 8);
  }
  return out;
}

std::optional<std::string> escape_decode(std::string_view data, std::string_view normalized_encoding,
                                         std::string_view errors) {
  auto codec = escape_codec(normalized_encoding);
  if (!codec) return std::nullopt;
  const bool raw = *codec == Escape::Raw;
  Decoder d{data, errors, raw ? "rawunicodeescape" : "unicodeescape", raw, {}};
  d.out.reserve(data.size());
  if (*codec == Escape::Unicode)
    d.unicode_escape();
  else
    d.raw_unicode_escape();
  return std::move(d.out);
}

} // namespace tributary::lib
