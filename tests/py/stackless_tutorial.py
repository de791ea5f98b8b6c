import stackless

def print_x(x):
    print(x)

stackless.tasklet(print_x)('one')
stackless.tasklet(print_x)('two')
stackless.tasklet(print_x)('three')
stackless.run()

def print_three_times(x):
    print("1:", x)
    stackless.schedule()
    print("2:", x)
    stackless.schedule()
    print("3:", x)
    stackless.schedule()

stackless.tasklet(print_three_times)('first')
stackless.tasklet(print_three_times)('second')
stackless.tasklet(print_three_times)('third')
stackless.run()

channel = stackless.channel()
def receiving_tasklet():
    print("Receiving tasklet started")
    print(channel.receive())
    print("Receiving tasklet finished")
def sending_tasklet():
    print("Sending tasklet started")
    channel.send("send from sending_tasklet")
    print("sending tasklet finished")
def another_tasklet():
    print("Just another tasklet in the scheduler")
stackless.tasklet(receiving_tasklet)()
stackless.tasklet(sending_tasklet)()
stackless.tasklet(another_tasklet)()
stackless.run()

def ping():
    while ping_channel.receive():
        print("PING")
        pong_channel.send("from ping")
def pong():
    while pong_channel.receive():
        print("PONG")
        ping_channel.send("from pong")
ping_channel = stackless.channel()
pong_channel = stackless.channel()
stackless.tasklet(ping)()
stackless.tasklet(pong)()
stackless.tasklet(ping_channel.send)('startup')
for i in range(3):
    stackless.schedule()
print("main done", stackless.getruncount())
