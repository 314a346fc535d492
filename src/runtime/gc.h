// gc.h — the one allocation interface, over Boehm GC.
//
// Every heap object is allocated here. Boehm scans the C stack, registers and
// the GC heap conservatively, so NaN-boxed pointers (raw addresses) keep their
// targets alive without stack maps. Objects holding no pointers (the bytes of
// str and bytes, a big int's limbs) use the atomic variant, which the collector
// does not scan; GMP's temporaries live in the C heap (see gc.cpp).
#pragma once

#include <cstddef>
#include <new>
#include <vector>

#include <gc/gc_allocator.h>

namespace tributary::gc {

void init();

namespace detail {
// Small scanned objects come from free lists of our own, one per size in
// 16-byte granules, refilled a collector block at a time (GC_malloc_many): an
// allocation is a pop inline, where GC_malloc is a call, a thread-local lookup
// through __tls_get_addr (libgc is a shared library) and now and then a lock.
// The lists live in static data, so the collector sees every object on them
// (linked through their first words) as reachable. Only the interpreter
// thread allocates (main.cpp starts it and waits), so the lists need no lock.
inline constexpr size_t kGranuleBytes = 16;
inline constexpr size_t kFastGranules = 32; // objects up to 512 bytes
extern void* g_free_lists[kFastGranules + 1];
void* refill(size_t granules);
void* alloc_large(size_t bytes);
} // namespace detail

// Zeroed, scanned.
inline void* alloc(size_t bytes) {
  const size_t granules = bytes ? (bytes + detail::kGranuleBytes - 1) / detail::kGranuleBytes : 1;
  if (granules > detail::kFastGranules) return detail::alloc_large(bytes);
  void*& head = detail::g_free_lists[granules];
  void* p = head;
  if (!p) return detail::refill(granules);
  head = *static_cast<void**>(p);
  *static_cast<void**>(p) = nullptr; // (the rest of the object is already cleared)
  return p;
}
void* alloc_atomic(size_t bytes); // not zeroed, never scanned
void* alloc_root(size_t bytes);   // scanned, never collected (static tables)
void free_root(void* p);
// Returns a collected block that nothing references any more (a consumed
// temporary) to the allocator now, without waiting for a collection.
void free_now(void* p);
void collect(); // a full collection now (gc.collect())
// Runs fn(arg) on a new collector-registered thread with `stack_bytes` of
// stack and waits for it; false if the thread could not be created.
bool run_on_large_stack(void* (*fn)(void*), void* arg, size_t stack_bytes);

template <class T, class... A> T* make(A&&... a) {
  return new (alloc(sizeof(T))) T(static_cast<A&&>(a)...);
}

} // namespace tributary::gc

namespace tributary {
// A std::vector whose buffer lives in (and is scanned by) the GC heap.
template <class T> using GcVector = std::vector<T, gc_allocator<T>>;
} // namespace tributary
