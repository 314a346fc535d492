// binascii_module.cpp — `binascii`, what base64 and the library's codecs
// use: base64 (b2a_base64, a2b_base64 with strict_mode), hex (hexlify /
// b2a_hex with separators, unhexlify / a2b_hex), crc32 and crc_hqx, with
// CPython's binascii.Error (a ValueError) messages. Not yet: uu and
// quoted-printable.
#include <zlib.h>

#include <string>

#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/str.h"

namespace tributary::lib {

namespace {

Type error_type, incomplete_type;

[[noreturn]] void binascii_error(std::string_view msg) { raise(Value::object(new_exception(&error_type, msg))); }

// Binary data: bytes-like objects (and, for the a2b functions, ASCII str).
std::string_view binary_arg(Value v, bool ascii_str) {
  if (ascii_str && is_str(v)) {
    if (!v.as<Str>()->ascii) raise_value_error("string argument should contain only ASCII characters");
    return v.as<Str>()->view();
  }
  auto b = bytes_like(v);
  if (!b && ascii_str)
    raise_fmt(types::type_error, "argument should be bytes, buffer or ASCII string, not '{}'", tname(v));
  if (!b) raise_fmt(types::type_error, "a bytes-like object is required, not '{}'", tname(v));
  return *b;
}

constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int b64_value(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

Value b2a_base64(Value, const Args& a) {
  Value p[2];
  bind_args(a, "b2a_base64", {"data", "newline"}, 1, p, 1, 1);
  std::string_view in = binary_arg(p[0], false);
  std::string out;
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    uint32_t v = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8) | uint8_t(in[i + 2]);
    out += {kB64[v >> 18], kB64[(v >> 12) & 63], kB64[(v >> 6) & 63], kB64[v & 63]};
  }
  if (in.size() - i == 1) {
    uint32_t v = uint8_t(in[i]) << 16;
    out += {kB64[v >> 18], kB64[(v >> 12) & 63], '=', '='};
  } else if (in.size() - i == 2) {
    uint32_t v = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8);
    out += {kB64[v >> 18], kB64[(v >> 12) & 63], kB64[(v >> 6) & 63], '='};
  }
  if (p[1].is_empty() || truthy(p[1])) out += '\n';
  return make_bytes(out);
}

// strict_mode's checks, before decoding.
void check_strict_base64(std::string_view in) {
  if (!in.empty() && in[0] == '=') binascii_error("Leading padding not allowed");
  bool padding = false;
  int quad = 0, pads = 0;
  for (size_t i = 0; i < in.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (c == '=') {
      padding = true;
      if (quad >= 2 && quad + ++pads >= 4) {
        if (i + 1 < in.size()) binascii_error("Excess data after padding");
        return;
      }
      continue;
    }
    if (b64_value(c) < 0) binascii_error("Only base64 data is allowed");
    if (padding) binascii_error("Discontinuous padding not allowed");
    quad = (quad + 1) % 4;
  }
}

// a2b_base64(data, *, strict_mode=False): CPython's decoder: characters
// outside the alphabet are skipped, padding closes a quad of 2 or 3.
Value a2b_base64(Value, const Args& a) {
  Value p[2];
  bind_args(a, "a2b_base64", {"data", "strict_mode"}, 1, p, 1, 1);
  std::string_view in = binary_arg(p[0], true);
  if (!p[1].is_empty() && truthy(p[1])) check_strict_base64(in);
  std::string out;
  uint32_t acc = 0;
  int quad = 0, pads = 0;
  size_t chars = 0;
  for (unsigned char c : in) {
    if (c == '=') {
      if (quad >= 2 && quad + ++pads >= 4) {
        if (quad == 2) {
          out += static_cast<char>(acc >> 4);
        } else {
          out += static_cast<char>(acc >> 10);
          out += static_cast<char>((acc >> 2) & 0xFF);
        }
        quad = 0, acc = 0, pads = 0;
      }
      continue;
    }
    int v = b64_value(c);
    if (v < 0) continue;
    ++chars;
    pads = 0;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    if (++quad == 4) {
      out += static_cast<char>(acc >> 16);
      out += static_cast<char>((acc >> 8) & 0xFF);
      out += static_cast<char>(acc & 0xFF);
      quad = 0, acc = 0;
    }
  }
  if (quad == 1)
    binascii_error(fmt::format(
        "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4", chars));
  if (quad != 0) binascii_error("Incorrect padding");
  return make_bytes(out);
}

Value hexlify(Value, const Args& a) {
  Value p[3];
  bind_args(a, "hexlify", {"data", "sep", "bytes_per_sep"}, 1, p);
  std::string_view in = binary_arg(p[0], false);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string sep;
  if (!p[1].is_empty() && !p[1].is_none()) {
    sep = is_str(p[1]) ? std::string(p[1].as<Str>()->view()) : std::string(binary_arg(p[1], false));
    if (sep.size() != 1) raise_value_error("sep must be length 1.");
  }
  int64_t per = p[2].is_empty() ? 1 : arg_index(p[2]);
  std::string out;
  size_t n = in.size();
  size_t group = static_cast<size_t>(per < 0 ? -per : per);
  for (size_t i = 0; i < n; ++i) {
    if (!sep.empty() && i > 0 && group > 0) {
      // Groups count from the right for a positive bytes_per_sep.
      size_t pos = per > 0 ? n - i : i;
      if (pos % group == 0) out += sep;
    }
    unsigned char c = static_cast<unsigned char>(in[i]);
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return make_bytes(out);
}

int hex_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Value unhexlify(Value, const Args& a) {
  Value p[1];
  bind_args(a, "unhexlify", {"hexstr"}, 1, p, 1);
  std::string_view in = binary_arg(p[0], true);
  if (in.size() % 2) binascii_error("Odd-length string");
  std::string out;
  for (size_t i = 0; i < in.size(); i += 2) {
    int hi = hex_value(static_cast<unsigned char>(in[i])), lo = hex_value(static_cast<unsigned char>(in[i + 1]));
    if (hi < 0 || lo < 0) binascii_error("Non-hexadecimal digit found");
    out += static_cast<char>(hi * 16 + lo);
  }
  return make_bytes(out);
}

uint32_t masked(Value v) { return static_cast<uint32_t>(*int_as_i64(int_and(v, make_int(int64_t{0xFFFFFFFF})))); }

Value b_crc32(Value, const Args& a) {
  check_takes(a, "crc32", 1, 2);
  no_kwargs(a, "crc32");
  std::string_view in = binary_arg(a[0], false);
  uLong c = a.npos > 1 ? masked(a[1]) : 0;
  return make_int(
      static_cast<int64_t>(crc32(c, reinterpret_cast<const Bytef*>(in.data()), static_cast<uInt>(in.size()))));
}

// crc_hqx(data, value): CRC-CCITT (XMODEM), as binhex uses.
Value b_crc_hqx(Value, const Args& a) {
  check_takes(a, "crc_hqx", 2, 2);
  no_kwargs(a, "crc_hqx");
  std::string_view in = binary_arg(a[0], false);
  uint32_t crc = masked(a[1]) & 0xFFFF;
  for (unsigned char c : in) {
    crc ^= static_cast<uint32_t>(c) << 8;
    for (int k = 0; k < 8; ++k)
      crc = (crc & 0x8000) ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
  }
  return make_int(int64_t{crc});
}

} // namespace

Module* make_binascii_module() {
  if (!error_type.dict) {
    init_exception_type(error_type, "Error", types::value_error);
    error_type.module_name = Value::object(intern("binascii"));
    init_exception_type(incomplete_type, "Incomplete", types::exception);
    incomplete_type.module_name = Value::object(intern("binascii"));
  }
  Module* m = new_module("binascii");
  static const MethodDef kFunctions[] = {
      {"b2a_base64", b2a_base64}, {"a2b_base64", a2b_base64}, {"hexlify", hexlify}, {"b2a_hex", hexlify},
      {"unhexlify", unhexlify},   {"a2b_hex", unhexlify},     {"crc32", b_crc32},   {"crc_hqx", b_crc_hqx},
  };
  for (const MethodDef& d : kFunctions)
    add_function(m, d.name, d.fn);
  add_value(m, "Error", Value::object(&error_type));
  add_value(m, "Incomplete", Value::object(&incomplete_type));
  return m;
}

} // namespace tributary::lib
