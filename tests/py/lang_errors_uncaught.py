def inner():
    return {}["nope"]

def outer():
    return inner()

print("before")
outer()
