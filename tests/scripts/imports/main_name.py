print(__name__)
if __name__ == "__main__":
    print("running as main")
import sys
print(sys.modules["__main__"].__name__)
