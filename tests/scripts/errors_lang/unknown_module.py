try:
    import definitely_not_a_module
except ImportError as e:
    print(type(e).__name__, e.name)
import another_missing_module
