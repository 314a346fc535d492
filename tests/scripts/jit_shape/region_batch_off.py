# Shape: region_batch.py with batching off: every bridge recompiles its
# loop's region at once (9 compilations for 8 bridges; under none the trace
# tree reaches region_compiles, 32, and is frozen).
# jit-params: region_batch=0
# jit-expect: hot_exits_unbridged==0 internal_errors==0
# jit-expect[none]: compiles_max==32 frozen==1
# jit-expect[diamond,generalize,cap:2,adaptive,cfg]: bridges==8 merges==8 compiles_max==9 side_exits<=17
import region_batch  # the same program, run as it is imported
