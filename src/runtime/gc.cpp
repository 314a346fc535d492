// gc.cpp — Boehm GC set-up; GMP allocates its temporaries from the C heap.
// A failed allocation throws std::bad_alloc, which the interpreter turns into
// MemoryError.
// GC_THREADS must precede every collector header: thread creation here goes
// through GC_pthread_create so the collector scans the interpreter thread.
#define GC_THREADS
#include "runtime/gc.h"

#include <cstdlib>
#include <cstring>
#include <cstdio>
#include <new>

#include <gc/gc.h>
#include <pthread.h>
#include <gmp.h>

namespace tributary::gc {

namespace {
// GMP cannot unwind an exception: a failed limb allocation ends the process
// (the int code checks sizes before calling GMP, so this is a last resort).
[[noreturn]] void gmp_out_of_memory() {
  std::fputs("MemoryError: out of memory\n", stderr);
  std::exit(1);
}
// GMP allocates from the C heap: its blocks are the limbs of temporaries
// (mpz_t locals, freed by mpz_clear) and its own scratch space, never part of
// a Python object. A big int copies its result's limbs into one block with the
// object that the collector does not scan (BigInt in object.h), so marking
// never walks limbs, and GMP's scratch blocks, which point at one another
// (TMP_BALLOC, mpn_mul_fft), never meet the collector.
void* gmp_alloc(size_t n) {
  void* p = std::malloc(n);
  if (!p) gmp_out_of_memory();
  return p;
}
void* gmp_realloc(void* p, size_t, size_t n) {
  // A big int's limbs live in its object: the int code sizes a result before
  // GMP writes it in place, so GMP never grows them (a wrong bound would
  // corrupt the heap here, so it stops instead).
  if (GC_base(p)) {
    std::fputs("internal error: GMP grew the limbs of a big int object\n", stderr);
    std::abort();
  }
  void* q = std::realloc(p, n);
  if (!q) gmp_out_of_memory();
  return q;
}
void gmp_free(void* p, size_t) { std::free(p); }

// Shared libraries whose writable data the collector need not scan: they never
// hold a pointer into the GC heap (what they keep of ours lives in their own
// malloc'd memory, which the collector never scans either). By default every
// collection scanned their segments as roots: capstone's disassembler tables
// alone are 1.7 MB, crypto's 0.4 MB, twice pidigits' live heap (1.2 MB), and
// each collection read them all.
constexpr const char* kUnscannedLibraries[] = {"libcapstone.", "libcrypto.", "libicu",  "libsqlite3.",
                                               "libexpat.",    "libz.",      "libgmp.", "libfmt."};
int GC_CALLBACK scan_library_data(const char* path, void*, size_t) {
  const char* slash = std::strrchr(path, '/');
  const char* name = slash ? slash + 1 : path;
  for (const char* prefix : kUnscannedLibraries)
    if (std::strncmp(name, prefix, std::strlen(prefix)) == 0) return 0;
  return 1;
}
} // namespace

void init() {
  // One marker thread (the collecting one), unless GC_MARKERS says otherwise:
  // the collector's parallel markers are woken and synchronized on every
  // collection, and for this single-threaded VM on 2 cores that cost more than
  // it saved (farm-bench, 7 runs each, wall: go 0.90x, nqueens 0.88x,
  // raytrace 0.77x, havlak and deltablue 0.98-0.99x; system time about half).
  if (!std::getenv("GC_MARKERS")) GC_set_markers_count(1);
  GC_register_has_static_roots_callback(scan_library_data);
  GC_INIT();
  // At least this many bytes are allocated between two collections. The
  // collector's own rule (a third of the heap) collects a small heap after a
  // few hundred KB: pidigits, whose live data is a few big ints, ran 2,800
  // collections, most of its time. (TRIBUTARY_GC_MIN_ALLOC=BYTES overrides.)
  size_t min_alloc = 4 << 20;
  if (const char* v = std::getenv("TRIBUTARY_GC_MIN_ALLOC")) min_alloc = std::strtoull(v, nullptr, 10);
  if (min_alloc) GC_set_min_bytes_allocd(min_alloc);
  mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free);
}

void collect() { GC_gcollect(); }

namespace detail {

void* g_free_lists[kFastGranules + 1];

void* refill(size_t granules) {
  // A list of cleared objects linked through their first words.
  void* list = GC_malloc_many(granules * kGranuleBytes);
  if (!list) throw std::bad_alloc();
  g_free_lists[granules] = GC_NEXT(list);
  GC_NEXT(list) = nullptr;
  return list;
}

void* alloc_large(size_t bytes) {
  void* p = GC_MALLOC(bytes);
  if (!p) throw std::bad_alloc();
  return p;
}

} // namespace detail

void* alloc_atomic(size_t bytes) {
  void* p = GC_MALLOC_ATOMIC(bytes);
  if (!p) throw std::bad_alloc();
  return p;
}

void* alloc_root(size_t bytes) {
  void* p = GC_MALLOC_UNCOLLECTABLE(bytes);
  if (!p) throw std::bad_alloc();
  return p;
}

void free_root(void* p) { GC_FREE(p); }

void free_now(void* p) { GC_FREE(p); }

bool run_on_large_stack(void* (*fn)(void*), void* arg, size_t stack_bytes) {
  pthread_attr_t attr;
  if (pthread_attr_init(&attr) != 0) return false;
  pthread_attr_setstacksize(&attr, stack_bytes);
  pthread_t thread;
  int rc = GC_pthread_create(&thread, &attr, fn, arg);
  pthread_attr_destroy(&attr);
  if (rc != 0) return false;
  // While the interpreter thread runs, this one only waits: unregistered, it
  // is not stopped (signalled and woken) for every collection. It holds no
  // pointer to the heap meanwhile (fn's argument is the caller's).
  const bool unregistered = GC_unregister_my_thread() == GC_SUCCESS;
  pthread_join(thread, nullptr);
  if (unregistered) {
    GC_stack_base sb;
    if (GC_get_stack_base(&sb) == GC_SUCCESS) GC_register_my_thread(&sb);
  }
  return true;
}

} // namespace tributary::gc
