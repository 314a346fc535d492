# CPython's logging: levels, formatters with caller information (frames),
# handlers writing to a stream, logger hierarchy, %-args.
import io
import logging
import sys

logging.basicConfig(format="%(levelname)s:%(name)s:%(message)s", stream=sys.stdout)
log = logging.getLogger("app")
log.warning("hi %s", 3)
log.info("not shown")
log.setLevel(logging.DEBUG)
log.debug("dbg %d", 5)
child = logging.getLogger("app.db")
child.error("child %r", {"k": 1})
buf = io.StringIO()
h = logging.StreamHandler(buf)
h.setFormatter(logging.Formatter("[%(levelname)-7s] %(funcName)s:%(lineno)d %(message)s"))
child.addHandler(h)


def work():
    child.critical("in work")


work()
print(repr(buf.getvalue()))
print(logging.getLevelName(logging.WARNING), logging.getLevelName(25), log.isEnabledFor(logging.DEBUG), child.parent is log)
logging.getLogger().error("root %d", 5)
logging.disable(logging.CRITICAL)
log.critical("suppressed")
