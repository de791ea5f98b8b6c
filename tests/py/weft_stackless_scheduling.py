import stackless

def loop(name, n):
    for i in range(n):
        print(name, i)
        stackless.schedule()
    print(name, "finished")

stackless.tasklet(loop)("A", 3)
stackless.tasklet(loop)("B", 2)
stackless.tasklet(loop)("C", 1)
stackless.run()

t = stackless.tasklet(loop)
print("alive before bind", t.alive)
t("D", 1)
print("alive after bind", t.alive, "is main", t.is_main)
stackless.run()
print("alive after run", t.alive)

print("main is main", stackless.getcurrent() is stackless.getmain(), stackless.getcurrent().is_main)

# Killing a blocked tasklet.
ch = stackless.channel()
def blocked():
    try:
        ch.receive()
    except TaskletExit:
        print("blocked tasklet got TaskletExit")
        raise
b = stackless.tasklet(blocked)()
stackless.run()
print("blocked?", b.blocked, "balance", ch.balance)
b.kill()
print("alive after kill", b.alive, "balance", ch.balance)

# Killing a tasklet that never ran.
n = stackless.tasklet(loop)("never", 1)
n.kill()
print("never-run killed, alive:", n.alive)
stackless.run()
print("done")
