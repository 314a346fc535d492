// tiered.cpp — two code generators as one backend: a quick one for every
// compilation, an optimizing one for the code that stays hot (the region
// engine decides which, see Engine::promote). Each entry is released by the
// generator that made it.
#include <unordered_set>

#include "backends/backend.h"

namespace tributary::backends {

namespace {

class TieredBackend final : public Backend {
public:
  TieredBackend(std::unique_ptr<Backend> quick, std::unique_ptr<Backend> hot)
      : quick_(std::move(quick)), hot_(std::move(hot)) {}

  const char* name() const override { return "tiered"; }
  const char* tier_name(bool hot) const override { return hot ? hot_->name() : quick_->name(); }
  bool tiered() const override { return true; }
  void configure(const Options& o) override {
    quick_->configure(o);
    hot_->configure(o);
  }
  CodeResult compile(const lir::Func& f) override { return quick_->compile(f); }
  CodeResult compile_hot(const lir::Func& f) override {
    CodeResult r = hot_->compile(f);
    if (r.entry) hot_entries_.insert(r.entry);
    return r;
  }
  void release(void* entry) override {
    if (hot_entries_.erase(entry)) hot_->release(entry);
    else quick_->release(entry);
  }

private:
  std::unique_ptr<Backend> quick_, hot_;
  std::unordered_set<void*> hot_entries_;
};

} // namespace

std::unique_ptr<Backend> make_tiered_backend(std::unique_ptr<Backend> quick, std::unique_ptr<Backend> hot) {
  return std::make_unique<TieredBackend>(std::move(quick), std::move(hot));
}

} // namespace tributary::backends
