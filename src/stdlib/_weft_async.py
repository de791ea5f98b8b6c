"""Helpers of weft's async builtins (see builtins/asyncfuncs.rs)."""


async def anext_default(it, default):
    try:
        return await it.__anext__()
    except StopAsyncIteration:
        return default
