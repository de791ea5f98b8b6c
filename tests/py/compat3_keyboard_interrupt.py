# KeyboardInterrupt uncaught: traceback, exit status 130 like CPython
print("before")
raise KeyboardInterrupt
