# SystemExit raised in a tasklet (not main) ends the whole program.
import stackless, sys

def quitter():
    print("tasklet exits the program")
    sys.exit(3)

def never():
    print("not reached")

stackless.tasklet(quitter)()
stackless.tasklet(never)()
stackless.run()
print("not reached either")
