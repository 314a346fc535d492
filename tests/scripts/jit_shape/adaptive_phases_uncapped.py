# Shape: adaptive_phases.py without the cap on re-formations: the loop is
# re-formed at most phase changes (14 of 29) and rebuilds its bridges each
# time.
# jit-params: adaptive_reforms=1000
# jit-expect[adaptive]: reformations>=10 bridges>=20
import adaptive_phases  # the same program, run as it is imported
