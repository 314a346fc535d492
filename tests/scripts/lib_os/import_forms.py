import os.path
import os
from os import path as osp, sep
from os.path import join, basename
import tempfile as tf
print(os.path is osp, join('a', 'b'), basename('/x/y'), sep, callable(tf.gettempdir))
import sys
print('os' in sys.modules, 'os.path' in sys.modules, os.path.__name__)
