# Schedule and channel callbacks, the error handler, switch_trap.
import stackless

names = {}
def n(t):
    return names.get(id(t), "None" if t is None else "?")
names[id(stackless.main)] = "main"

switches = []
def on_switch(prev, next):
    switches.append("%s->%s" % (n(prev), n(next)))
    assert stackless.current is prev

chanlog = []
def on_channel(channel, tasklet, sending, willblock):
    chanlog.append((n(channel), n(tasklet), sending, willblock))

print(stackless.set_schedule_callback(on_switch))
print(stackless.get_schedule_callback() is on_switch)
print(stackless.set_channel_callback(on_channel))
print(stackless.get_channel_callback() is on_channel)

ch = stackless.channel()
names[id(ch)] = "ch"
def producer():
    ch.send(1)
    ch.send(2)
def consumer():
    ch.receive()
    ch.receive()
p = stackless.tasklet(producer)(); names[id(p)] = "P"
c = stackless.tasklet(consumer)(); names[id(c)] = "C"
stackless.run()
print("switches:", " ".join(switches))
for entry in chanlog:
    print("channel:", entry)
print(stackless.set_schedule_callback(None) is on_switch, stackless.set_channel_callback(None) is on_channel)

# A failing schedule callback is reported and ignored.
def bad(prev, next):
    raise ValueError("bad callback")
stackless.set_schedule_callback(bad)
stackless.tasklet(lambda: print("tasklet ran despite the callback"))()
stackless.run()
stackless.set_schedule_callback(None)

# The error handler gets uncaught errors of tasklets (not main), in the
# failing tasklet; if it raises, that error goes to main.
def handler(typ, val, tb):
    print("handler:", typ.__name__, val, "in", n(stackless.current))
def failing():
    raise KeyError("k")
f = stackless.tasklet(failing)(); names[id(f)] = "F"
print("old handler", stackless.set_error_handler(handler))
stackless.run()
print("main not disturbed")
def handler2(typ, val, tb):
    raise RuntimeError("handler failed on " + typ.__name__)
print(stackless.set_error_handler(handler2) is handler)
stackless.tasklet(failing)()
try:
    stackless.run()
except RuntimeError as e:
    print("main got:", e)
stackless.set_error_handler(None)

# TaskletExit is not an error; kill() raises it in the tasklet.
def survivor():
    try:
        stackless.schedule_remove()
    except TaskletExit:
        print("caught TaskletExit, issubclass of SystemExit:", issubclass(TaskletExit, SystemExit))
        raise
s = stackless.tasklet(survivor)()
stackless.run()
s.kill()
print("killed quietly:", s.alive)

# switch_trap: while set, any switch raises RuntimeError.
stackless.tasklet(lambda: None)()
print("trap level", stackless.switch_trap(1))
try:
    stackless.schedule()
except RuntimeError as e:
    print("schedule under trap:", e)
try:
    ch.receive()
except RuntimeError as e:
    print("blocking under trap:", e)
print("trap level", stackless.switch_trap(-1))
stackless.run()
print("runcount", stackless.getruncount())
