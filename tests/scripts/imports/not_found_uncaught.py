print("start")
import definitely_missing_module
