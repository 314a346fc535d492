# A hot loop whose every iteration raises a group and handles it with
# except*: CHECK_EG_MATCH and PREP_RERAISE_STAR are residual calls, so the
# recording no longer aborts on them (this module-level loop's stores into
# globals still abort it, GlobalStore; except_star_loops.py compiles loops in functions).
# jit-params: threshold=2,function_threshold=3,trace_eagerness=2
# jit-expect: aborts.UnsupportedOpcode==0
total = 0
for i in range(300):
    try:
        raise ExceptionGroup("loop", [ValueError(i), TypeError(i)])
    except* ValueError as e:
        total += e.exceptions[0].args[0]
    except* TypeError:
        total += 1
print(total)
