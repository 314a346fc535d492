# A hot loop whose every iteration raises a group and handles it with
# except*: the recording reaches CHECK_EG_MATCH, which the recorder does not
# support, and aborts cleanly; the loop keeps running in the interpreter.
# jit-params: threshold=2,function_threshold=3,trace_eagerness=2
# jit-expect: aborts.UnsupportedOpcode>=1
total = 0
for i in range(300):
    try:
        raise ExceptionGroup("loop", [ValueError(i), TypeError(i)])
    except* ValueError as e:
        total += e.exceptions[0].args[0]
    except* TypeError:
        total += 1
print(total)
