INIT = "pkg init"
from .helpers import helper
