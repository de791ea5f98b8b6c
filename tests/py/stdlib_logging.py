# logging: levels, hierarchy, propagation, formatters, handlers (output on
# stdout here so the expected file holds it; stderr is the default).
import logging
import sys

logging.warning("before basicConfig goes to %s", "stderr")
logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(levelname)s:%(name)s:%(message)s")
logging.debug("hidden")
logging.info("info %d", 1)
logging.warning("warn %s", "two")
logging.error("error")
log = logging.getLogger("app.db")
log.info("child propagates to root")
log.setLevel(logging.ERROR)
log.warning("dropped by level")
log.error("kept: %s", {"k": 1})
print(log.getEffectiveLevel(), logging.getLogger("app").getEffectiveLevel(), log.parent.name, logging.getLogger("app.db") is log)
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter("[{levelname}] {name}: {message}", style="{"))
other = logging.getLogger("other")
other.propagate = False
other.addHandler(h)
other.warning("own handler only")
other.setLevel(logging.DEBUG)
other.debug("debug %s %s", 1, 2)
class OnlyOdd(logging.Filter):
    def filter(self, record):
        return record.getMessage().endswith(("1", "3"))
other.addFilter(OnlyOdd())
for i in range(4):
    other.info("n=%d", i)
def fail():
    raise ValueError("boom")
try:
    fail()
except ValueError:
    logging.exception("failed")
adapter = logging.LoggerAdapter(logging.getLogger("ad"), {"user": "bob"})
adapter.info("adapted")
print(logging.getLevelName(logging.WARNING), logging.getLevelName(15), logging.getLevelName("ERROR"))
print(repr(logging.getLogger("app.db")), repr(logging.getLogger()))
logging.disable(logging.CRITICAL)
logging.critical("disabled")
logging.disable(logging.NOTSET)
logging.log(logging.WARNING, "log() with %s", "level")
try:
    logging.getLogger("x").setLevel("LOUD")
except ValueError as e:
    print("ValueError", e)
