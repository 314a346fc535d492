// hashlib_module.cpp — `_hashlib` (and `_blake2`, `_sha512`) on OpenSSL's
// libcrypto, the C modules under CPython's hashlib.py: new(), the
// openssl_<name> constructors, HASH objects (update, digest, hexdigest, copy,
// name, digest_size, block_size), HASHXOF for the shake functions, pbkdf2_hmac.
//
// _sha512 (sha512, sha384) is what random.py imports first ("hashlib is
// pretty heavy to load"); its objects are HASH objects here, not CPython's
// _sha512.sha512 type.
//
// _blake2's blake2b/blake2s are libcrypto's BLAKE2b-512/BLAKE2s-256: their
// default digest size only; keys, salts, personalization and other sizes
// raise ValueError (libcrypto 3.0 has no parameters for them).
#include <openssl/evp.h>

#include <string>

#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/ops_internal.h"
#include "runtime/str.h"
#include "runtime/user_class.h"

namespace tributary::lib {

namespace {

Type hash_type, hashxof_type, blake2b_type, blake2s_type, unsupported_digestmod_type;

// A digest in progress. The EVP context is C-heap memory owned by the
// object; objects are never finalized, so it is freed only at exit (a few
// hundred bytes per hash object).
struct Hash : Object {
  EVP_MD_CTX* ctx;
  const char* name; // Python's name: "sha256", "sha3_256", "shake_128"
};

// Python's names and libcrypto's.
struct Algorithm {
  const char* python;
  const char* openssl;
};
constexpr Algorithm kAlgorithms[] = {
    {"md5", "MD5"},
    {"sha1", "SHA1"},
    {"sha224", "SHA224"},
    {"sha256", "SHA256"},
    {"sha384", "SHA384"},
    {"sha512", "SHA512"},
    {"sha512_224", "SHA512-224"},
    {"sha512_256", "SHA512-256"},
    {"sha3_224", "SHA3-224"},
    {"sha3_256", "SHA3-256"},
    {"sha3_384", "SHA3-384"},
    {"sha3_512", "SHA3-512"},
    {"shake_128", "SHAKE128"},
    {"shake_256", "SHAKE256"},
    {"blake2b", "BLAKE2B-512"},
    {"blake2s", "BLAKE2S-256"},
};

const Algorithm* find_algorithm(std::string_view name) {
  std::string lower(name);
  for (char& c : lower)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const Algorithm& a : kAlgorithms) {
    std::string alt = a.python;
    for (char& c : alt)
      if (c == '_') c = '-';
    if (lower == a.python || lower == alt) return &a;
  }
  return nullptr;
}

bool is_xof(const Hash* h) { return EVP_MD_flags(EVP_MD_CTX_get0_md(h->ctx)) & EVP_MD_FLAG_XOF; }

Hash* hash_self(Value v) {
  Type* t = type_of(v);
  if (t != &hash_type && t != &hashxof_type && t != &blake2b_type && t != &blake2s_type)
    raise_fmt(types::type_error, "descriptor requires a '_hashlib.HASH' object but received '{}'", tname(v));
  return v.as<Hash>();
}

void update(Hash* h, Value data) {
  if (is_str(data)) raise_type_error("Strings must be encoded before hashing");
  auto bytes = bytes_like(data);
  if (!bytes) raise_fmt(types::type_error, "object supporting the buffer API required");
  EVP_DigestUpdate(h->ctx, bytes->data(), bytes->size());
}

Value new_hash(const Algorithm& alg, Value data, Type* type = nullptr) {
  const EVP_MD* md = EVP_get_digestbyname(alg.openssl);
  if (!md) raise_fmt(types::value_error, "unsupported hash type {}", alg.python);
  auto* h = gc::make<Hash>();
  h->type = type ? type : (EVP_MD_flags(md) & EVP_MD_FLAG_XOF) ? &hashxof_type : &hash_type;
  h->ctx = EVP_MD_CTX_new();
  h->name = alg.python;
  if (!EVP_DigestInit_ex(h->ctx, md, nullptr)) raise_fmt(types::value_error, "unsupported hash type {}", alg.python);
  if (!data.is_empty() && !data.is_none()) update(h, data);
  return Value::object(h);
}

// new(name, data=b'', *, usedforsecurity=True)
Value h_new(Value, const Args& a) {
  Value p[3];
  bind_args(a, "new", {"name", "string", "usedforsecurity"}, 1, p, 0, 2);
  if (!is_str(p[0])) raise_fmt(types::type_error, "new() argument 'name' must be str, not {}", tname(p[0]));
  const Algorithm* alg = find_algorithm(p[0].as<Str>()->view());
  if (!alg) raise_fmt(types::value_error, "unsupported hash type {}", p[0].as<Str>()->view());
  return new_hash(*alg, p[1]);
}

// openssl_<name>(data=b'', *, usedforsecurity=True)
Value h_named(Value alg_index, const Args& a) {
  const Algorithm& alg = kAlgorithms[alg_index.as_small_int()];
  Value p[2];
  std::string fname = std::string("openssl_") + alg.python;
  bind_args(a, fname.c_str(), {"string", "usedforsecurity"}, 0, p, 0, 1);
  return new_hash(alg, p[0]);
}

// _sha512.<name>(string=b'', *, usedforsecurity=True)
Value h_sha2(Value alg_index, const Args& a) {
  const Algorithm& alg = kAlgorithms[alg_index.as_small_int()];
  Value p[2];
  bind_args(a, alg.python, {"string", "usedforsecurity"}, 0, p, 0, 1);
  return new_hash(alg, p[0]);
}

std::string final_digest(Hash* h, int64_t length) {
  EVP_MD_CTX* copy = EVP_MD_CTX_new();
  EVP_MD_CTX_copy_ex(copy, h->ctx);
  std::string out;
  if (is_xof(h)) {
    out.resize(static_cast<size_t>(length));
    if (length) EVP_DigestFinalXOF(copy, reinterpret_cast<unsigned char*>(out.data()), out.size());
  } else {
    unsigned char buf[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    EVP_DigestFinal_ex(copy, buf, &n);
    out.assign(reinterpret_cast<char*>(buf), n);
  }
  EVP_MD_CTX_free(copy);
  return out;
}

int64_t xof_length(Hash* h, const Args& a, const char* name) {
  if (!is_xof(h)) {
    check_none(a, name);
    return 0;
  }
  Value p[1];
  bind_args(a, name, {"length"}, 1, p);
  int64_t n = arg_index(p[0]);
  if (n < 0) raise_value_error("negative digest length");
  return n;
}

Value h_update(Value self, const Args& a) {
  check_one(a, "update");
  update(hash_self(self), a[0]);
  return Value::none();
}

Value h_digest(Value self, const Args& a) {
  Hash* h = hash_self(self);
  return make_bytes(final_digest(h, xof_length(h, a, "digest")));
}

Value h_hexdigest(Value self, const Args& a) {
  Hash* h = hash_self(self);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char c : final_digest(h, xof_length(h, a, "hexdigest"))) {
    hex += kHex[c >> 4];
    hex += kHex[c & 15];
  }
  return str_value(hex);
}

Value h_copy(Value self, const Args& a) {
  check_none(a, "copy");
  Hash* h = hash_self(self);
  auto* c = gc::make<Hash>();
  c->type = h->type;
  c->name = h->name;
  c->ctx = EVP_MD_CTX_new();
  EVP_MD_CTX_copy_ex(c->ctx, h->ctx);
  return Value::object(c);
}

Value h_name(Value self, const Args&) { return str_value(hash_self(self)->name); }
Value h_digest_size(Value self, const Args&) {
  Hash* h = hash_self(self);
  return Value::small_int(is_xof(h) ? 0 : EVP_MD_CTX_get_size(h->ctx));
}
Value h_block_size(Value self, const Args&) {
  return Value::small_int(EVP_MD_CTX_get_block_size(hash_self(self)->ctx));
}

Value h_repr(Value self, const Args&) {
  Hash* h = hash_self(self);
  return str_value(fmt::format("<{} {} object @ {}>", h->name,
                               h->type == &hash_type      ? "_hashlib.HASH"
                               : h->type == &hashxof_type ? "_hashlib.HASHXOF"
                                                          : h->type->name,
                               ops_detail::address(h)));
}

// pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None)
Value h_pbkdf2(Value, const Args& a) {
  Value p[5];
  bind_args(a, "pbkdf2_hmac", {"hash_name", "password", "salt", "iterations", "dklen"}, 4, p);
  if (!is_str(p[0]))
    raise_fmt(types::type_error, "pbkdf2_hmac() argument 'hash_name' must be str, not {}", tname(p[0]));
  const Algorithm* alg = find_algorithm(p[0].as<Str>()->view());
  const EVP_MD* md = alg ? EVP_get_digestbyname(alg->openssl) : nullptr;
  if (!md) raise_fmt(types::value_error, "unsupported hash type {}", p[0].as<Str>()->view());
  auto password = bytes_like(p[1]), salt = bytes_like(p[2]);
  if (!password || !salt) raise_type_error("a bytes-like object is required");
  int64_t iterations = arg_index(p[3]);
  if (iterations < 1) raise_value_error("iteration value must be greater than 0.");
  int64_t dklen = p[4].is_empty() || p[4].is_none() ? EVP_MD_get_size(md) : arg_index(p[4]);
  if (dklen < 1) raise_value_error("key length must be greater than 0.");
  std::string key(static_cast<size_t>(dklen), '\0');
  PKCS5_PBKDF2_HMAC(password->data(), static_cast<int>(password->size()),
                    reinterpret_cast<const unsigned char*>(salt->data()), static_cast<int>(salt->size()),
                    static_cast<int>(iterations), md, static_cast<int>(dklen),
                    reinterpret_cast<unsigned char*>(key.data()));
  return make_bytes(key);
}

Value h_fips_mode(Value, const Args&) { return Value::small_int(0); }

// hmac_new/hmac_digest: not done here; UnsupportedDigestmodError makes
// CPython's hmac use its pure-Python HMAC over these hashes.
Value h_hmac_unsupported(Value, const Args&) {
  raise(Value::object(
      new_exception(&unsupported_digestmod_type, "HMAC in C is not supported: hmac uses its Python code")));
}

Value h_compare_digest(Value, const Args& a) { return compare_digest(a); }

// _blake2.blake2b(data=b'', *, digest_size=..., key=b'', salt=b'', person=b'', ...)
template <bool kBig> Value blake2_new(Value, const Args& a) {
  Value p[13];
  bind_args(a, kBig ? "blake2b" : "blake2s",
            {"data", "digest_size", "key", "salt", "person", "fanout", "depth", "leaf_size", "node_offset",
             "node_depth", "inner_size", "last_node", "usedforsecurity"},
            0, p, 1, 1);
  int full = kBig ? 64 : 32;
  if (!p[1].is_empty() && arg_index(p[1]) != full)
    raise_value_error("blake2 digest sizes other than the default are not supported (libcrypto 3.0)");
  for (int i = 2; i <= 4; ++i)
    if (!p[i].is_empty() && !bytes_like(p[i])->empty())
      raise_value_error("blake2 keys, salts and personalization are not supported (libcrypto 3.0)");
  const Algorithm& alg = *find_algorithm(kBig ? "blake2b" : "blake2s");
  return new_hash(alg, p[0], kBig ? &blake2b_type : &blake2s_type);
}

void init_hash_type(Type& t, const char* name, const char* module) {
  init_type(t, name, Kind::Object, &types::object);
  t.module_name = Value::object(intern(module));
  add_methods(t, {{"update", self_or_first<h_update>},
                  {"digest", self_or_first<h_digest>},
                  {"hexdigest", self_or_first<h_hexdigest>},
                  {"copy", self_or_first<h_copy>},
                  {"__repr__", self_or_first<h_repr>}});
  add_getter(t, "name", self_or_first<h_name>);
  add_getter(t, "digest_size", self_or_first<h_digest_size>);
  add_getter(t, "block_size", self_or_first<h_block_size>);
}

void init_types() {
  init_hash_type(hash_type, "HASH", "_hashlib");
  init_exception_type(unsupported_digestmod_type, "UnsupportedDigestmodError", types::value_error);
  unsupported_digestmod_type.module_name = Value::object(intern("_hashlib"));
  init_hash_type(hashxof_type, "HASHXOF", "_hashlib");
  init_hash_type(blake2b_type, "blake2b", "_blake2");
  blake2b_type.construct = blake2_new<true>;
  init_hash_type(blake2s_type, "blake2s", "_blake2");
  blake2s_type.construct = blake2_new<false>;
}

} // namespace

Module* make_hashlib_module() {
  if (!hash_type.dict) init_types();
  Module* m = new_module("_hashlib");
  add_function(m, "new", h_new);
  add_function(m, "pbkdf2_hmac", h_pbkdf2);
  add_function(m, "get_fips_mode", h_fips_mode);
  add_function(m, "compare_digest", h_compare_digest);
  add_function(m, "hmac_new", h_hmac_unsupported);
  add_function(m, "hmac_digest", h_hmac_unsupported);
  add_value(m, "UnsupportedDigestmodError", Value::object(&unsupported_digestmod_type));
  add_value(m, "HASH", Value::object(&hash_type));
  add_value(m, "HASHXOF", Value::object(&hashxof_type));
  Set* names = new_set(&types::frozenset);
  for (size_t i = 0; i < std::size(kAlgorithms); ++i) {
    const Algorithm& alg = kAlgorithms[i];
    set_add(names, str_value(alg.python));
    if (std::string_view(alg.python).starts_with("blake2")) continue; // (hashlib takes them from _blake2)
    std::string fname = std::string("openssl_") + alg.python;
    Value fn = new_native(intern(fname)->data, h_named, Value::small_int(static_cast<int64_t>(i)));
    dict_set(m->dict, Value::object(intern(fname)), fn);
  }
  add_value(m, "openssl_md_meth_names", Value::object(names));
  return m;
}

Module* make_sha512_module() {
  if (!hash_type.dict) init_types();
  Module* m = new_module("_sha512");
  for (size_t i = 0; i < std::size(kAlgorithms); ++i) {
    std::string_view name = kAlgorithms[i].python;
    if (name == "sha512" || name == "sha384")
      add_value(m, kAlgorithms[i].python, new_native(kAlgorithms[i].python, h_sha2, Value::small_int(int64_t(i))));
  }
  return m;
}

Module* make_blake2_module() {
  if (!hash_type.dict) init_types();
  Module* m = new_module("_blake2");
  add_value(m, "blake2b", Value::object(&blake2b_type));
  add_value(m, "blake2s", Value::object(&blake2s_type));
  return m;
}

} // namespace tributary::lib
