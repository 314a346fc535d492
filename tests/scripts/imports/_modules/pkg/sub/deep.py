from .. import helpers
from ..helpers import helper as h
VALUE = "deep " + h()
