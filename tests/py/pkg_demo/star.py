__all__ = ["public_name"]
public_name = "from star"
_private = 1
other = 2
